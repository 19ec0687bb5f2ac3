"""Serving attachment files (after checking who may see them) and moderating them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import Role

from . import selectors, services
from .forms import ReasonForm
from .registry import targets

MODERATION_ROLES = (Role.MODERATOR, Role.ADMIN)


def _visible_or_404(request, pk: int):
    attachment = selectors.attachment_get(municipality=request.municipality, pk=pk)
    if attachment is None:
        raise Http404
    target = targets.get(attachment.target_kind)
    if target is None or not target.visible(request, attachment.target_id):
        raise Http404
    if attachment.is_hidden and not (
        staff_verified(request, *MODERATION_ROLES)
        or (request.user.is_authenticated and request.user.pk == attachment.uploader_id)
    ):
        raise Http404
    return attachment, target


def _serve(attachment, name: str):
    try:
        handle = services.attachment_storage().open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=attachment.content_type)
    # Browsers keep it a few minutes; shared caches never (a hidden image must not linger there).
    response["Cache-Control"] = "private, max-age=300"
    if not attachment.is_image:
        filename = f"{slugify(attachment.alt_text)[:60] or 'document'}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Content-Security-Policy"] = "sandbox"
    return response


@require_GET
def attachment_file(request, pk):
    attachment, _target = _visible_or_404(request, pk)
    return _serve(attachment, attachment.file_name)


@require_GET
def attachment_card(request, pk):
    attachment, _target = _visible_or_404(request, pk)
    return _serve(attachment, attachment.card_name or attachment.file_name)


def _moderate(request, pk, service, success):
    attachment, target = _visible_or_404(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op; wie de foto plaatste ziet die."))
    else:
        try:
            service(moderator=request.user, attachment=attachment, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
    return redirect(target.url(attachment.target_id))


@role_required(*MODERATION_ROLES)
@require_POST
def attachment_hide(request, pk):
    return _moderate(request, pk, services.attachment_hide, _("De bijlage is verborgen. De indiener ziet de reden."))


@role_required(*MODERATION_ROLES)
@require_POST
def attachment_restore(request, pk):
    return _moderate(request, pk, services.attachment_restore, _("De bijlage is weer zichtbaar."))
