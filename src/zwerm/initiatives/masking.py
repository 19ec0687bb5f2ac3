"""Writes the masked public text of initiatives and comments (run by the tasks in `tasks.py`).

The author's text is stored as written; the public fields stay empty and `masking_pending` on until the
one masking (`zwerm.core.masking`, names included) has run, so every public path shows "wordt
gecontroleerd" instead of an unmasked text. A write only lands when the text is still the one masked: an
edit in between queues its own masking."""

from zwerm.core.masking import mask_public

from .models import Comment, Initiative


def initiative_mask_public(*, initiative_id: int) -> bool:
    """Mask the initiative's title, description and place; False when it changed or went meanwhile."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        return False
    title, body, location = (
        mask_public(initiative.title),
        mask_public(initiative.body),
        mask_public(initiative.location_description),
    )
    kinds = sorted({*title.kinds, *body.kinds, *location.kinds})
    return bool(
        Initiative.objects.filter(
            pk=initiative_id,
            title=initiative.title,
            body=initiative.body,
            location_description=initiative.location_description,
        ).update(
            public_title=title.text,
            public_body=body.text,
            public_location=location.text,
            masked_kinds=kinds,
            masking_pending=False,
        )
    )


def comment_mask_public(*, comment_id: int) -> bool:
    """Mask a comment's text; False when it changed or went meanwhile."""
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return False
    masked = mask_public(comment.body)
    return bool(
        Comment.objects.filter(pk=comment_id, body=comment.body).update(
            public_body=masked.text, masked_kinds=masked.kinds, masking_pending=False
        )
    )
