"""The uitdaagrecht: residents submit a challenge; staff take it through the verordening's procedure.

Every step is a `ChallengeEvent` (append-only: the public register's history). Advice goes through the
advice requests and the decision through the decision log of a process made for the challenge."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import membership_get, user_has_role
from zwerm.core.models import Municipality
from zwerm.core.moments import moment
from zwerm.core.text import clean_text, clean_texts
from zwerm.processes import services as process_services

from ..models import TEXT_MAX, Challenge, ChallengeContact, ChallengeEvent
from ..selectors.bylaw import bylaw_current

Step = ChallengeEvent.Step
State = Challenge.State
STAFF = (Role.PROCESS_LEAD, Role.ADMIN)
COST_MAX = Decimal("100000000")


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    phone: str = ""


def _require_staff(*, user, municipality: Municipality) -> None:
    if not (user.is_authenticated and user_has_role(user=user, municipality=municipality, roles=STAFF)):
        raise PermissionDenied(_("Alleen een procesambtenaar of beheerder kan een uitdaging behandelen."))


def _note(note: str, *, required: bool) -> str:
    try:
        return clean_text(note, field_label=_("de toelichting"), max_length=TEXT_MAX, required=required)
    except ValidationError as error:
        raise ValidationError({"note": error.messages}) from None


def _clean_contacts(contacts: list[ContactInput]) -> list[ContactInput]:
    cleaned = []
    for contact in contacts:
        if not (contact.name.strip() or contact.email.strip() or contact.phone.strip()):
            continue
        try:
            name = clean_text(contact.name, field_label=_("de naam van de contactpersoon"), max_length=200)
            phone = clean_text(contact.phone, field_label=_("het telefoonnummer"), max_length=40, required=False)
            validate_email(contact.email.strip())
        except ValidationError as error:
            messages = error.messages if error.code != "invalid" else [_("Vul een geldig e-mailadres in.")]
            raise ValidationError({"contacts": messages}) from None
        cleaned.append(ContactInput(name=name, email=contact.email.strip(), phone=phone))
    if not cleaned:
        raise ValidationError({"contacts": [_("Noem minstens één contactpersoon met naam en e-mailadres.")]})
    return cleaned


def _check_cost(name: str, value: Decimal | None) -> Decimal:
    if value is None or value < 0 or value >= COST_MAX:
        raise ValidationError({name: [_("Vul een bedrag in euro's in, 0 of meer.")]})
    return value


def _event(challenge: Challenge, step: str, *, actor=None, note: str = "", at=None) -> ChallengeEvent:
    """A step of the procedure, at `at` (history recorded afterwards) or now; never before the submission."""
    when = moment(at)
    if when < challenge.submitted_at:
        raise ValueError("a step cannot come before the submission")
    return ChallengeEvent.objects.create(challenge=challenge, step=step, actor=actor, note=note, created_at=when)


def _locked(challenge: Challenge, *, allowed: tuple[str, ...]) -> Challenge:
    locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if locked.state not in allowed:
        raise ValidationError(
            _("Deze stap kan niet nu: de uitdaging is '%(state)s'.") % {"state": locked.get_state_display()}
        )
    return locked


def challenge_submit(
    *,
    municipality: Municipality,
    resident,
    task: str,
    plan: str,
    involvement: str,
    cost: Decimal | None,
    municipality_cost: Decimal | None,
    challenger_kind: str,
    challenger_name: str,
    contacts: list[ContactInput],
    district=None,
    at: datetime.datetime | None = None,
) -> Challenge:
    """A resident submits a challenge for their group or organisation; the procedure's clock starts now."""
    if not (resident.is_authenticated and membership_get(user=resident, municipality=municipality)):
        raise PermissionDenied(_("Log in als inwoner van deze gemeente om een uitdaging in te dienen."))
    bylaw = bylaw_current(municipality=municipality)
    if bylaw is None:
        raise ValidationError(_("De gemeente heeft nog geen participatieverordening; uitdagen kan nog niet."))
    texts = clean_texts(
        (
            ("task", _("de taak"), task, 200, True),
            ("plan", _("jullie plan"), plan, TEXT_MAX, True),
            ("involvement", _("hoe jullie de buurt betrekken"), involvement, TEXT_MAX, True),
            ("challenger_name", _("de naam van de groep of organisatie"), challenger_name, 200, True),
        )
    )
    if challenger_kind not in Challenge.ChallengerKind.values:
        raise ValidationError({"challenger_kind": [_("Kies of jullie een bewonersgroep of een organisatie zijn.")]})
    cost = _check_cost("cost", cost)
    municipality_cost = _check_cost("municipality_cost", municipality_cost)
    if district is not None and district.municipality_id != municipality.pk:
        raise ValidationError({"district": [_("Kies een wijk van deze gemeente.")]})
    cleaned_contacts = _clean_contacts(contacts)
    with transaction.atomic():
        challenge = Challenge.objects.create(
            municipality=municipality,
            bylaw=bylaw,
            cost=cost,
            municipality_cost=municipality_cost,
            challenger_kind=challenger_kind,
            district=district,
            submitted_by=resident,
            submitted_at=moment(at),
            **texts,
        )
        ChallengeContact.objects.bulk_create(
            ChallengeContact(challenge=challenge, name=c.name, email=c.email, phone=c.phone) for c in cleaned_contacts
        )
        _event(challenge, Step.SUBMITTED, at=challenge.submitted_at)
    return challenge


