"""Photos with an initiative: the author adds and removes them while the initiative is submitted (the
same rule as editing its text); the files are made safe by `zwerm.attachments` (re-encoded, no EXIF/GPS)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zwerm.attachments.services import TargetRef, attachment_add, attachments_remove

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
    return attachment_add(
        municipality=initiative.municipality,
        target=TargetRef(TARGET_KIND, initiative.pk),
        uploader=editor,
        upload=photo,
        alt_text=alt_text,
        field_names=FORM_FIELDS,
    )


def initiative_photos_remove(*, initiative: Initiative, editor, attachment_ids) -> int:
    """Remove some of the initiative's photos (and their files)."""
    _require_author_while_submitted(initiative=initiative, editor=editor)
    return attachments_remove(
        municipality=initiative.municipality,
        target=TargetRef(TARGET_KIND, initiative.pk),
        attachment_ids=attachment_ids,
    )
