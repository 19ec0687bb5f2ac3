"""Photos with an initiative: the author adds and removes them while the initiative is submitted (the
same rule as editing its text); the files are made safe by `zwerm.attachments` (re-encoded, no EXIF/GPS)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zwerm.attachments.selectors import attachment_list
from zwerm.attachments.services import TargetRef, attachment_add, attachments_delete

from ..models import PHOTO_TARGET as TARGET_KIND
from ..models import Initiative, Status

# The attachment service's field names -> the initiative form's.
FORM_FIELDS = {"file": "photo", "alt_text": "photo_alt"}


def _require_author_while_submitted(*, initiative: Initiative, editor) -> None:
    if editor.pk != initiative.author_id:
        raise PermissionDenied(_("Alleen de indiener kan dit initiatief bewerken."))
    if initiative.status != Status.SUBMITTED:
        raise ValidationError(_("Dit initiatief is al gepubliceerd en kan niet meer worden bewerkt."))


def initiative_photo_add(*, initiative: Initiative, editor, photo, alt_text: str):
    """Add a photo with its description; errors name the form's fields ("photo", "photo_alt")."""
    _require_author_while_submitted(initiative=initiative, editor=editor)
    try:
        return attachment_add(
            municipality=initiative.municipality,
            target=TargetRef(TARGET_KIND, initiative.pk),
            uploader=editor,
            upload=photo,
            alt_text=alt_text,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {FORM_FIELDS.get(field, field): errors for field, errors in error.error_dict.items()}
            ) from None
        raise


def initiative_photos_remove(*, initiative: Initiative, editor, attachment_ids) -> int:
    """Remove some of the initiative's photos (and their files)."""
    _require_author_while_submitted(initiative=initiative, editor=editor)
    wanted = {int(pk) for pk in attachment_ids}
    rows = [
        row
        for row in attachment_list(
            municipality=initiative.municipality, kind=TARGET_KIND, object_id=initiative.pk, with_hidden=True
        )
        if row.pk in wanted
    ]
    return attachments_delete(rows=rows)
