"""The uitdaagrecht: the public register, the challengers' form, and the staff's procedure page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import resident_required, role_required, staff_verified
from zwerm.accounts.roles import Role
from zwerm.privacy.decorators import personal_data_gate
from zwerm.web.actions import once, save_form, success_once

from .. import selectors, services
from ..forms import AgreementForm, ChallengeForm, CheckForm, DecideForm, NoteForm, ReceiptForm

staff_required = role_required(Role.PROCESS_LEAD, Role.ADMIN)


def _challenge_or_404(request, pk):
    challenge = selectors.challenge_get(municipality=request.municipality, pk=pk)
    if challenge is None:
        raise Http404
    return challenge


@require_GET
def register(request):
    rows = [(c, selectors.challenge_deadlines(c)) for c in selectors.challenge_list(municipality=request.municipality)]
    return render(
        request,
        "participation/challenges.html",
        {"rows": rows, "bylaw": selectors.bylaw_current(municipality=request.municipality)},
    )


@require_GET
def detail(request, pk):
    challenge = _challenge_or_404(request, pk)
    context = {
        "challenge": challenge,
        "deadlines": selectors.challenge_deadlines(challenge),
        "can_handle": staff_verified(request, Role.PROCESS_LEAD, Role.ADMIN),
    }
    return render(request, "participation/challenge.html", context)


@resident_required
@require_http_methods(["GET", "POST"])
def submit(request):
    bylaw = selectors.bylaw_current(municipality=request.municipality)
    form = ChallengeForm(request.POST or None, municipality=request.municipality)

    def call():
        return services.challenge_submit(
            municipality=request.municipality, resident=request.user, contacts=form.contacts(), **form.service_fields()
        )

    if request.method == "POST" and bylaw is not None:
        saved = save_form(form, once(request, "participation.challenge", call, reference=lambda c: str(c.pk)))
        if saved:
            success_once(request, _("Je uitdaging is ingediend. Je ziet hier hoe de gemeente haar behandelt."))
            challenge = (
                selectors.challenge_list(municipality=request.municipality).filter(submitted_by=request.user).first()
            )
            return (
                redirect("participation:challenge", challenge.pk) if challenge else redirect("participation:challenges")
            )
    status = 400 if form.errors else 200
    return render(request, "participation/challenge_form.html", {"form": form, "bylaw": bylaw}, status=status)


def _manage_context(request, challenge, forms=None):
    decisions = selectors.challenge_decision_choices(challenge=challenge)
    forms = forms or {}
    has_contacts = bool(challenge.contacts.exists())
    what = _("contactpersonen van uitdaging %(n)d") % {"n": challenge.pk}
    gate = personal_data_gate(request, scope=f"challenge:{challenge.pk}", what=what) if has_contacts else None
    return {
        "challenge": challenge,
        "deadlines": selectors.challenge_deadlines(challenge),
        "contacts": selectors.challenge_contacts(challenge=challenge) if gate else [],
        "gate": gate,
        "has_contacts": has_contacts,
        "receipt_form": forms.get("receipt") or ReceiptForm(prefix="receipt"),
        "check_form": forms.get("check") or CheckForm(prefix="check"),
        "conversation_form": forms.get("conversation") or NoteForm(prefix="conversation"),
        "decide_form": forms.get("decide")
        or (DecideForm(prefix="decide", decisions=decisions) if decisions is not None else None),
        "council_form": forms.get("council") or NoteForm(prefix="council"),
        "agreement_form": forms.get("agreement") or AgreementForm(prefix="agreement"),
    }


STEP_FORMS = {
    "receipt": (ReceiptForm, lambda c, u, d: services.challenge_confirm_receipt(challenge=c, actor=u, note=d["note"])),
    "check": (CheckForm, lambda c, u, d: services.challenge_check(challenge=c, actor=u, **d)),
    "conversation": (NoteForm, lambda c, u, d: services.challenge_conversation(challenge=c, actor=u, note=d["note"])),
    "council": (NoteForm, lambda c, u, d: services.challenge_inform_council(challenge=c, actor=u, note=d["note"])),
    "agreement": (AgreementForm, lambda c, u, d: services.challenge_agree(challenge=c, actor=u, **d)),
    "decide": (DecideForm, lambda c, u, d: services.challenge_decide(challenge=c, actor=u, **d)),
}


@staff_required
@require_GET
def manage(request, pk):
    challenge = _challenge_or_404(request, pk)
    return render(request, "participation/challenge_manage.html", _manage_context(request, challenge))


@staff_required
@require_POST
def step(request, pk, step):
    challenge = _challenge_or_404(request, pk)
    if step not in STEP_FORMS:
        raise Http404
    form_class, call = STEP_FORMS[step]
    kwargs = {"decisions": selectors.challenge_decision_choices(challenge=challenge)} if step == "decide" else {}
    if step == "decide" and kwargs["decisions"] is None:
        messages.error(request, _("Deze uitdaging heeft nog geen besluitenlog: toets eerst of ze volledig is."))
        return redirect("participation:challenge_manage", challenge.pk)
    form = form_class(request.POST, prefix=step, **kwargs)
    if save_form(
        form, once(request, f"participation.challenge.{step}", lambda: call(challenge, request.user, form.cleaned_data))
    ):
        success_once(request, _("De stap is vastgelegd en staat in het openbare register."))
        return redirect("participation:challenge_manage", challenge.pk)
    challenge = _challenge_or_404(request, pk)
    return render(
        request, "participation/challenge_manage.html", _manage_context(request, challenge, {step: form}), status=400
    )


@staff_required
@require_GET
def due(request):
    rows = selectors.challenge_due_list(municipality=request.municipality)
    return render(request, "participation/challenges_due.html", {"rows": rows})
