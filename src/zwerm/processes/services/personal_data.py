"""The process's privacy settings, and erasing and retaining personal data in processes.

Called through `processes.personal_data` (the registered provider) and by the privacy app's settings
page. Staff records (advice, decisions, updates, phase changes) are append-only and stay; an erased staff
member shows as "Verwijderde deelnemer" there."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.personal_data import Erasure, ErasureMode, Retention

from ..models import Process, ProcessFollow, Stakeholder, SurveyResponse
from .checks import require_manager

RETENTION_MAX_MONTHS = 240
REMOVED_STAKEHOLDER_NAME = "Inwoner (naam verwijderd)"


def process_set_privacy(
    *, process: Process, actor, contributions_on_erase: str, retention_months: int | None
) -> Process:
    """The process lead (or an admin) sets what happens to contributions and for how long people are kept."""
    require_manager(process=process, user=actor)
    errors = {}
    if contributions_on_erase not in ErasureMode.values:
        errors["contributions_on_erase"] = [_("Kies: anonimiseren of verwijderen.")]
    if retention_months is not None and not (1 <= retention_months <= RETENTION_MAX_MONTHS):
        errors["retention_months"] = [
            _("Kies een bewaartermijn van 1 tot %(n)d maanden, of laat het leeg.") % {"n": RETENTION_MAX_MONTHS}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Process.objects.filter(pk=process.pk).update(
            contributions_on_erase=contributions_on_erase, retention_months=retention_months
        )
    process.contributions_on_erase, process.retention_months = contributions_on_erase, retention_months
    return process


def processes_personal_data_erase(*, erasure: Erasure) -> dict[str, int]:
    user = erasure.user
    counts = {"antwoorden_geanonimiseerd": 0, "antwoorden_verwijderd": 0}
    with transaction.atomic():
        counts["volgen_gestopt"] = ProcessFollow.objects.filter(user=user).delete()[0]
        for response in SurveyResponse.objects.select_for_update().filter(respondent=user).select_related("survey"):
            survey = response.survey
            if erasure.mode_for(survey.municipality_id, "survey", survey.pk) == ErasureMode.REMOVE:
                response.delete()
                counts["antwoorden_verwijderd"] += 1
            else:
                SurveyResponse.objects.filter(pk=response.pk).update(respondent=None, answers=response.public_answers)
                counts["antwoorden_geanonimiseerd"] += 1
    return counts


def processes_personal_data_retain(*, retention: Retention) -> dict[str, int]:
    """Survey answers lose their respondent, followers are dropped, contact details of the network go."""
    with transaction.atomic():
        stakeholders = Stakeholder.objects.filter(process_id=retention.process_id)
        return {
            "antwoorden": SurveyResponse.objects.filter(
                survey__municipality_id=retention.municipality_id,
                survey_id__in=retention.object_ids("survey"),
                respondent__isnull=False,
            ).update(respondent=None),
            "volgers": ProcessFollow.objects.filter(process_id=retention.process_id).delete()[0],
            "contactgegevens": stakeholders.exclude(contact="").update(contact=""),
            "namen_van_inwoners": stakeholders.filter(kind=Stakeholder.Kind.RESIDENT)
            .exclude(name=REMOVED_STAKEHOLDER_NAME)
            .update(name=REMOVED_STAKEHOLDER_NAME),
        }
