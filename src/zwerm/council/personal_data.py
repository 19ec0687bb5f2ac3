"""What the council app holds about a person, registered with `zwerm.core.personal_data.registry`.

Council members and staff act here in office: questions, answers, frames and (district) reports are the public
record and stay (an erased account shows as "Verwijderde deelnemer"); only following a process goes."""

from django.db import transaction

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import CouncilFollow, DistrictReport, Frame, Question, Report, Spending


class CouncilPersonalData:
    key = "council"
    label = "Raad"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "council.Frame": IN_OFFICE,
        "council.Spending": IN_OFFICE,
        "council.Question": IN_OFFICE,
        "council.Report": IN_OFFICE,
        "council.DistrictReport": IN_OFFICE,
        "council.CouncilFollow": "deleted",
    }

    def export(self, user) -> dict:
        return {
            "gevolgde_trajecten": [
                f.process.title for f in CouncilFollow.objects.filter(member=user).select_related("process")
            ],
            "vragen_gesteld": [
                {"traject": q.process.title, "vraag": q.text, "gesteld_op": iso(q.created_at)}
                for q in Question.objects.filter(asker=user).select_related("process").order_by("pk")
            ],
            "vragen_beantwoord": [
                {"traject": q.process.title, "antwoord": q.answer, "beantwoord_op": iso(q.answered_at)}
                for q in Question.objects.filter(answered_by=user).select_related("process").order_by("pk")
            ],
            "kaders_vastgelegd": [
                {"traject": f.process_id, "soort": f.kind, "op": iso(f.created_at)}
                for f in Frame.objects.filter(author=user).order_by("pk")
            ],
            "uitgaven_vastgelegd": [
                {"traject": s.process_id, "bedrag": str(s.amount), "waarvoor": s.description, "op": iso(s.created_at)}
                for s in Spending.objects.filter(author=user).order_by("pk")
            ],
            "rapportages_verstuurd": [
                {"traject": r.process_id, "verstuurd_op": iso(r.sent_at)}
                for r in Report.objects.filter(sent_by=user).order_by("pk")
            ],
            "wijkrapportages_verstuurd": [
                {"wijk": r.district.name if r.district_id else "alle wijken", "verstuurd_op": iso(r.sent_at)}
                for r in DistrictReport.objects.filter(sent_by=user).select_related("district").order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        with transaction.atomic():
            return {"volgen_gestopt": CouncilFollow.objects.filter(member=erasure.user).delete()[0]}

    def retention(self, retention: Retention) -> dict[str, int]:
        return {}  # the council's record of a process is public and kept
