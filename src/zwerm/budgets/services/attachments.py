"""Photos and documents with a budget project: added and removed by the budget's managers (the lead of the
hosting process, admins), in office; the files are made safe by `zwerm.attachments`."""

from zwerm.attachments.services import TargetRef, attachment_add, attachments_remove

from ..models import PROJECT_ATTACHMENT_TARGET, Project
from .checks import require_manager


def project_attachment_add(*, project: Project, actor, upload, alt_text: str):
    """An image (re-encoded without metadata) or a PDF with its description; errors name "file"/"alt_text"."""
    require_manager(budget=project.budget, user=actor)
    return attachment_add(
        municipality=project.municipality,
        target=TargetRef(PROJECT_ATTACHMENT_TARGET, project.pk),
        uploader=actor,
        upload=upload,
        alt_text=alt_text,
    )


def project_attachment_remove(*, project: Project, actor, attachment_id: int) -> int:
    require_manager(budget=project.budget, user=actor)
    return attachments_remove(
        municipality=project.municipality,
        target=TargetRef(PROJECT_ATTACHMENT_TARGET, project.pk),
        attachment_ids=[attachment_id],
    )
