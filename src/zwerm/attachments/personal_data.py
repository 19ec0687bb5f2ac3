"""What attachments holds about a person, registered with `zwerm.core.personal_data.registry`.

A photo can show a person, a house or a number plate, and cannot be masked as a text can: when a resident
erases their account, every file they uploaded goes (rows and files), whatever the anonymise/remove
setting says about their texts. Files staff uploaded in office (targets registered `in_office`) stay, no
longer pointing at the account."""

from django.db import transaction

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import Attachment
from .registry import targets
from .services import attachments_delete


class AttachmentsPersonalData:
    key = "attachments"
    label = "Foto's en documenten"
    models = {
        "attachments.Attachment": "a resident's files deleted (rows and files); staff uploads in office kept, "
        "no longer pointing at the account",
        "attachments.AttachmentModeration": IN_OFFICE,
    }

    def export(self, user) -> dict:
        rows = Attachment.objects.filter(uploader=user).order_by("pk")
        return {
            "bijlagen": [
                {
                    "id": row.pk,
                    "soort": row.kind,
                    "bij": row.target_kind,
                    "bij_id": row.target_id,
                    "beschrijving": row.alt_text,
                    "bestand": row.get_absolute_url(),
                    "geplaatst_op": iso(row.created_at),
                    "verborgen_reden": row.hidden_reason,
                }
                for row in rows
            ]
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        own = Attachment.objects.filter(uploader=erasure.user)
        in_office = [kind for kind in targets.kinds() if (t := targets.get(kind)) is not None and t.in_office]
        with transaction.atomic():
            kept = own.filter(target_kind__in=in_office).update(uploader=erasure.placeholder)
            removed = attachments_delete(rows=own.exclude(target_kind__in=in_office))
        return {"bijlagen_verwijderd": removed, "bijlagen_losgekoppeld": kept}

    def retention(self, retention: Retention) -> dict[str, int]:
        detached = 0
        for kind, object_id in retention.components:
            if kind in targets:
                detached += (
                    Attachment.objects.filter(
                        municipality_id=retention.municipality_id, target_kind=kind, target_id=object_id
                    )
                    .exclude(uploader=None)
                    .update(uploader=None)
                )
        return {"bijlagen": detached}
