"""The masked public text of statements, written by a background task (see `zwerm.core.masking`).

A statement waits with an empty public copy and `masking_pending` on; it is not offered for voting until
the task has masked it. The write only lands when the text is still the one masked."""

from django_tasks import task

from zwerm.core.masking import mask_public

from ..models import Statement


def statement_mask_public(*, statement_id: int) -> bool:
    """Mask a statement's public text; False when it changed or went meanwhile."""
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None:
        return False
    masked = mask_public(statement.text)
    return bool(
        Statement.objects.filter(pk=statement_id, text=statement.text).update(
            public_text=masked.text, masked_kinds=masked.kinds, masking_pending=False
        )
    )


@task()
def statement_mask(statement_id: int) -> bool:
    """Mask a statement's public text (names included); until then it shows as "wordt gecontroleerd"."""
    return statement_mask_public(statement_id=statement_id)
