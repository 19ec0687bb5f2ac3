"""Writes for the verordening: an admin records a new version; the old versions stay with their dates."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from zwerm.accounts.services import require_admin
from zwerm.core.models import Municipality
from zwerm.core.text import clean_text, clean_texts

from ..models import BYLAW_TEXT_MAX, TEXT_MAX, Bylaw, BylawRule, Level, PolicyPhase
from .mirror import mirror_statements_ensure_default

DAYS_MAX = 730


@dataclass(frozen=True)
class RuleInput:
    """One kind of decision as the admin enters it."""

    name: str
    minimum_level: str
    phases: tuple[str, ...]


@dataclass(frozen=True)
class Deadlines:
    response_days: int
    challenge_receipt_days: int
    challenge_complete_days: int
    challenge_decision_days: int
    evaluation_days: int


def _clean_rules(rules: list[RuleInput]) -> list[RuleInput]:
    if not rules:
        raise ValidationError({"rules": [_("Noem minstens één soort besluit met het minimale participatieniveau.")]})
    cleaned, seen = [], set()
    for rule in rules:
        name = clean_text(rule.name, field_label=_("de soort besluit"), max_length=200, single_line=True)
        if name.casefold() in seen:
            raise ValidationError({"rules": [_("De soort besluit '%(name)s' staat er twee keer in.") % {"name": name}]})
        seen.add(name.casefold())
        if rule.minimum_level not in Level.values:
            raise ValidationError({"rules": [_("Kies voor '%(name)s' een bestaand niveau.") % {"name": name}]})
        if not rule.phases or any(p not in PolicyPhase.values for p in rule.phases):
            raise ValidationError(
                {"rules": [_("Kies voor '%(name)s' minstens één fase waarin inwoners meedoen.") % {"name": name}]}
            )
        ordered = tuple(p for p in PolicyPhase.values if p in rule.phases)
        cleaned.append(RuleInput(name=name, minimum_level=rule.minimum_level, phases=ordered))
    return cleaned


def _check_deadlines(deadlines: Deadlines) -> None:
    errors = {
        name: [_("Vul een aantal dagen in tussen 1 en %(max)d.") % {"max": DAYS_MAX}]
        for name, days in vars(deadlines).items()
        if not (1 <= days <= DAYS_MAX)
    }
    if errors:
        raise ValidationError(errors)
    if deadlines.challenge_receipt_days > deadlines.challenge_decision_days:
        raise ValidationError(
            {"challenge_decision_days": [_("Het besluit kan niet eerder vallen dan de ontvangstbevestiging.")]}
        )


def bylaw_record(
    *,
    municipality: Municipality,
    actor,
    title: str,
    text: str,
    valid_from: datetime.date,
    weighing: str,
    challenge_criteria: str,
    deadlines: Deadlines,
    rules: list[RuleInput],
) -> Bylaw:
    """Record a new version of the verordening with its rules; the previous version stays as it was."""
    require_admin(user=actor, municipality=municipality)
    texts = clean_texts(
        (
            ("title", _("de titel"), title, 200, True),
            ("text", _("de tekst van de verordening"), text, BYLAW_TEXT_MAX, True),
            ("weighing", _("hoe inbreng wordt gewogen"), weighing, TEXT_MAX, True),
            ("challenge_criteria", _("de criteria voor het uitdaagrecht"), challenge_criteria, TEXT_MAX, True),
        )
    )
    _check_deadlines(deadlines)
    cleaned_rules = _clean_rules(rules)
    previous = Bylaw.objects.filter(municipality=municipality).order_by("-version").first()
    if previous is not None and valid_from < previous.valid_from:
        raise ValidationError(
            {
                "valid_from": [
                    _("Een nieuwe versie kan niet eerder ingaan dan de vorige (%(date)s).")
                    % {"date": previous.valid_from.isoformat()}
                ]
            }
        )
    try:
        with transaction.atomic():
            last = Bylaw.objects.filter(municipality=municipality).aggregate(v=Max("version"))["v"] or 0
            bylaw = Bylaw.objects.create(
                municipality=municipality,
                version=last + 1,
                valid_from=valid_from,
                author=actor,
                **texts,
                **vars(deadlines),
            )
            mirror_statements_ensure_default(municipality=municipality)
            BylawRule.objects.bulk_create(
                BylawRule(bylaw=bylaw, name=r.name, minimum_level=r.minimum_level, phases=list(r.phases), position=i)
                for i, r in enumerate(cleaned_rules)
            )
    except IntegrityError:
        raise ValidationError(_("Er is tegelijk een andere versie vastgelegd. Probeer het opnieuw.")) from None
    return bylaw
