"""The results page: what the analysis prepared for the latest snapshot (`dialogues.results`), in words."""

from zwerm.core import disclosure

from .. import selectors
from ..results import results_derived_cached


def results_context(dialogue) -> dict:
    snapshot = selectors.snapshot_latest_head(dialogue=dialogue)
    context = {
        "dialogue": dialogue,
        "snapshot": snapshot,
        "ready": False,
        "participation": selectors.dialogue_participation_cached(dialogue=dialogue, latest=snapshot),
        "min_public": disclosure.threshold(),
    }
    if (
        snapshot is None
        or snapshot.status != "ok"
        or not disclosure.is_public(context["participation"]["participant_count"])
    ):
        return context
    derived = results_derived_cached(dialogue=dialogue, snapshot=snapshot)
    groups = [{**g, "size": disclosure.people(g["size"])} for g in derived["groups"]]

    def wijk(row: dict) -> dict:
        # stored as a number, or None where held back: worded here, in the page's language
        n = row["participants"]
        return {**row, "participants": disclosure.Figure(n, str(n)) if n is not None else disclosure.insufficient()}

    districts = [wijk(row) for row in derived.get("districts", [])]
    context.update(ready=True, **{**derived, "groups": groups, "districts": districts})
    return context
