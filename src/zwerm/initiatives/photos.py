"""Initiatives as a target of attachments (`zwerm.attachments.registry`): a photo is shown to whom the
initiative is shown, submitted and hidden ones included (the author, staff verified with a second factor)."""

from django.urls import reverse

from zwerm.accounts.decorators import staff_verified
from zwerm.accounts.roles import Role
from zwerm.attachments.registry import Target

from .selectors import initiative_get_for_user
from .services.photos import TARGET_KIND


def _visible(request, object_id: int) -> bool:
    return (
        initiative_get_for_user(
            municipality=request.municipality,
            pk=object_id,
            user=request.user,
            as_staff=staff_verified(request, Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN),
        )
        is not None
    )


def _url(object_id: int) -> str:
    return reverse("initiatives:detail", args=[object_id])


INITIATIVE_TARGET = Target(kind=TARGET_KIND, visible=_visible, url=_url)
