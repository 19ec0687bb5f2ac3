"""What sensing holds about a person, registered with `zwerm.core.personal_data.registry`.

Sensing stores only redacted texts without an author: nothing in it points at a resident. Removed
contributions are forgotten here by the app that removes them (`services.personal_data.text_forget`);
texts of sources that do not call sensing on erasure (survey answers) are forgotten by this provider
itself (`source_texts_forget`, asking the source in `zwerm.core.text_sources`).
Staff who imported reports or made API tokens are named on those rows."""

from django.db import transaction

from zwerm.core.personal_data import Erasure, Retention, iso

from .models import ApiToken, ReportImport
from .services.personal_data import source_texts_forget

TEXTS_NOTE = (
    "Signalen bewaart teksten alleen zonder persoonsgegevens en zonder naam van de schrijver; ze zijn "
    "daarom niet aan u te koppelen en staan niet in dit bestand."
)


class SensingPersonalData:
    key = "sensing"
    label = "Signalen"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "sensing.Text": "no author stored; texts of removed contributions and survey answers forgotten",
        "sensing.ReportImport": "the staff member detached (created_by emptied)",
        "sensing.ApiToken": "the staff member detached (created_by emptied)",
        "sensing.Refresh": "no personal data: the state of a recomputation",
        "sensing.RouterModel": "no personal data: a trained category model",
        "sensing.Theme": "no personal data: themes and terms from redacted texts (examples are redacted)",
        "sensing.Alert": "no personal data: figures about themes and wijken",
    }

    def export(self, user) -> dict:
        return {
            "teksten": TEXTS_NOTE,
            "imports_van_meldingen": [
                {"bestand": i.filename, "bron": i.source, "op": iso(i.created_at)}
                for i in ReportImport.objects.filter(created_by=user).order_by("pk")
            ],
            "koppelingssleutels_aangemaakt": [
                {"naam": t.label, "op": iso(t.created_at), "ingetrokken_op": iso(t.revoked_at)}
                for t in ApiToken.objects.filter(created_by=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        with transaction.atomic():
            return {
                "imports": ReportImport.objects.filter(created_by=erasure.user).update(created_by=None),
                "sleutels": ApiToken.objects.filter(created_by=erasure.user).update(created_by=None),
                "teksten_vergeten": source_texts_forget(erasure=erasure),
            }

    def retention(self, retention: Retention) -> dict[str, int]:
        return {}
