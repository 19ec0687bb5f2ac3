"""The periodic refresh: rebuild themes over every stored text, keep continuing themes' ids, forecast
each theme's coming weeks (stored on the theme), recompute trends, test the newest week for alerts,
and retrain the router where labelled history exists.

Runs as background work (`sensing_refresh` task, `zwerm sensing_refresh` for schedulers); pages
only read what the last refresh stored and never wait for it.
"""

from __future__ import annotations

import logging
import pickle  # noqa: S403  (our own models; see ingest.py)
import time

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.core.tasks import enqueue_on_commit
from zwerm.places.selectors import district_list
from zwerm.sensing.engine.forecast import theme_forecasts
from zwerm.sensing.engine.importer import TextRow
from zwerm.sensing.engine.pipeline import PipelineConfig, analyse, sizes_by_theme
from zwerm.sensing.engine.routing import train_router
from zwerm.sensing.engine.trends import ALL_AREAS, TrendConfig

from ..models import Alert, Refresh, RouterModel, Text, Theme, TrendPoint
from .ingest import current_models
from .public import public_picture_store

logger = logging.getLogger(__name__)
MIN_TEXTS = 12  # fewer texts than this make no themes worth showing
MIN_LABELLED = 20  # labelled texts needed before a router is trained
KEEP_REFRESHES = 5


def _rows(municipality: Municipality) -> tuple[list[int], list[TextRow], dict[int, str]]:
    values = Text.objects.filter(municipality=municipality).order_by("pk")
    pks, rows, labels = [], [], {}
    for i, (pk, text, moment, district_code, label) in enumerate(
        values.values_list("pk", "text", "occurred_at", "district__code", "label"), start=1
    ):
        local = timezone.localtime(moment).replace(tzinfo=None) if moment else None
        pks.append(pk)
        rows.append(TextRow(i, str(pk), text, local, district_code, None))
        if label:
            labels[pk] = label
    return pks, rows, labels


def _train_router(municipality: Municipality, rows: list[TextRow], labels: dict[int, str]) -> None:
    labelled = [(r.text, labels[int(r.id)]) for r in rows if int(r.id) in labels]
    if len(labelled) < MIN_LABELLED or len({label for _, label in labelled}) < 2:
        return
    router = train_router([t for t, _ in labelled], [label for _, label in labelled])
    RouterModel.objects.create(
        municipality=municipality,
        categories=router.categories,
        trained_on=len(labelled),
        threshold=router.config.threshold,
        model=pickle.dumps(router),
    )
    stale = RouterModel.objects.filter(municipality=municipality).values_list("pk", flat=True)[KEEP_REFRESHES:]
    RouterModel.objects.filter(pk__in=list(stale)).delete()


