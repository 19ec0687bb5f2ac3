"""The two simple component types this app brings itself: a meeting and a survey.

They register with the registry like any other app's components (ProcessesConfig.ready), so the
process core only knows them through the registry's interface."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Meeting, Survey, SurveyResponse


class MeetingComponent:
    key = "meeting"
    label = _("Bijeenkomst")

    def summary(self, placement) -> dict:
        meeting = Meeting.objects.filter(pk=placement.object_id).first()
        if meeting is None:
            return {"participants": 0}
        return {"participants": meeting.attendance, "has_minutes": bool(meeting.minutes)}

    def url(self, placement) -> str:
        return reverse("processes:meeting", args=[placement.process.slug, placement.object_id])

    def belongs_to(self, object_id: int, municipality) -> bool:
        return Meeting.objects.filter(pk=object_id, municipality=municipality).exists()


class SurveyComponent:
    key = "survey"
    label = _("Vragenlijst")

    def summary(self, placement) -> dict:
        survey = Survey.objects.filter(pk=placement.object_id).first()
        if survey is None:
            return {"participants": 0}
        responses = SurveyResponse.objects.filter(survey=survey).count()
        return {"participants": responses, "responses": responses, "questions": len(survey.questions)}

    def participant_ids(self, placement) -> list[int]:
        return list(
            SurveyResponse.objects.filter(survey_id=placement.object_id, respondent__isnull=False).values_list(
                "respondent_id", flat=True
            )
        )

    def url(self, placement) -> str:
        return reverse("processes:survey", args=[placement.process.slug, placement.object_id])

    def belongs_to(self, object_id: int, municipality) -> bool:
        return Survey.objects.filter(pk=object_id, municipality=municipality).exists()
