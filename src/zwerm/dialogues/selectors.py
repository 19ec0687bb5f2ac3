"""Reads for dialogues, scoped to one municipality. Public figures never show fewer than 5 people."""

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list

from .anonymity import participant_pseudonym
from .models import Dialogue, Participant, Snapshot, Statement, Vote


def dialogue_list(*, municipality: Municipality) -> QuerySet[Dialogue]:
    """Newest first (the id breaks ties, so the list can be paged by cursor). No counts here: counting the
    participants of every dialogue joined them all; count those of one page with `participant_counts_attach`."""
    return Dialogue.objects.filter(municipality=municipality).order_by("-created_at", "-pk")


def participant_counts_attach(*, dialogues: list[Dialogue]) -> None:
    """Give each dialogue of a page its `participant_count`, in one query over just these dialogues."""
    rows = (
        Participant.objects.filter(dialogue__in=[d.pk for d in dialogues])
        .values("dialogue_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["dialogue_id"]: row["n"] for row in rows}
    for dialogue in dialogues:
        dialogue.participant_count = counts.get(dialogue.pk, 0)  # type: ignore[attr-defined]


def dialogue_get(*, municipality: Municipality, pk) -> Dialogue | None:
    return Dialogue.objects.filter(municipality=municipality, pk=pk).first()


def participant_find(*, dialogue: Dialogue, user=None, anonymous_key=None) -> Participant | None:
    """The participant of this account (or else cookie); by its pseudonym where votes are anonymous."""
    user_id = user.pk if user is not None and user.is_authenticated else None
    if user_id is None and anonymous_key is None:
        return None
    if dialogue.anonymous_votes:
        pseudonym = participant_pseudonym(dialogue_id=dialogue.pk, user_id=user_id, anonymous_key=anonymous_key)
        return dialogue.participants.filter(pseudonym=pseudonym).first()
    if user_id is not None:
        return dialogue.participants.filter(user_id=user_id).first()
    return dialogue.participants.filter(anonymous_key=anonymous_key).first()


def statement_next(*, dialogue: Dialogue, participant: Participant | None) -> Statement | None:
    """The next visible statement this participant has not voted on: fewest votes first, so that
    every statement gathers votes (as Pol.is does). The votes are those counted at the last analysis
    (`Statement.vote_count`): counting every vote of a large dialogue on each vote took longer than the vote;
    a statement newer than the analysis counts 0 and comes first. Reads the dialogue's statements and, for the
    participant, their votes through the one-vote-per-statement index."""
    qs = dialogue.statements.filter(status=Statement.Status.APPROVED, is_meta=False, masking_pending=False)
    if participant is not None:
        qs = qs.exclude(pk__in=Vote.objects.filter(participant=participant).values("statement_id"))
    return qs.order_by("vote_count", "pk").first()


def statement_get(*, dialogue: Dialogue, pk) -> Statement | None:
    return dialogue.statements.filter(pk=pk).first()


def statements_pending(*, dialogue: Dialogue) -> QuerySet[Statement]:
    return dialogue.statements.filter(status=Statement.Status.PENDING).order_by("pk")


def participant_votes(*, participant: Participant | None) -> dict[int, int]:
    if participant is None:
        return {}
    return dict(participant.votes.values_list("statement_id", "value"))


def dialogue_latest_snapshot(*, dialogue: Dialogue) -> Snapshot | None:
    return dialogue.snapshots.order_by("-created_at", "-pk").first()


def _district_rows(dialogue: Dialogue):
    return (
        Participant.objects.filter(dialogue=dialogue, district__isnull=False, votes__isnull=False)
        .values("district_id", "district__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by("district__name")
    )


def _district_figures(dialogue: Dialogue, *, voting: int) -> dict[int, disclosure.Figure]:
    """Participants (who voted) per wijk id, held back where small, and where the dialogue's public totals
    minus the shown wijken would give a small wijk away: the participants who voted (results page, API) and
    every participant (the list page, the process page)."""
    everyone = Participant.objects.filter(dialogue=dialogue).count()
    parts = {row["district_id"]: row["n"] for row in _district_rows(dialogue)}
    return disclosure.breakdown(parts, voting, everyone)


def dialogue_counts(*, dialogue: Dialogue, snapshot: Snapshot | None = None) -> dict:
    """The counts behind the dialogue's public figures, as plain numbers (no wording, so one stored copy
    serves every language): participants who voted, those per wijk, the groups of `snapshot` (the latest
    when not given), votes and visible statements. The COUNT DISTINCT over every vote is the slow part."""
    counts = Participant.objects.filter(dialogue=dialogue).aggregate(
        participants=Count("pk", filter=Q(votes__isnull=False), distinct=True)
    )
    if snapshot is None:
        snapshot = dialogue_latest_snapshot(dialogue=dialogue)
    groups = []
    if snapshot is not None and snapshot.status == "ok":
        groups = [int(g["size"]) for g in snapshot.result.get("groups", [])]
    return {
        "participant_count": counts["participants"],
        "district_parts": {row["district_id"]: row["n"] for row in _district_rows(dialogue)},
        "everyone": Participant.objects.filter(dialogue=dialogue).count(),
        "groups": groups,
        "votes": Vote.objects.filter(statement__dialogue=dialogue).count(),
        "statements": dialogue.statements.filter(status=Statement.Status.APPROVED).count(),
    }


def participation_figures(counts: dict) -> dict:
    """`dialogue_counts` as the public sees them. `participants` is a disclosure Figure: held back ("meer dan
    ...") when the wijken or opinion groups shown next to it would give a small group away by subtraction;
    `participant_count` is the exact number, for decisions (is there enough to show results?) only."""
    n = counts["participant_count"]
    # The wijken as shown: a wijk held back so that no total gives a small one away counts as hidden too.
    parts = counts.get("district_parts", dict(enumerate(counts.get("districts", []))))  # (an older cached copy)
    districts = disclosure.breakdown(parts, n, counts.get("everyone"))
    partitions = [[figure.value or 0 for figure in districts.values()]]
    partitions += [counts["groups"]] if counts["groups"] else []
    return {
        "participants": disclosure.total(n, *partitions),
        "participant_count": n,
        "votes": counts["votes"],
        "statements": counts["statements"],
    }


def dialogue_participation(*, dialogue: Dialogue) -> dict:
    """The dialogue's figures for the public, counted now (see `participation_figures`)."""
    return participation_figures(dialogue_counts(dialogue=dialogue))


SNAPSHOT_CACHE_SECONDS = 7 * 24 * 3600  # a snapshot never changes; a newer one has another key


def counts_cache_key(dialogue_id: int, snapshot_id: int) -> str:
    return f"zwerm:dialogue:counts:{dialogue_id}:{snapshot_id}"


def snapshot_latest_head(*, dialogue: Dialogue) -> Snapshot | None:
    """The latest snapshot without its result and engine state (large: a point per participant), for pages
    that only need to know which snapshot, its status and time."""
    return dialogue.snapshots.order_by("-created_at", "-pk").defer("result", "state").first()


def dialogue_participation_cached(*, dialogue: Dialogue, latest: Snapshot | None = None) -> dict:
    """`dialogue_participation` as of the latest analysis snapshot (votes trigger a new one; pass it as `latest`
    when already read): the analysis stores the counts when it makes the snapshot (`services.results_prepare`),
    so a view reads them from the cache; counted here only when the cache lost them. Live while the dialogue
    has no snapshot yet."""
    latest_pk = latest.pk if latest is not None else None
    if latest_pk is None:
        latest_pk = dialogue.snapshots.order_by("-created_at", "-pk").values_list("pk", flat=True).first()
    if latest_pk is None:
        return dialogue_participation(dialogue=dialogue)
    key = counts_cache_key(dialogue.pk, latest_pk)
    counts = cache.get(key)
    if counts is None:
        counts = dialogue_counts(dialogue=dialogue)
        cache.set(key, counts, SNAPSHOT_CACHE_SECONDS)
    return participation_figures(counts)


def counts_store(*, dialogue: Dialogue, snapshot: Snapshot) -> None:
    """Count the dialogue's figures for a new snapshot and keep them in the cache (called by the analysis)."""
    cache.set(
        counts_cache_key(dialogue.pk, snapshot.pk),
        dialogue_counts(dialogue=dialogue, snapshot=snapshot),
        SNAPSHOT_CACHE_SECONDS,
    )


def _voting_participants(dialogue: Dialogue) -> int:
    return Participant.objects.filter(dialogue=dialogue, votes__isnull=False).distinct().count()


def dialogue_district_participants(*, dialogue: Dialogue) -> list[dict]:
    """Every wijk of the municipality with its participants as a disclosure Figure (held back: small, or
    given away by a total), in name order: the table and map of the results page."""
    figures = _district_figures(dialogue, voting=_voting_participants(dialogue))
    districts = district_list(municipality=dialogue.municipality).order_by("name", "pk")
    return [
        {"district": district, "participants": figures.get(district.pk, disclosure.insufficient())}
        for district in districts
    ]


def dialogue_by_district(*, dialogue: Dialogue) -> list[dict]:
    """Per shown wijk: participants and agree counts per statement. Wijken held back (under 5 participants, or
    given away by the dialogue's totals) are left out."""
    figures = _district_figures(dialogue, voting=_voting_participants(dialogue))
    shown = [row for row in _district_rows(dialogue) if figures[row["district_id"]].shown]
    # The agree shares of every shown wijk in one query (not one per wijk).
    per_statement: dict[int, dict] = {row["district_id"]: {} for row in shown}
    votes = (
        Vote.objects.filter(participant__dialogue=dialogue, participant__district_id__in=list(per_statement))
        .values("participant__district_id", "statement_id")
        .annotate(agree=Count("pk", filter=Q(value=1)), total=Count("pk"))
        .order_by()
    )
    for vote in votes:
        per_statement[vote["participant__district_id"]][vote["statement_id"]] = {
            "statement_id": vote["statement_id"],
            "agree": vote["agree"],
            "total": vote["total"],
        }
    return [
        {
            "district": row["district__name"],
            "district_id": row["district_id"],
            "participants": row["n"],
            "agree": per_statement[row["district_id"]],
        }
        for row in shown
    ]


def statement_get_by_id(*, municipality: Municipality, pk) -> Statement | None:
    """Any statement of the municipality's dialogues, with its author's wijk (for sensing)."""
    return (
        Statement.objects.filter(dialogue__municipality=municipality, pk=pk).select_related("author__district").first()
    )


def statement_author_keys(*, municipality: Municipality, pks) -> dict[int, str]:
    """Statement pk -> who wrote it, as "user:<id>" (a resident with an account) or "participant:<id>"
    (anonymous), for counting distinct people in aggregates (never published). Statements without a
    known author are left out, so are those of dialogues with anonymous votes (their author key could be
    someone counted under another key: they count as unknown writers, a figure stays a lower bound)."""
    rows = Statement.objects.filter(dialogue__municipality=municipality, pk__in=pks, author__isnull=False)
    return {
        pk: f"user:{user_id}" if user_id is not None else f"participant:{participant_id}"
        for pk, participant_id, user_id in rows.values_list("pk", "author_id", "author__user_id")
    }


def statement_public_texts(*, dialogue: Dialogue) -> dict[int, str]:
    """Approved statement pk -> its public text (personal data masked), for results shown outside the site."""
    return {s.pk: s.shown_text for s in dialogue.statements.filter(status=Statement.Status.APPROVED)}


def dialogue_list_with_pending(*, municipality: Municipality) -> QuerySet[Dialogue]:
    """Dialogues with statements that wait for a moderator, each with `pending` (the staff start page)."""
    return (
        Dialogue.objects.filter(municipality=municipality)
        .annotate(pending=Count("statements", filter=Q(statements__status=Statement.Status.PENDING)))
        .filter(pending__gt=0)
        .order_by("-pending", "pk")
    )


def statement_vote_counts(*, dialogue: Dialogue) -> dict[int, int]:
    """Votes (agree, disagree and pass) per statement, as counted by the last analysis (the counts its
    snapshot was made from; `Statement.vote_count`)."""
    return dict(dialogue.statements.order_by().values_list("pk", "vote_count"))


def result_public(*, result: dict, vote_counts: dict[int, int]) -> dict:
    """The analysis as the public may see it: a statement counts as common ground or divisive, and a
    group's share on a statement is shown, only when at least the disclosure threshold of votes stand
    behind it (with 1 vote, "67% eens" is that one vote). Returns groups, consensus and divisive."""

    def enough(statement_id) -> bool:
        return disclosure.is_public(vote_counts.get(int(statement_id), 0))

    groups = [
        {
            **group,
            "representative": [
                r for r in group["representative"] if disclosure.is_public(r.get("ns", 0)) and enough(r["statement"])
            ],
        }
        for group in result.get("groups", [])
    ]
    consensus = {
        direction: [
            c
            for c in result.get("consensus", {}).get(direction, [])
            if disclosure.is_public(c.get("n_trials", 0)) and enough(c["statement"])
        ]
        for direction in ("agree", "disagree")
    }
    divisive = [d for d in result.get("divisive", []) if enough(d["statement"])]
    return {"groups": groups, "consensus": consensus, "divisive": divisive}


def dialogue_list_open(*, municipality: Municipality) -> QuerySet[Dialogue]:
    """Dialogues open for votes now (the home page invites people to them)."""
    now = timezone.now()
    return dialogue_list(municipality=municipality).filter(
        Q(closes_at__isnull=True) | Q(closes_at__gt=now), opens_at__lte=now
    )
