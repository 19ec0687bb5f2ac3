"""What initiatives holds about a person, registered with `zwerm.core.personal_data.registry`."""

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import Comment, Flag, Follow, Initiative, ModerationAction, Participation, StatusChange, Support
from .services.personal_data import initiatives_personal_data_erase, initiatives_personal_data_retain


def _link(row) -> dict:
    """An initiative someone engaged with: its public title only (the author of it is someone else)."""
    initiative = row.initiative
    return {"initiatief": initiative.pk, "titel": initiative.public_title, "sinds": iso(row.created_at)}


class InitiativesPersonalData:
    key = "initiatives"
    label = "Initiatieven"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "initiatives.Initiative": "original text replaced by the masked copy, author the placeholder; or emptied",
        "initiatives.Comment": "original replaced by the masked copy, author the placeholder; or deleted",
        "initiatives.Support": "deleted (the public counter stays, or goes down with remove)",
        "initiatives.Participation": "deleted",
        "initiatives.Follow": "deleted",
        "initiatives.StatusChange": "actor becomes the shared placeholder; the person's own reasons masked",
        "initiatives.Flag": "handled reports deleted; open ones go (remove) or move to the placeholder, masked",
        "initiatives.ModerationAction": IN_OFFICE,
        "initiatives.MailDelivery": "no personal data: whether the e-mail about a staff step went out",
    }

    def export(self, user) -> dict:
        own = Initiative.objects.filter(author=user).select_related("municipality", "neighbourhood").order_by("pk")
        comments = Comment.objects.filter(author=user).select_related("initiative").order_by("pk")
        return {
            "initiatieven": [
                {
                    "id": i.pk,
                    "gemeente": i.municipality.name,
                    "soort": i.kind,
                    "titel": i.title,
                    "beschrijving": i.body,
                    "plek": i.location_description,
                    "buurt": i.neighbourhood.name,
                    "status": i.status,
                    "ingediend_op": iso(i.created_at),
                    "gepubliceerd_op": iso(i.published_at),
                    "verborgen_reden": i.hidden_reason,
                    "aantal_steunbetuigingen": i.support_count,
                }
                for i in own
            ],
            "reacties": [
                {
                    "id": c.pk,
                    "initiatief": c.initiative_id,
                    "initiatief_titel": c.initiative.public_title,
                    "antwoord_op": c.parent_id,
                    "tekst": c.body,
                    "geplaatst_op": iso(c.created_at),
                    "verborgen_reden": c.hidden_reason,
                }
                for c in comments
            ],
            "steun": [_link(s) for s in Support.objects.filter(resident=user).select_related("initiative")],
            "meedoen": [_link(p) for p in Participation.objects.filter(resident=user).select_related("initiative")],
            "volgen": [_link(f) for f in Follow.objects.filter(user=user).select_related("initiative")],
            "meldingen": [
                {
                    "initiatief": f.initiative_id,
                    "reactie": f.comment_id,
                    "reden": f.reason,
                    "gemeld_op": iso(f.created_at),
                    "afgehandeld_op": iso(f.resolved_at),
                }
                for f in Flag.objects.filter(reporter=user).order_by("pk")
            ],
            # Staff: what they did on the record (their own actions, with their own reasons).
            "statuswijzigingen": [
                {
                    "initiatief": s.initiative_id,
                    "van": s.from_status,
                    "naar": s.to_status,
                    "reden": s.reason,
                    "op": iso(s.created_at),
                }
                for s in StatusChange.objects.filter(actor=user).order_by("pk")
            ],
            "moderatie": [
                {
                    "initiatief": m.initiative_id,
                    "reactie": m.comment_id,
                    "actie": m.action,
                    "reden": m.reason,
                    "op": iso(m.created_at),
                }
                for m in ModerationAction.objects.filter(moderator=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        return initiatives_personal_data_erase(erasure=erasure)

    def retention(self, retention: Retention) -> dict[str, int]:
        return initiatives_personal_data_retain(retention=retention)
