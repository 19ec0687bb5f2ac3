"""What the participation app holds about a person, registered with `zwerm.core.personal_data.registry`.

Staff act here in office: the verordening, promises, cited input and the steps of a challenge's procedure are the
public record and stay (an erased account shows as "Verwijderde deelnemer"). A challenge is the group's: on
erasure it stays in the register without the person who submitted it, and contact persons with the submitter's
e-mail address are removed."""

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import (
    Bylaw,
    Challenge,
    ChallengeContact,
    ChallengeEvent,
    Evaluation,
    MirrorParticipation,
    Promise,
    ResidentSurveyRespondent,
    WeighedInput,
)


class ParticipationPersonalData:
    key = "participation"
    label = "Participatie"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "participation.Bylaw": IN_OFFICE,
        "participation.BylawRule": IN_OFFICE,
        "participation.Promise": IN_OFFICE,
        "participation.WeighedInput": IN_OFFICE,
        "participation.Challenge": "the group's challenge stays in the register; the submitter is detached",
        "participation.ChallengeContact": "contact persons with the submitter's e-mail address deleted",
        "participation.ChallengeEvent": IN_OFFICE,
        "participation.Evaluation": IN_OFFICE,
        "participation.YearlyReport": IN_OFFICE,
        "participation.MirrorStatement": "no personal data: the self-assessment's statements",
        "participation.MirrorParticipation": "deleted (the anonymous answers never pointed at the person)",
        "participation.MirrorAnswer": "no reference to a person by construction (a team, never an account)",
        "participation.ResidentSurvey": IN_OFFICE,
        "participation.ResidentSurveyRespondent": "deleted (the anonymous answers never pointed at the person)",
        "participation.ResidentSurveyTally": "no reference to a person by construction (a count per answer)",
        "participation.ResidentSurveyComment": "no reference to a person by construction (random id, no time)",
    }

    def export(self, user) -> dict:
        return {
            "verordening_vastgelegd": [
                {"versie": b.version, "op": iso(b.created_at)} for b in Bylaw.objects.filter(author=user).order_by("pk")
            ],
            "beloften_vastgelegd": [
                {"traject": p.process_id, "niveau": p.level, "op": iso(p.created_at)}
                for p in Promise.objects.filter(author=user).order_by("pk")
            ],
            "uitdagingen_ingediend": [
                {
                    "taak": c.task,
                    "uitdager": c.challenger_name,
                    "ingediend_op": iso(c.submitted_at),
                    "contactpersonen": [
                        {"naam": p.name, "e-mail": p.email, "telefoon": p.phone} for p in c.contacts.order_by("pk")
                    ],
                }
                for c in Challenge.objects.filter(submitted_by=user).order_by("pk")
            ],
            "uitdagingsstappen_vastgelegd": [
                {"uitdaging": e.challenge_id, "stap": e.step, "op": iso(e.created_at)}
                for e in ChallengeEvent.objects.filter(actor=user).order_by("pk")
            ],
            "zelfscan_ingevuld_in": [
                p.quarter for p in MirrorParticipation.objects.filter(user=user).order_by("quarter")
            ],  # the answers themselves are anonymous: they cannot be found back
            "evaluatievragenlijst_ingevuld_bij": [
                r.survey.process_id
                for r in ResidentSurveyRespondent.objects.filter(user=user).select_related("survey").order_by("pk")
            ],  # likewise: only that they answered
            "evaluaties_vastgelegd": [
                {"traject": e.process_id, "op": iso(e.created_at)}
                for e in Evaluation.objects.filter(author=user).order_by("pk")
            ],
            "inbreng_genoemd_bij_besluiten": [
                {"besluit": w.decision_id, "wat_ermee_is_gedaan": w.how, "op": iso(w.created_at)}
                for w in WeighedInput.objects.filter(author=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        user = erasure.user
        contacts = ChallengeContact.objects.filter(challenge__submitted_by=user, email__iexact=user.email).delete()[0]
        challenges = Challenge.objects.filter(submitted_by=user).update(submitted_by=None)
        taken_part = MirrorParticipation.objects.filter(user=user).delete()[0]
        answered = ResidentSurveyRespondent.objects.filter(user=user).delete()[0]
        return {
            "evaluatievragenlijst_deelnames_verwijderd": answered,
            "uitdagingen_losgekoppeld": challenges,
            "contactpersonen_verwijderd": contacts,
            "zelfscan_deelnames_verwijderd": taken_part,
        }

    def retention(self, retention: Retention) -> dict[str, int]:
        return {}
