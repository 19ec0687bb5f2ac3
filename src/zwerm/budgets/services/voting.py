"""Casting a secret ballot: one per resident and budget, final once cast (see ADR on the secret ballot)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zwerm.monitoring.metrics import ballot_counted

from .. import rules, selectors
from ..models import Ballot, BallotChoice, Budget, VoteCode, VoteRecord
from .checks import require_resident_of_area
from .codes import code_hash, normalise

_random = random.SystemRandom()


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


ALREADY_VOTED = gettext_lazy(
    "Je hebt al gestemd voor dit buurtbudget. Een uitgebrachte stem is geheim en kan niet meer worden gewijzigd."
)
MIX = 3  # other ballots of the budget written again with each new one, so the table's order is not the order of voting


def _mix(budget: Budget) -> None:
    """Write a few random other ballots of the budget again under new random ids: neither the rows'
    physical order (SQLite's rowid, PostgreSQL's heap) nor anything else keeps the order of voting."""
    ids = list(Ballot.objects.filter(budget=budget).values_list("pk", flat=True))
    for pk in _random.sample(ids, min(MIX, len(ids))):
        old = Ballot.objects.get(pk=pk)
        picks = list(BallotChoice.objects.filter(ballot=old).values_list("project_id", "points"))
        old.delete()
        new = Ballot.objects.create(budget=budget, district_id=old.district_id)
        BallotChoice.objects.bulk_create(BallotChoice(ballot=new, project_id=p, points=v) for p, v in picks)


def ballots_shuffle(*, budget: Budget) -> int:
    """Write every ballot of the budget again, in random order under new ids (when counting starts)."""
    with transaction.atomic():
        rows = [
            (b.district_id, list(BallotChoice.objects.filter(ballot=b).values_list("project_id", "points")))
            for b in Ballot.objects.select_for_update().filter(budget=budget)
        ]
        Ballot.objects.filter(budget=budget).delete()
        _random.shuffle(rows)
        for district_id, picks in rows:
            new = Ballot.objects.create(budget=budget, district_id=district_id)
            BallotChoice.objects.bulk_create(BallotChoice(ballot=new, project_id=p, points=v) for p, v in picks)
    return len(rows)


def _require_open(budget: Budget) -> None:
    if not budget.voting_is_open():
        if budget.status in (Budget.Status.PROPOSALS, Budget.Status.REVIEW):
            raise ValidationError(_("Het stemmen voor dit buurtbudget is nog niet begonnen."))
        raise ValidationError(_("Het stemmen voor dit buurtbudget is gesloten."))


def _valid_choice(budget: Budget, district, projects, points) -> dict[int, int]:
    """The ballot's choices, checked against the projects on this ballot and the budget's limits."""
    chosen = _chosen(budget, projects, points)
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
    return chosen


def _store(budget: Budget, district, chosen: dict[int, int]) -> None:
    """The anonymous ballot itself (inside the caller's transaction, after its register write)."""
    _mix(budget)
    cast = Ballot.objects.create(budget=budget, district=district)
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=cast, project_id=pk, points=v) for pk, v in sorted(chosen.items())
    )


def ballot_cast(
    *,
    budget: Budget,
    resident,
    projects: Iterable[int] = (),
    points: Mapping[int, int] | None = None,
) -> None:
    """Cast the resident's secret ballot: `projects` for approval voting, `points` (project pk -> points)
    for cumulative voting. The register records that the resident voted; the ballot records only what
    was chosen and in which wijk; both in one transaction (both or neither).

    Refused: outside the area, when voting is not open or has closed, over the limits, a budget where one
    votes with a code, and a second ballot (a cast ballot is final: nothing ties it to the resident)."""
    budget = _fresh(budget)  # the phase may have changed since the caller read it
    if budget.eligibility == Budget.Eligibility.CODE:
        raise ValidationError(_("Voor dit buurtbudget stem je met de stemcode uit de brief die je hebt gekregen."))
    district = require_resident_of_area(budget=budget, user=resident)
    _require_open(budget)
    if VoteRecord.objects.filter(budget=budget, voter=resident).exists():
        raise ValidationError(str(ALREADY_VOTED))
    chosen = _valid_choice(budget, district, projects, points)
    try:
        with transaction.atomic():
            VoteRecord.objects.create(budget=budget, voter=resident)
            _store(budget, district, chosen)
    except IntegrityError:
        raise ValidationError(str(ALREADY_VOTED)) from None
    ballot_counted()


def ballot_cast_with_code(
    *, budget: Budget, code: str, projects: Iterable[int] = (), points: Mapping[int, int] | None = None
) -> None:
    """Cast a secret ballot with a vote code from a letter: the code is marked used and the ballot stored in
    one transaction; the ballot does not know the code. No account is needed."""
    budget = _fresh(budget)
    if budget.eligibility != Budget.Eligibility.CODE:
        raise ValidationError(_("Voor dit buurtbudget stem je als ingelogde inwoner, niet met een stemcode."))
    _require_open(budget)
    unknown = _("Deze stemcode kennen we niet, of er is al mee gestemd. Controleer de code in je brief.")
    if not normalise(code):
        raise ValidationError(_("Vul de stemcode uit je brief in."))
    digest = code_hash(budget_id=budget.pk, code=code)
    row = VoteCode.objects.filter(budget=budget, code_hash=digest, used=False).first()
    if row is None:
        raise ValidationError(unknown)
    district = row.district if budget.district_id is None else budget.district
    chosen = _valid_choice(budget, district, projects, points)
    with transaction.atomic():
        if not VoteCode.objects.filter(pk=row.pk, used=False).update(used=True):  # a second request with it
            raise ValidationError(unknown)
        _store(budget, district, chosen)
    ballot_counted()


def _chosen(budget: Budget, projects: Iterable[int], points: Mapping[int, int] | None) -> dict[int, int]:
    if budget.ballot_type == Budget.BallotType.APPROVAL:
        chosen = {int(pk): 1 for pk in projects}
    else:
        chosen = {int(pk): int(v) for pk, v in (points or {}).items() if int(v) != 0}
        if any(v < 0 for v in chosen.values()):
            raise ValidationError(_("Punten zijn hele getallen van 1 of meer."))
    if not chosen:
        raise ValidationError(_("Kies minstens één project."))
    return chosen