def challenge_confirm_receipt(*, challenge: Challenge, actor, note: str = "", at=None) -> Challenge:
    _require_staff(user=actor, municipality=challenge.municipality)
    text = _note(note, required=False)
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.SUBMITTED,))
        locked.state = State.RECEIVED
        locked.save(update_fields=["state"])
        _event(locked, Step.RECEIVED, actor=actor, note=text, at=at)
    return locked


def challenge_check(*, challenge: Challenge, actor, complete: bool, note: str, at=None) -> Challenge:
    """The completeness check. Incomplete: say what is missing. Complete: a process is made for the
    assessment (advice requests, the conversation, the decision log), with the actor as its lead."""
    _require_staff(user=actor, municipality=challenge.municipality)
    text = _note(note, required=not complete)
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.RECEIVED, State.INCOMPLETE))
        if not complete:
            locked.state = State.INCOMPLETE
            locked.save(update_fields=["state"])
            _event(locked, Step.INCOMPLETE, actor=actor, note=text, at=at)
            return locked
        process = process_services.process_create(
            actor=actor,
            municipality=locked.municipality,
            title=_("Uitdaagrecht: %(task)s") % {"task": locked.task},
            question=_("Neemt %(name)s de taak '%(task)s' over?")
            % {"name": locked.challenger_name, "task": locked.task}
            if len(locked.task) + len(locked.challenger_name) < 440
            else _("Neemt de uitdager deze taak over?"),
            description=locked.plan,
            district=locked.district,
            listed=False,  # the register of challenges shows it; its page and decision log stay public
            at=at,
        )
        process_services.phase_add(
            process=process,
            actor=actor,
            title=_("Beoordeling"),
            reason=_("De uitdaging wordt getoetst aan de criteria van de participatieverordening."),
        )
        process_services.process_open(process=process, actor=actor)
        locked.state, locked.process = State.ASSESSMENT, process
        locked.save(update_fields=["state", "process"])
        _event(locked, Step.COMPLETE, actor=actor, note=text, at=at)
    return locked


def challenge_conversation(*, challenge: Challenge, actor, note: str, at=None) -> Challenge:
    _require_staff(user=actor, municipality=challenge.municipality)
    text = _note(note, required=True)
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.ASSESSMENT,))
        _event(locked, Step.CONVERSATION, actor=actor, note=text, at=at)
    return locked


def challenge_decide(*, challenge: Challenge, actor, decision, granted: bool, at=None) -> Challenge:
    """Link the decision from the challenge's decision log (with its reasons and values weighed)."""
    _require_staff(user=actor, municipality=challenge.municipality)
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.ASSESSMENT,))
        if decision is None or locked.process_id is None or decision.process_id != locked.process_id:
            raise ValidationError({"decision": [_("Kies een besluit uit het besluitenlog van deze uitdaging.")]})
        if not locked.events.filter(step=Step.CONVERSATION).exists():
            raise ValidationError(_("Voer eerst het gesprek met de indieners en leg het vast."))
        locked.state = State.GRANTED if granted else State.REFUSED
        locked.decision = decision
        locked.save(update_fields=["state", "decision"])
        _event(locked, Step.DECIDED, actor=actor, note=decision.title, at=at)
    return locked


def challenge_inform_council(*, challenge: Challenge, actor, note: str, at=None) -> Challenge:
    _require_staff(user=actor, municipality=challenge.municipality)
    text = _note(note, required=True)
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.GRANTED, State.REFUSED))
        if locked.events.filter(step=Step.COUNCIL).exists():
            raise ValidationError(_("De raad is al geïnformeerd over deze uitdaging."))
        _event(locked, Step.COUNCIL, actor=actor, note=text, at=at)
    return locked


def challenge_agree(
    *, challenge: Challenge, actor, conditions: str, evaluate_on: datetime.date | None, at=None
) -> Challenge:
    """A granted challenge gets its agreement: the conditions and when it is evaluated."""
    _require_staff(user=actor, municipality=challenge.municipality)
    try:
        text = clean_text(conditions, field_label=_("de voorwaarden"), max_length=TEXT_MAX)
    except ValidationError as error:
        raise ValidationError({"conditions": error.messages}) from None
    if evaluate_on is None:
        raise ValidationError({"evaluate_on": [_("Vul in wanneer de afspraak wordt geëvalueerd.")]})
    with transaction.atomic():
        locked = _locked(challenge, allowed=(State.GRANTED,))
        if locked.events.filter(step=Step.AGREEMENT).exists():
            raise ValidationError(_("Er is al een afspraak vastgelegd."))
        if evaluate_on <= locked.submitted_at.date():
            raise ValidationError({"evaluate_on": [_("De evaluatie valt na de indiening.")]})
        locked.conditions, locked.evaluate_on = text, evaluate_on
        locked.save(update_fields=["conditions", "evaluate_on"])
        _event(locked, Step.AGREEMENT, actor=actor, note=text, at=at)
    return locked
