"""Reads of the verordening, scoped to one municipality."""

from django.db.models import Prefetch, QuerySet

from zwerm.core.models import Municipality

from ..models import Bylaw, BylawRule


def _with_rules(qs: QuerySet[Bylaw]) -> QuerySet[Bylaw]:
    return qs.prefetch_related(Prefetch("rules", queryset=BylawRule.objects.order_by("position", "pk")))


def bylaw_current(*, municipality: Municipality) -> Bylaw | None:
    """The newest version (versions only move forward in time, so it is the one that holds or will hold)."""
    return _with_rules(Bylaw.objects.filter(municipality=municipality)).order_by("-version").first()


def bylaw_list(*, municipality: Municipality) -> QuerySet[Bylaw]:
    """Every version, newest first, with its rules."""
    return _with_rules(Bylaw.objects.filter(municipality=municipality)).order_by("-version")


def bylaw_get(*, municipality: Municipality, version: int) -> Bylaw | None:
    return _with_rules(Bylaw.objects.filter(municipality=municipality, version=version)).first()


def bylaw_rule_get(*, bylaw: Bylaw, pk: int) -> BylawRule | None:
    return BylawRule.objects.filter(bylaw=bylaw, pk=pk).first()


def bylaw_rule_list(*, bylaw: Bylaw | None) -> QuerySet[BylawRule]:
    """The kinds of decision of this version (none without a verordening)."""
    if bylaw is None:
        return BylawRule.objects.none()
    return BylawRule.objects.filter(bylaw=bylaw).order_by("position", "pk")
