"""What the participation app holds about a person, registered with `zwerm.core.personal_data.registry`.

Staff act here in office: the verordening, promises and cited input are the public record and stay (an erased
account shows as "Verwijderde deelnemer")."""

from zwerm.core.personal_data import Erasure, Retention, iso

from .models import Bylaw, Promise, WeighedInput


class ParticipationPersonalData:
    key = "participation"
    label = "Participatie"

    def export(self, user) -> dict:
        return {
            "verordening_vastgelegd": [
                {"versie": b.version, "op": iso(b.created_at)} for b in Bylaw.objects.filter(author=user).order_by("pk")
            ],
            "beloften_vastgelegd": [
                {"traject": p.process_id, "niveau": p.level, "op": iso(p.created_at)}
                for p in Promise.objects.filter(author=user).order_by("pk")
            ],
            "inbreng_genoemd_bij_besluiten": [
                {"besluit": w.decision_id, "wat_ermee_is_gedaan": w.how, "op": iso(w.created_at)}
                for w in WeighedInput.objects.filter(author=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        return {}  # the public record in office stays; the user row itself is anonymised by the privacy app

    def retention(self, retention: Retention) -> dict[str, int]:
        return {}
