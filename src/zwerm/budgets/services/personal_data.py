"""Erasing and retaining the personal data in budgets (called through `budgets.personal_data`).

A ballot is secret by construction: it has no reference to a person, so it stays (the count and the
published result rest on it); the register row that says the person voted is deleted. An anonymised
project keeps only its masked text (the original, with whatever personal data it held, is overwritten).
A proposed project follows the process's setting, except that a project already on the ballot is only
anonymised: removing it would change the votes of others."""

from django.db import transaction

from zwerm.core.personal_data import Erasure, ErasureMode, Retention
from zwerm.core.redaction import redact

from ..models import TITLE_MAX, Budget, Project, VoteRecord

# Until voting starts a project can still go without touching anyone else's ballot.
REMOVABLE_STATUSES = {Budget.Status.PROPOSALS, Budget.Status.REVIEW}


def budgets_personal_data_erase(*, erasure: Erasure) -> dict[str, int]:
    counts = {"projecten_geanonimiseerd": 0, "projecten_verwijderd": 0}
    with transaction.atomic():
        counts["stemregistraties_verwijderd"] = VoteRecord.objects.filter(voter=erasure.user).delete()[0]
        for project in Project.objects.select_for_update().filter(proposer=erasure.user).select_related("budget"):
            budget = project.budget
            remove = erasure.mode_for(budget.municipality_id, "budget", budget.pk) == ErasureMode.REMOVE
            if remove and budget.status in REMOVABLE_STATUSES:
                project.delete()
                counts["projecten_verwijderd"] += 1
            else:
                # The public copy replaces the text as written; still waiting for its masking, the patterns mask
                # now and the masking task (which reads the text afresh) adds the names.
                title, description = (
                    (redact(project.title).text, redact(project.description).text)
                    if project.masking_pending
                    else (project.public_title, project.public_description)
                )
                Project.objects.filter(pk=project.pk).update(
                    proposer=None, title=title[:TITLE_MAX], description=description
                )
                counts["projecten_geanonimiseerd"] += 1
    return counts


def budgets_personal_data_retain(*, retention: Retention) -> dict[str, int]:
    ids = retention.object_ids("budget")
    with transaction.atomic():
        projects = Project.objects.filter(
            municipality_id=retention.municipality_id, budget_id__in=ids, proposer__isnull=False
        )
        return {"projecten": projects.update(proposer=None)}
