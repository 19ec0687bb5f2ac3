"""What dialogues hold about a person, registered with `zwerm.core.personal_data.registry`."""

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import Dialogue, Vote
from .services.personal_data import (
    dialogues_personal_data_erase,
    dialogues_personal_data_retain,
    participants_of,
    statements_of,
)


class DialoguesPersonalData:
    key = "dialogues"
    label = "Dialogen"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "dialogues.Dialogue": IN_OFFICE,
        "dialogues.Participant": "account, cookie key and pseudonym detached, or deleted with its votes",
        "dialogues.Statement": (
            "anonymise: the original overwritten by the masked copy, no author or author key; remove: deleted"
        ),
        "dialogues.Snapshot": "no personal data: analysis results keyed by participant ids",
    }

    def export(self, user) -> dict:
        taking_part = []
        for p in participants_of(user=user).select_related("dialogue__municipality", "district").order_by("pk"):
            statements = statements_of(participant=p).order_by("pk")
            votes = Vote.objects.filter(participant=p).select_related("statement").order_by("statement_id")
            taking_part.append(
                {
                    "dialoog": p.dialogue_id,
                    "titel": p.dialogue.title,
                    "gemeente": p.dialogue.municipality.name,
                    "wijk": p.district.name if p.district else None,
                    "sinds": iso(p.created_at),
                    "stellingen": [
                        {"id": s.pk, "tekst": s.text, "status": s.status, "geschreven_op": iso(s.created_at)}
                        for s in statements
                    ],
                    "stemmen": [
                        {
                            "stelling": v.statement_id,
                            "stelling_tekst": v.statement.shown_text,
                            "stem": v.value,
                            "op": iso(v.updated_at),
                        }
                        for v in votes
                    ],
                    "stemmen_blijven_anoniem_bij_verwijderen": p.dialogue.keep_votes_on_erase,
                    "anoniem_stemmen": p.dialogue.anonymous_votes,
                }
            )
        return {
            "deelname": taking_part,
            "dialogen_opgezet": [
                {"dialoog": d.pk, "titel": d.title, "aangemaakt_op": iso(d.created_at)}
                for d in Dialogue.objects.filter(created_by=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        return dialogues_personal_data_erase(erasure=erasure)

    def retention(self, retention: Retention) -> dict[str, int]:
        return dialogues_personal_data_retain(retention=retention)
