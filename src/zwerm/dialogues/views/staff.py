"""Staff pages: set up a dialogue, moderate new statements, export as Pol.is open data."""

import io
import tempfile
import zipfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.web.actions import add_service_errors, perform

from .. import selectors, services
from ..forms import DialogueForm
from .public import _dialogue_or_404

STAFF = (Role.PROCESS_LEAD, Role.MODERATOR, Role.ADMIN)


@role_required(*STAFF)
@require_http_methods(["GET", "POST"])
def dialogue_create(request):
    form = DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dialogue = services.dialogue_create(
                author=request.user,
                municipality=request.municipality,
                title=data["title"],
                question=data["question"],
                context=data["context"],
                moderation=data["moderation"],
                closes_at=data["closes_at"],
                allow_anonymous=data["allow_anonymous"],
                ask_district=data["ask_district"],
                anonymous_votes=data["anonymous_votes"],
                seed_statements=[line for line in data["seed_statements"].splitlines() if line.strip()],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De dialoog staat klaar."))
            return redirect(dialogue)
    return render(request, "dialogues/form.html", {"form": form})


@role_required(*STAFF)
@require_GET
def moderation(request, pk):
    dialogue = _dialogue_or_404(request, pk)
    return render(
        request,
        "dialogues/moderation.html",
        {"dialogue": dialogue, "pending": selectors.statements_pending(dialogue=dialogue)},
    )


@role_required(*STAFF)
@require_POST
def moderate(request, pk, statement_pk):
    dialogue = _dialogue_or_404(request, pk)
    statement = selectors.statement_get(dialogue=dialogue, pk=statement_pk)
    if statement is not None:
        approve = request.POST.get("decision") == "approve"
        perform(
            request,
            lambda: services.statement_moderate(
                moderator=request.user, statement=statement, approve=approve, reason=request.POST.get("reason", "")
            ),
            success=_("Goedgekeurd.") if approve else _("Afgewezen."),
        )
    return redirect("dialogues:moderation", pk=dialogue.pk)


@role_required(*STAFF)
@require_GET
def export(request, pk):
    dialogue = _dialogue_or_404(request, pk)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        folder = services.dialogue_export_polis(dialogue=dialogue, folder=Path(tmp))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.iterdir()):
                archive.write(path, path.name)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="dialoog-{dialogue.pk}-polis.zip"'
    return response
