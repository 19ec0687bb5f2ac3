"""Budget projects as a target of attachments (`zwerm.attachments.registry`): a project's photos and
documents are shown to whom the project is shown on its budget's page; staff upload them in office."""

from django.urls import reverse

from zwerm.attachments.registry import Target
from zwerm.processes.selectors import process_is_visible

from . import selectors
from .models import PROJECT_ATTACHMENT_TARGET, Project


def _project(municipality, object_id: int) -> Project | None:
    return Project.objects.select_related("budget").filter(municipality=municipality, pk=object_id).first()


def _visible(request, object_id: int) -> bool:
    project = _project(request.municipality, object_id)
    if project is None:
        return False
    budget = project.budget
    process = selectors.budget_process(budget=budget)
    if process is not None and not process_is_visible(process=process, user=request.user):
        return False
    if selectors.budget_can_manage(budget=budget, user=request.user):
        return True
    return selectors.project_list_public(budget=budget).filter(pk=project.pk).exists()


def _url(object_id: int) -> str:
    project = Project.objects.filter(pk=object_id).only("budget_id").first()
    return reverse("budgets:detail", args=[project.budget_id]) if project else reverse("budgets:list")


PROJECT_TARGET = Target(kind=PROJECT_ATTACHMENT_TARGET, visible=_visible, url=_url, in_office=True)
