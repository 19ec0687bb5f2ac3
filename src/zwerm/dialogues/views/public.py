"""The dialogue pages residents use: take part, vote one statement at a time, add a statement, results."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from zwerm.places.selectors import district_get, district_list
from zwerm.web.actions import perform, submit_once
from zwerm.web.pagination import paginate

from .. import selectors, services
from ..forms import StatementForm
from .results import results_context

COOKIE = "zwerm_dialoog"
VALUES = {"eens": 1, "oneens": -1, "overslaan": 0}


def _dialogue_or_404(request, pk):
    dialogue = selectors.dialogue_get(municipality=request.municipality, pk=pk)
    if dialogue is None:
        raise Http404
    return dialogue


def _anonymous_key(request):
    try:
        return uuid.UUID(request.COOKIES.get(COOKIE, ""))
    except ValueError:
        return None


@require_GET
def dialogue_list(request):
    page = paginate(request, selectors.dialogue_list(municipality=request.municipality))
    selectors.participant_counts_attach(dialogues=page.object_list)
    return render(request, "dialogues/list.html", {"dialogues": page.object_list, "page": page})


@require_GET
def dialogue_detail(request, pk):
    dialogue = _dialogue_or_404(request, pk)
    participant = selectors.participant_find(
        dialogue=dialogue, user=request.user, anonymous_key=_anonymous_key(request)
    )
    can_take_part = request.user.is_authenticated or dialogue.allow_anonymous
    context = {
        "dialogue": dialogue,
        "participant": participant,
        "can_take_part": can_take_part,
        "statement": selectors.statement_next(dialogue=dialogue, participant=participant) if can_take_part else None,
        "voted": len(selectors.participant_votes(participant=participant)),
        "districts": district_list(municipality=request.municipality)
        if dialogue.ask_district and (participant is None or participant.district_id is None)
        else None,
        "statement_form": StatementForm(),
        "participation": selectors.dialogue_participation_cached(dialogue=dialogue),
    }
    return render(request, "dialogues/detail.html", context)


def _participant(request, dialogue, response_key):
    district = None
    if request.POST.get("district", "").isdecimal():  # anything else is not a wijk of ours: no answer
        district = district_get(municipality=request.municipality, pk=int(request.POST["district"]))
    key = _anonymous_key(request) or (response_key if dialogue.allow_anonymous else None)
    return services.participant_for(dialogue=dialogue, user=request.user, anonymous_key=key, district=district)


def _vote_known(request, pk) -> bool:
    """The fast path: a vote from someone who already takes part, without a wijk answer to store."""
    value = VALUES.get(request.POST.get("value", ""))
    statement = request.POST.get("statement", "")
    if value is None or not statement.isdecimal() or request.POST.get("district"):
        return False
    user_id = request.user.pk if request.user.is_authenticated else None
    return services.vote_record_known(
        municipality_id=request.municipality.pk,
        dialogue_id=pk,
        statement_id=int(statement),
        value=value,
        user_id=user_id,
        anonymous_key=None if user_id is not None else _anonymous_key(request),
    )


@require_POST
def vote(request, pk):
    if _vote_known(request, pk):
        messages.success(request, _("Je stem is opgeslagen. Hier is de volgende stelling."))
        return redirect(f"{reverse('dialogues:detail', args=[pk])}#stemmen")
    dialogue = _dialogue_or_404(request, pk)
    new_key = uuid.uuid4()
    response = redirect(f"{dialogue.get_absolute_url()}#stemmen")
    statement_pk = request.POST.get("statement", "")
    statement = selectors.statement_get(dialogue=dialogue, pk=int(statement_pk)) if statement_pk.isdecimal() else None
    value = VALUES.get(request.POST.get("value", ""))
    try:
        with transaction.atomic():  # a refused vote leaves no new participant behind
            participant = _participant(request, dialogue, new_key)
            if statement is None or value is None:
                messages.error(request, _("Kies eens, oneens of sla over bij een stelling."))
                transaction.set_rollback(True)
                return response
            if not perform(
                request,
                lambda: services.vote_cast(participant=participant, statement=statement, value=value),
                success=_("Je stem is opgeslagen. Hier is de volgende stelling."),
            ):
                transaction.set_rollback(True)
                return response
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(f"/account/inloggen?next={dialogue.get_absolute_url()}")
    if participant.cookie_key and not _anonymous_key(request):
        response.set_cookie(
            COOKIE,
            str(participant.cookie_key),
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@require_POST
def statement_submit(request, pk):
    dialogue = _dialogue_or_404(request, pk)
    form = StatementForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(f"{dialogue.get_absolute_url()}#stelling")
    with transaction.atomic():  # a refused statement leaves no new participant behind
        try:
            participant = _participant(request, dialogue, uuid.uuid4())
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect(dialogue)
        accepted = _submit_statement(request, participant, form)
        if not accepted:
            transaction.set_rollback(True)
    return redirect(f"{dialogue.get_absolute_url()}#stelling")


def _submit_statement(request, participant, form) -> bool:
    created = {}

    def submit():
        created["statement"] = submit_once(
            request,
            "dialogues.statement",
            lambda: services.statement_submit(participant=participant, text=form.cleaned_data["text"]),
        ).result

    if not perform(request, submit):
        return False
    if created["statement"] is not None:
        statement = created["statement"]
        if statement.status == statement.Status.PENDING:
            messages.success(request, _("Dank je! Je stelling is zichtbaar zodra een moderator haar heeft bekeken."))
        else:
            messages.success(request, _("Dank je! Je stelling staat erbij."))
        if statement.masked_kinds:
            messages.warning(request, _("We hebben persoonlijke gegevens in je stelling onleesbaar gemaakt."))
    return True


@require_GET
def results(request, pk):
    dialogue = _dialogue_or_404(request, pk)
    return render(request, "dialogues/results.html", results_context(dialogue))
