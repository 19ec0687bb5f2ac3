"""What processes hold about a person, registered with `zwerm.core.personal_data.registry`."""

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import Advice, AdviceRequest, Decision, PhaseChange, Process, ProcessFollow, SurveyResponse, Update
from .services.personal_data import processes_personal_data_erase, processes_personal_data_retain


class ProcessesPersonalData:
    key = "processes"
    label = "Participatietrajecten"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "processes.Process": IN_OFFICE,
        "processes.ProcessFollow": "deleted",
        "processes.Phase": IN_OFFICE,
        "processes.PhaseChange": IN_OFFICE,
        "processes.Placement": "no personal data: where a component sits",
        "processes.Stakeholder": "the process network: contact details and residents' names removed by retention",
        "processes.AdviceRequest": IN_OFFICE,
        "processes.Advice": IN_OFFICE,
        "processes.Decision": IN_OFFICE,
        "processes.ValueAssessment": IN_OFFICE,
        "processes.Update": IN_OFFICE,
        "processes.Meeting": IN_OFFICE,
        "processes.Survey": IN_OFFICE,
        "processes.SurveyResponse": "respondent removed, answers replaced by the masked copy; or deleted",
    }

    def export(self, user) -> dict:
        responses = SurveyResponse.objects.filter(respondent=user).select_related("survey").order_by("pk")
        return {
            "gevolgde_trajecten": [
                {"traject": f.process.title, "wekelijks_overzicht": f.digest, "sinds": iso(f.created_at)}
                for f in ProcessFollow.objects.filter(user=user).select_related("process").order_by("pk")
            ],
            "antwoorden_op_vragenlijsten": [
                {
                    "vragenlijst": r.survey.title,
                    "vragen_en_antwoorden": [
                        {"vraag": q, "antwoord": a} for q, a in zip(r.survey.questions, r.answers, strict=False)
                    ],
                    "ingevuld_op": iso(r.created_at),
                }
                for r in responses
            ],
            # Staff: what they wrote on the record.
            "trajecten_als_procesambtenaar": [
                {"traject": p.title, "status": p.status} for p in Process.objects.filter(lead=user).order_by("pk")
            ],
            "adviesaanvragen_aan_u": [
                {"traject": r.process.title, "vraag": r.question, "uiterste_datum": r.deadline.isoformat()}
                for r in AdviceRequest.objects.filter(specialist=user).select_related("process").order_by("pk")
            ],
            "adviezen_geschreven": [
                {
                    "adviesaanvraag": a.request_id,
                    "versie": a.version,
                    "advies": a.text,
                    "grondslag": a.basis,
                    "voorwaarden": a.conditions,
                    "op": iso(a.created_at),
                }
                for a in Advice.objects.filter(author=user).order_by("pk")
            ],
            "besluiten_vastgelegd": [
                {"traject": d.process_id, "besluit": d.title, "datum": d.decided_on.isoformat()}
                for d in Decision.objects.filter(author=user).order_by("pk")
            ],
            "berichten_geplaatst": [
                {"traject": u.process_id, "titel": u.title, "op": iso(u.created_at)}
                for u in Update.objects.filter(author=user).order_by("pk")
            ],
            "fasewijzigingen": [
                {"traject": c.process_id, "actie": c.action, "reden": c.reason, "op": iso(c.created_at)}
                for c in PhaseChange.objects.filter(actor=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        return processes_personal_data_erase(erasure=erasure)

    def retention(self, retention: Retention) -> dict[str, int]:
        return processes_personal_data_retain(retention=retention)
