"""The masked public text of budget projects, written by a background task (see `zwerm.core.masking`).

A proposal waits with an empty public copy and `masking_pending` on (pages say "wordt gecontroleerd").
The write only lands when the text is still the one masked."""

from django_tasks import task

from zwerm.core.masking import mask_public

from ..models import Project


def project_mask_public(*, project_id: int) -> bool:
    """Mask a project's title and description; False when they changed or the project went meanwhile."""
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return False
    title, description = mask_public(project.title), mask_public(project.description)
    return bool(
        Project.objects.filter(pk=project_id, title=project.title, description=project.description).update(
            public_title=title.text,
            public_description=description.text,
            masked_kinds=sorted({*title.kinds, *description.kinds}),
            masking_pending=False,
        )
    )


@task()
def project_mask(project_id: int) -> bool:
    """Mask a project's public text (names included); until then it shows as "wordt gecontroleerd"."""
    return project_mask_public(project_id=project_id)
