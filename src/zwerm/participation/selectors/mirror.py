"""Reads for the self-assessment: the statements, and results only for groups of at least 5 people."""

from collections import defaultdict

from django.db.models import F, Sum

from zwerm.core import disclosure

from ..models import MirrorAnswer, MirrorParticipation, MirrorStatement


def mirror_statement_list(*, municipality, include_retired: bool = False):
    qs = MirrorStatement.objects.filter(municipality=municipality)
    if not include_retired:
        qs = qs.filter(retired_at__isnull=True)
    return qs.order_by("position", "pk")


def mirror_has_answered(*, municipality, user, quarter: str) -> bool:
    return MirrorParticipation.objects.filter(municipality=municipality, user=user, quarter=quarter).exists()


def mirror_results(*, municipality, quarter: str) -> dict:
    """Average score per statement for the quarter, for the whole organisation and per team; a group (the
    organisation or a team) with fewer than 5 people is not shown."""
    people = MirrorParticipation.objects.filter(municipality=municipality, quarter=quarter).count()
    if not disclosure.is_public(people):
        return {"people": None, "statements": [], "teams": []}
    tallies = MirrorAnswer.objects.filter(municipality=municipality, quarter=quarter, count__gt=0)
    rows = [
        {**r, "average": r["total"] / r["n"]}
        for r in tallies.values("statement_id", "statement__characteristic", "statement__text")
        .annotate(total=Sum(F("score") * F("count")), n=Sum("count"))
        .order_by("statement__position", "statement_id")
    ]
    team_rows = [
        {**r, "average": r["total"] / r["n"]}
        for r in tallies.exclude(team="")
        .values("team", "statement_id")
        .annotate(total=Sum(F("score") * F("count")), n=Sum("count"))
    ]
    teams: dict[str, list] = defaultdict(list)
    for row in team_rows:
        teams[row["team"]].append(row)
    return {
        "people": people,
        "statements": [
            {
                "characteristic": r["statement__characteristic"],
                "statement": r["statement__text"],
                "average": round(float(r["average"]), 2),
            }
            for r in rows
        ],
        "teams": [
            {"team": team, "average": round(sum(float(r["average"]) for r in found) / len(found), 2)}
            for team, found in sorted(teams.items())
            if disclosure.is_public(min(r["n"] for r in found))
        ],
    }
