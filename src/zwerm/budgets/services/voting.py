"""Casting a secret ballot: one per resident and budget, changeable until the vote closes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zwerm.monitoring.metrics import ballot_counted

from .. import rules, selectors
from ..models import Ballot, BallotChoice, Budget
from .checks import require_resident_of_area


def _fresh(budget: Budget) -> Budget:
    return Budget.objects.select_related("district", "municipality").get(pk=budget.pk)


def _euro(value) -> str:
    return selectors.euro(value)


def ballot_error_message(error: rules.BallotError) -> str:
    """The engine's ballot problem as a message a resident understands."""
    p = error.params
    messages = {
        "too_few_projects": _("Kies minstens %(min)s projecten; je koos er %(n)s.")
        % {"min": p.get("minimum"), "n": p.get("chosen")},
        "too_many_projects": _("Kies hoogstens %(max)s projecten; je koos er %(n)s.")
        % {"max": p.get("maximum"), "n": p.get("chosen")},
        "over_cost": _("Je keuze kost samen %(total)s; dat is meer dan de %(max)s die je mag besteden.")
        % {"total": _euro(p.get("total")), "max": _euro(p.get("maximum"))},
        "too_many_points": _("Je verdeelde %(n)s punten; je mag er hoogstens %(max)s verdelen.")
        % {"n": p.get("given"), "max": p.get("maximum")},
        "too_many_points_on_project": _("Je mag hoogstens %(max)s punten op één project zetten.")
        % {"max": p.get("maximum")},
        "bad_points": _("Punten zijn hele getallen van 1 of meer."),
        "unknown_project": _("Je stemde op een project dat niet op dit stembiljet staat."),
        "duplicate_project": _("Een project staat twee keer op je stembiljet."),
        "wrong_type": _("Dit stembiljet past niet bij dit buurtbudget."),
    }
    return messages.get(error.code, _("Dit stembiljet klopt niet."))


def ballot_cast(
    *,
    budget: Budget,
    resident,
    projects: Iterable[int] = (),
    points: Mapping[int, int] | None = None,
    replace: bool = False,
) -> Ballot:
    """Cast (or, with `replace`, change) the resident's ballot: `projects` for approval voting,
    `points` (project pk -> points) for cumulative voting.

    Refused: outside the area, when voting is not open or has closed, over the limits, and a second
    ballot without `replace` (the resident changes their ballot instead)."""
    budget = _fresh(budget)  # the phase may have changed since the caller read it
    district = require_resident_of_area(budget=budget, user=resident)
    if not budget.voting_is_open():
        if budget.status in (Budget.Status.PROPOSALS, Budget.Status.REVIEW):
            raise ValidationError(_("Het stemmen voor dit buurtbudget is nog niet begonnen."))
        raise ValidationError(
            _("Het stemmen voor dit buurtbudget is gesloten; je stem kan niet meer worden gewijzigd.")
        )
    if budget.ballot_type == Budget.BallotType.APPROVAL:
        chosen = {int(pk): 1 for pk in projects}
    else:
        chosen = {int(pk): int(v) for pk, v in (points or {}).items() if int(v) != 0}
        if any(v < 0 for v in chosen.values()):
            raise ValidationError(_("Punten zijn hele getallen van 1 of meer."))
    if not chosen:
        raise ValidationError(_("Kies minstens één project."))
    allowed = set(selectors.project_ballot_choices(budget=budget, district=district).values_list("pk", flat=True))
    if set(chosen) - allowed:
        raise ValidationError(_("Je kunt alleen stemmen op haalbare projecten van dit buurtbudget in je eigen wijk."))
    instance = selectors.budget_instance(budget=budget)
    if budget.ballot_type == Budget.BallotType.APPROVAL:
        ballot = rules.ApprovalBallot(tuple(str(pk) for pk in chosen))
    else:
        ballot = rules.CumulativeBallot(tuple((str(pk), v) for pk, v in chosen.items()))
    try:
        rules.validate_ballot(ballot, instance)
    except rules.BallotError as error:
        raise ValidationError(ballot_error_message(error)) from None
    try:
        with transaction.atomic():
            existing = Ballot.objects.select_for_update().filter(budget=budget, voter=resident).first()
            if existing is not None and not replace:
                raise ValidationError(
                    _("Je hebt al gestemd voor dit buurtbudget. Je kunt je stem wijzigen tot het stemmen sluit.")
                )
            if existing is None:
                existing = Ballot.objects.create(budget=budget, voter=resident, district=district)
            else:
                existing.district = district
                existing.save(update_fields=["district", "updated_at"])
                BallotChoice.objects.filter(ballot=existing).delete()
            BallotChoice.objects.bulk_create(
                BallotChoice(ballot=existing, project_id=pk, points=v) for pk, v in sorted(chosen.items())
            )
    except IntegrityError:
        raise ValidationError(
            _("Je hebt al gestemd voor dit buurtbudget. Je kunt je stem wijzigen tot het stemmen sluit.")
        ) from None
    ballot_counted()
    return existing
