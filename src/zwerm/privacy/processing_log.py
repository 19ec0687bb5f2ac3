"""The staff access log of personal data and the staff actions, as JSON lines in the shape of the
"Logboek Dataverwerkingen" standard (Logius/MinBZK): one record per processing, with `trace_id`,
`operation_id`, `status_code`, `name`, `start_time`, `end_time`, `resource` and `attributes` (namespace
`dpl.`). docs/privacy.md documents every field. Records hold account ids, never names or addresses."""

import heapq
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from zwerm.core.models import Municipality
from zwerm.core.staff_actions import staff_actions

from .models import AccountErasure, PersonalDataAccess, RetentionRun

# Stable identifiers: the same record gets the same ids in every export, so a SIEM can deduplicate.
NAMESPACE = uuid.UUID("9a3f2c3e-2b7d-4f64-9d1c-6c1e7a5f0b21")
VERSION = "0.1.0"


@dataclass(frozen=True)
class Processing:
    at: datetime
    key: str
    name: str
    activity: str  # the processing activity in the municipality's register (dpl.core.processing_activity_id)
    attributes: dict


def _ids(key: str) -> tuple[str, str]:
    trace = uuid.uuid5(NAMESPACE, key)
    return trace.hex, uuid.uuid5(trace, "operation").hex[:16]


def _millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _window(qs, since, until):
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    return qs.order_by("created_at", "pk")


def _accesses(municipality, since, until) -> Iterator[Processing]:
    for row in _window(PersonalDataAccess.objects.filter(municipality=municipality), since, until).iterator():
        yield Processing(
            at=row.created_at,
            key=f"privacy.personaldataaccess:{row.pk}",
            name="personal_data.view",
            activity=row.purpose,
            attributes={"zwerm.actor_id": row.staff_id, "zwerm.scope": row.scope, "zwerm.path": row.path},
        )


def _system(municipality, since, until) -> Iterator[Processing]:
    erasures = _window(AccountErasure.objects.filter(municipality=municipality), since, until)
    runs = _window(RetentionRun.objects.filter(municipality=municipality), since, until)
    rows = sorted(
        [("account.erase", "request", e.pk, e.created_at, e.counts) for e in erasures]
        + [("retention.run", "retention", r.pk, r.created_at, r.totals) for r in runs],
        key=lambda row: row[3],
    )
    for name, activity, pk, at, counts in rows:
        yield Processing(
            at=at, key=f"privacy.{name}:{pk}", name=name, activity=activity, attributes={"zwerm.counts": counts}
        )


def _actions(municipality, since, until) -> Iterator[Processing]:
    for action in staff_actions(municipality=municipality, since=since, until=until):
        attributes = {"zwerm.actor_id": action.actor_id, "zwerm.object": f"{action.object_type}:{action.object_id}"}
        attributes.update({f"zwerm.{k}": v for k, v in action.details.items()})
        activity = "moderation" if action.name.startswith(("moderation.", "initiative.")) else "accounts"
        yield Processing(at=action.at, key=action.key, name=action.name, activity=activity, attributes=attributes)


def processing_log(*, municipality: Municipality, since: datetime | None = None, until: datetime | None = None):
    """Every record in [since, until), oldest first, as dicts in the Logboek Dataverwerkingen shape."""
    register = settings.ZWERM_PROCESSING_REGISTER_URL.rstrip("#/")
    resource = {"service.name": "zwerm", "service.version": VERSION, "zwerm.municipality": municipality.cbs_code}
    merged = heapq.merge(
        _accesses(municipality, since, until),
        _system(municipality, since, until),
        _actions(municipality, since, until),
        key=lambda p: p.at,
    )
    for item in merged:
        trace_id, operation_id = _ids(item.key)
        yield {
            "trace_id": trace_id,
            "operation_id": operation_id,
            "status_code": "STATUS_CODE_OK",
            "name": item.name,
            "start_time": _millis(item.at),
            "end_time": _millis(item.at),
            "resource": {"attributes": resource},
            "attributes": {"dpl.core.processing_activity_id": f"{register}#{item.activity}", **item.attributes},
        }


def processing_log_lines(**kwargs) -> Iterator[str]:
    for record in processing_log(**kwargs):
        yield json.dumps(record, ensure_ascii=False, sort_keys=True, default=str) + "\n"
