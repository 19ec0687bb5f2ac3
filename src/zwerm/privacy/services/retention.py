"""The retention run: personal data removed N months after a process closed (the process's setting).

Run daily by `zwerm privacy_retention` (from cron or a systemd timer), which queues
`privacy.tasks.retention_run`. Idempotent: a second run finds nothing left to do and records zeros."""

from collections import Counter, defaultdict

from django.db import transaction
from django.utils import timezone

from zwerm.core.models import Municipality
from zwerm.core.personal_data import Retention, registry
from zwerm.processes.selectors import placement_list, process_list_retention_due

from ..models import RetentionRun


def retention_run(*, trigger: str, now=None) -> list[RetentionRun]:
    """Apply retention to every due process; one append-only record per municipality, also when nothing
    was due (the record shows the run happened)."""
    now = now or timezone.now()
    placeholder = registry.placeholder()
    per_municipality: dict[int, list[dict]] = defaultdict(list)
    totals: dict[int, Counter] = defaultdict(Counter)
    runs = []
    with transaction.atomic():
        for process in process_list_retention_due(now=now):
            retention = Retention(
                process_id=process.pk,
                municipality_id=process.municipality_id,
                components=tuple((p.kind, p.object_id) for p in placement_list(process=process)),
                placeholder=placeholder,
                closed_before=now,
            )
            counts = {provider.key: provider.retention(retention) for provider in registry.providers()}
            for app_counts in counts.values():
                totals[process.municipality_id].update(app_counts)
            per_municipality[process.municipality_id].append(
                {
                    "process": process.pk,
                    "title": process.title,
                    "closed_at": process.closed_at.isoformat(),
                    "months": process.retention_months,
                    "counts": counts,
                }
            )
        for municipality in Municipality.objects.order_by("pk"):
            runs.append(
                RetentionRun.objects.create(
                    municipality=municipality,
                    trigger=trigger,
                    processes=per_municipality.get(municipality.pk, []),
                    totals=dict(totals.get(municipality.pk, {})),
                )
            )
    return runs
