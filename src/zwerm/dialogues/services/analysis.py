"""Recompute a dialogue's opinion groups and common ground, and keep the result as a snapshot."""

import time
from collections import Counter

from django.db import transaction
from django_tasks import task

from zwerm.core.tasks import enqueue_on_commit

from ..analysis import EngineState, VoteMatrix, analyse
from ..analysis.report import result_to_dict
from ..models import Dialogue, Snapshot, Statement, Vote
from ..results import results_store
from ..selectors import counts_store

KEEP_SNAPSHOTS = 20


def dialogue_analyse(*, dialogue: Dialogue) -> Snapshot:
    """Run the engine on the current votes, warm-started from the last snapshot."""
    Dialogue.objects.filter(pk=dialogue.pk).update(needs_analysis=False)
    rows = list(Statement.objects.filter(dialogue=dialogue).order_by("pk").values_list("pk", "status", "is_meta"))
    statements = [pk for pk, _, _ in rows]
    counted = {pk for pk, status, meta in rows if status == Statement.Status.APPROVED and not meta}
    # Votes on statements that do not count (moderated out, meta) still go in: as in Pol.is, they
    # count for who is grouped and in the map's scaling (docs/dialogues-method.md, step 2 and 4).
    excluded = [pk for pk in statements if pk not in counted]
    triples = list(Vote.objects.filter(statement__in=statements).values_list("participant_id", "statement_id", "value"))
    matrix = VoteMatrix.from_votes(triples, statement_ids=statements)
    last = dialogue.snapshots.order_by("-created_at", "-pk").first()
    previous = EngineState.from_dict(last.state) if last is not None and last.state else None
    if previous is not None and set(previous.statement_ids) - counted:
        previous = None  # a statement was moderated out: start afresh rather than from a stale map
    started = time.perf_counter()
    result = analyse(matrix, excluded_statement_ids=excluded, previous=previous, seed=dialogue.pk)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        snapshot = Snapshot.objects.create(
            dialogue=dialogue,
            n_votes=result.n_votes,
            status=result.status,
            result=result_to_dict(result),
            state=result.state.to_dict() if result.state is not None else None,
            seconds=seconds,
        )
        stale = dialogue.snapshots.order_by("-created_at", "-pk").values_list("pk", flat=True)[KEEP_SNAPSHOTS:]
        Snapshot.objects.filter(pk__in=list(stale)).delete()
        _vote_counts_save(dialogue, Counter(statement_id for _p, statement_id, _v in triples))
    results_prepare(dialogue=dialogue, snapshot=snapshot)
    return snapshot


def _vote_counts_save(dialogue: Dialogue, counts: Counter) -> None:
    """Each statement's votes as counted for this snapshot (`Statement.vote_count`); only changed rows are written."""
    changed = []
    for statement in Statement.objects.filter(dialogue=dialogue).only("pk", "vote_count"):
        if statement.vote_count != counts.get(statement.pk, 0):
            statement.vote_count = counts.get(statement.pk, 0)
            changed.append(statement)
    Statement.objects.bulk_update(changed, ["vote_count"], batch_size=500)


def results_prepare(*, dialogue: Dialogue, snapshot: Snapshot) -> None:
    """What pages show of a new snapshot, computed now (in the analysis task) and kept in the cache: the
    participation counts and the results page's groups, map and wijken. No visitor computes them."""
    if snapshot.status == "ok":
        results_store(dialogue=dialogue, snapshot=snapshot)
    counts_store(dialogue=dialogue, snapshot=snapshot)


@task()
def dialogue_recompute(dialogue_id: int) -> int:
    """Background: recompute a dialogue; votes that arrive meanwhile queue the next run (coalesced)."""
    return dialogue_analyse(dialogue=Dialogue.objects.get(pk=dialogue_id)).pk


def analysis_request(*, dialogue_id: int) -> None:
    """Ask for a recomputation after commit; coalesced: only the change that raises the flag queues one."""
    if Dialogue.objects.filter(pk=dialogue_id, needs_analysis=False).update(needs_analysis=True):
        analysis_queued(dialogue_id=dialogue_id)


def analysis_queued(*, dialogue_id: int) -> None:
    """The flag was just raised: queue the one recomputation that will pick up every vote until it runs."""
    enqueue_on_commit(dialogue_recompute, dialogue_id=dialogue_id)
