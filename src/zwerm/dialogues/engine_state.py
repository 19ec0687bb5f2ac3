"""The engine's warm-start state as JSON, so a snapshot in the database can seed the next run."""

from types import SimpleNamespace

import numpy as np

from .analysis import EngineState


def state_to_json(state: EngineState | None) -> dict | None:
    if state is None:
        return None
    return {
        "statement_ids": list(state.statement_ids),
        "components": state.components.tolist(),
        "base_centres": state.base_centres.tolist(),
        "group_centres": {str(k): v.tolist() for k, v in state.group_centres.items()},
        "included_ids": sorted(state.included_ids),
        "k_last": state.k_last,
        "k_last_count": state.k_last_count,
        "k": state.k,
    }


def previous_from_json(data: dict | None):
    """An object the engine accepts as `previous` (it reads only `.state`)."""
    if not data:
        return None
    state = EngineState(
        statement_ids=tuple(data["statement_ids"]),
        components=np.asarray(data["components"], dtype=float),
        base_centres=np.asarray(data["base_centres"], dtype=float).reshape(-1, 2),
        group_centres={int(k): np.asarray(v, dtype=float).reshape(-1, 2) for k, v in data["group_centres"].items()},
        included_ids=frozenset(data["included_ids"]),
        k_last=data["k_last"],
        k_last_count=data["k_last_count"],
        k=data["k"],
    )
    return SimpleNamespace(state=state)
