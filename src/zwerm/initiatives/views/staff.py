"""What the municipality does: move initiatives through their statuses and work the moderation queue."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.privacy.decorators import personal_data_gate
from zwerm.web.actions import perform
from zwerm.web.pagination import paginate

from .. import selectors, services
from ..forms import ModerationForm, ReasonForm, StatusForm
from ..models import TRANSITIONS, MailDelivery, Status
from .public import get_visible_or_404

STATUS_ROLES = (Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN)
MODERATION_ROLES = (Role.MODERATOR, Role.ADMIN)


@role_required(*STATUS_ROLES)
@require_GET
def staff_initiative_list(request):
    status = request.GET.get("status", Status.SUBMITTED)
    if status not in Status.values and status != "":
        status = Status.SUBMITTED
    items = selectors.initiative_list_for_staff(municipality=request.municipality, status=status)
    return render(
        request,
        "initiatives/staff_list.html",
        {"page": paginate(request, items), "status": status, "statuses": Status.choices},
    )


@role_required(*STATUS_ROLES)
@require_POST
def status_change(request, pk):
    initiative = get_visible_or_404(request, pk)
    form = StatusForm(request.POST, allowed=TRANSITIONS[Status(initiative.status)])
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(initiative)
    done = {}
    if perform(
        request,
        lambda: done.setdefault(
            "change",
            services.initiative_status_change(
                initiative=initiative,
                actor=request.user,
                to_status=form.cleaned_data["to_status"],
                reason=form.cleaned_data["reason"],
            ),
        ),
        success=_("De status is gewijzigd."),
    ):
        _mail_outcome(request, selectors.mail_delivery_state(status_change=done["change"]))
    return redirect(initiative)


def _mail_outcome(request, state: str) -> None:
    """Say whether the e-mail to the author (and followers) went out: never success when the mail server
    failed. With the production queue the mail may still be on its way; the status history shows it later."""
    if state == MailDelivery.State.FAILED:
        messages.error(
            request,
            _(
                "De e-mail aan de indiener is niet verstuurd: de mailserver gaf een fout. "
                "Laat het de indiener op een andere manier weten."
            ),
        )
    elif state == MailDelivery.State.SENT:
        messages.info(request, _("De indiener heeft een e-mail gekregen."))
    elif state == MailDelivery.State.QUEUED:
        messages.info(request, _("De e-mail aan de indiener wordt verstuurd; bij de status zie je of dat lukte."))


@role_required(*MODERATION_ROLES)
@require_GET
def moderation_queue(request):
    flags = selectors.moderation_queue(municipality=request.municipality)
    # Who reported whom is personal data: shown after a purpose is given (logged by the privacy app).
    reporters = personal_data_gate(request, scope="flag-reporters", what=_("wie meldingen deed")) if flags else None
    context = {
        "flags": flags,
        "reporters": reporters,
        "hidden": selectors.hidden_items(municipality=request.municipality),
        "form": ReasonForm(),
    }
    return render(request, "initiatives/moderation.html", context)


def _moderate(request, pk, service, success):
    initiative = get_visible_or_404(request, pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op; de indiener ziet die."))
        return redirect(request.POST.get("back") == "queue" and "initiatives:moderation" or initiative)
    comment = None
    if form.cleaned_data.get("comment"):
        comment = selectors.comment_get(initiative=initiative, pk=form.cleaned_data["comment"])
    done = {}
    if perform(
        request,
        lambda: done.setdefault(
            "action",
            service(moderator=request.user, initiative=initiative, comment=comment, reason=form.cleaned_data["reason"]),
        ),
        success=success,
    ):
        _mail_outcome(request, selectors.mail_delivery_state(action=done["action"]))
    if request.POST.get("back") == "queue":
        return redirect("initiatives:moderation")
    return redirect(initiative)


@role_required(*MODERATION_ROLES)
@require_POST
def moderation_hide(request, pk):
    return _moderate(request, pk, services.moderation_hide, _("Verborgen. De indiener ziet de reden."))


@role_required(*MODERATION_ROLES)
@require_POST
def moderation_restore(request, pk):
    return _moderate(request, pk, services.moderation_restore, _("Teruggezet: weer zichtbaar voor iedereen."))


@role_required(*MODERATION_ROLES)
@require_POST
def flag_dismiss(request, flag_pk):
    flag = selectors.flag_get(municipality=request.municipality, pk=flag_pk)
    if flag is None:
        raise Http404  # not a flag of this municipality
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op."))
    else:
        perform(
            request,
            lambda: services.flag_dismiss(moderator=request.user, flag=flag, reason=form.cleaned_data["reason"]),
            success=_("De melding is afgewezen; het blijft zichtbaar."),
        )
    return redirect("initiatives:moderation")