def _store(municipality: Municipality, run: Refresh, pks: list[int], analysis) -> None:
    sizes = sizes_by_theme(analysis)
    try:
        forecasts = theme_forecasts(analysis.trends, today=timezone.localdate())
    except Exception:  # themes, trends and alerts still count without expectations; the pages say so
        logger.exception("sensing forecasts failed for municipality %s", municipality.pk)
        forecasts = {}
    mood = {s.key[0]: s for s in analysis.mood_by_theme}
    themes: dict[str, Theme] = {}
    renamed = dict(
        Theme.objects.filter(municipality=municipality, renamed=True).values_list("key", "label")
    )  # staff's names stay
    for t in analysis.model.themes:
        summary = mood.get(t.id)
        theme, _created = Theme.objects.update_or_create(
            municipality=municipality,
            key=t.id,
            defaults={
                "label": renamed.get(t.id, t.label[:200]),
                "terms": list(t.terms),
                "size": sizes.get(t.id, t.size),
                "examples": [int(analysis.ids[i]) for i in t.examples],
                "mood": summary.mean if summary else None,
                "mood_n": summary.n if summary else 0,
                "forecast": forecasts.get(t.id, {}),
                "active": True,
            },
        )
        themes[t.id] = theme
    Theme.objects.filter(municipality=municipality).exclude(key__in=list(themes)).update(active=False, size=0)
    texts = list(Text.objects.filter(pk__in=pks).only("pk", "theme_id", "duplicate_of_id"))
    by_pk = {t.pk: t for t in texts}
    for i, pk in enumerate(pks):
        row = by_pk.get(pk)
        if row is None:
            continue  # removed while the refresh ran
        key = analysis.theme_of[i]
        row.theme_id = themes[key].pk if key else None
        representative = pks[analysis.duplicate_of[i]]
        row.duplicate_of_id = representative if representative != pk else None
    Text.objects.bulk_update(texts, ["theme", "duplicate_of"], batch_size=500)
    districts = {d.code: d for d in district_list(municipality=municipality)}

    def district_of(area: str):
        return None if area == ALL_AREAS else districts.get(area)

    TrendPoint.objects.filter(municipality=municipality).delete()
    TrendPoint.objects.bulk_create(
        [
            TrendPoint(
                municipality=municipality,
                theme=themes[p.theme],
                district=district_of(p.area),
                period=p.period,
                count=p.count,
                expected=p.expected,
                score=p.score,
                q_value=p.q_value,
                kind=p.kind,
            )
            for p in analysis.trends
            if p.area == ALL_AREAS or p.area in districts
        ],
        batch_size=500,
    )
    # Only the newest week is tested; alerts of earlier weeks stay as they were raised. An alert of the
    # newest week is brought up to date while that week runs (its count grows), never withdrawn.
    alerts = [a for a in analysis.alerts if a.area == ALL_AREAS or a.area in districts]
    for a in alerts:
        Alert.objects.update_or_create(
            municipality=municipality,
            theme=themes[a.theme],
            district=district_of(a.area),
            period=a.period,
            defaults={
                "refresh": run,
                "kind": a.kind,
                "count": a.count,
                "expected": round(a.expected, 2),
                "p_value": a.p_value,
                "q_value": a.q_value,
                "ratio": a.ratio if a.ratio != float("inf") else None,
                "explanation": a.explanation[:300],
            },
        )
    run.themes, run.alerts = len(themes), len(alerts)


def _pipeline_config() -> PipelineConfig:
    """The engine's defaults, with the disclosure threshold (core.disclosure) marking what may be public."""
    least = disclosure.threshold()
    return PipelineConfig(trends=TrendConfig(min_count=least, min_public=least))


def refresh_run(*, municipality: Municipality) -> Refresh:
    """Rebuild themes, trends and alerts for `municipality`; the previous model keeps theme ids stable."""
    run = Refresh.objects.create(municipality=municipality)
    started = time.perf_counter()
    pks, rows, labels = _rows(municipality)
    run.texts = len(rows)
    try:
        if len(rows) < MIN_TEXTS:
            run.status = Refresh.Status.DONE
            run.message = f"{len(rows)} texts: too few for themes (at least {MIN_TEXTS})"
        else:
            previous, _router = current_models(municipality=municipality)
            analysis = analyse(rows, previous=previous, config=_pipeline_config())
            with transaction.atomic():
                _store(municipality, run, pks, analysis)
                _train_router(municipality, rows, labels)
                run.model = pickle.dumps(analysis.model)
                run.status = Refresh.Status.DONE
    except Exception as error:  # a failed refresh must leave the last good one in place
        logger.exception("sensing refresh failed for municipality %s", municipality.pk)
        run.status = Refresh.Status.FAILED
        run.message = f"{type(error).__name__}: {error}"[:2000]
    run.seconds = round(time.perf_counter() - started, 3)
    run.finished_at = timezone.now()
    run.save()
    runs = Refresh.objects.filter(municipality=municipality)
    keep = set(runs.values_list("pk", flat=True)[:KEEP_REFRESHES])
    keep |= set(runs.filter(status=Refresh.Status.DONE, model__isnull=False).values_list("pk", flat=True)[:1])
    keep |= set(Alert.objects.filter(municipality=municipality).values_list("refresh_id", flat=True))
    runs.exclude(pk__in=keep).delete()
    public_picture_store(municipality=municipality)  # the public picture of this refresh, before anyone asks
    return run


@task()
def sensing_refresh(municipality_id: int) -> int:
    """Background: one refresh for one municipality (scheduled, or asked for from the dashboard)."""
    return refresh_run(municipality=Municipality.objects.get(pk=municipality_id)).pk


def refresh_later(*, municipality: Municipality) -> None:
    """Queue a refresh after commit; the page that asked returns at once."""
    enqueue_on_commit(sensing_refresh, municipality_id=municipality.pk)
