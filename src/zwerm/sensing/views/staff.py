"""Staff pages: the dashboard, themes and their texts, the CSV export, imports and API tokens."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.core.csvfile import CsvWriter
from zwerm.core.uploads import upload_limit
from zwerm.places.maps import area_map
from zwerm.places.selectors import district_get, district_list
from zwerm.web.actions import add_service_errors
from zwerm.web.pagination import paginate, query_without_page

from .. import selectors, services
from ..forms import ReportImportForm, TextFilterForm, TokenForm
from ..models import Channel
from .charts import shade, sparkline

DASHBOARD_ROLES = tuple(STAFF_ROLES)
# Reading the (redacted) texts themselves is for those who act on them; council members and
# specialists see aggregates.
TEXT_ROLES = (Role.PROCESS_LEAD, Role.MODERATOR, Role.ADMIN)
IMPORT_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)
TOKEN_ROLES = (Role.ADMIN,)
GRID_THEMES = 8


def _theme_or_404(request, pk):
    theme = selectors.theme_get(municipality=request.municipality, pk=pk)
    if theme is None:
        raise Http404
    return theme


@role_required(*DASHBOARD_ROLES)
@require_GET
def dashboard(request):
    municipality = request.municipality
    weeks = selectors.week_axis(municipality=municipality)
    counted = selectors.staff_people(municipality=municipality, weeks=weeks)
    overview = selectors.theme_overview(municipality=municipality, weeks=weeks, counted=counted)
    for row in overview:
        row["spark"] = sparkline(row["people_series"])
    themes = [row["theme"] for row in overview[:GRID_THEMES]]
    grid = []
    for district in district_list(municipality=municipality):
        people = [counted.people(t.pk, district.pk) for t in themes]
        grid.append(
            {
                "district": district,
                "cells": people,
                "total": counted.people(None, district.pk),
                "texts": counted.texts(None, district.pk),
            }
        )
    map_theme = next((t for t in themes if str(t.pk) == request.GET.get("kaart", "")), None)
    if map_theme is None:
        map_rows = [(row["district"], row["total"], str(row["total"])) for row in grid]
        map_caption = _("Mensen die schreven, per wijk (alle thema's)")
    else:
        column = themes.index(map_theme)
        map_rows = [(row["district"], row["cells"][column], str(row["cells"][column])) for row in grid]
        map_caption = _("Mensen die over %(theme)s schreven, per wijk") % {"theme": map_theme.label}
    # Staff see small numbers (never published), so every wijk is shaded by its exact count.
    districts_map = area_map(
        map_rows,
        title=_("Kaart: %(caption)s. De tabel ernaast geeft dezelfde cijfers.") % {"caption": map_caption},
        caption=map_caption,
        label_header=_("Wijk"),
        value_header=_("Mensen"),
        ident="staff-districts-map",
        people=False,
    )
    top = max((c for row in grid for c in row["cells"]), default=0)
    for row in grid:
        row["cells"] = [{"count": c, "fill": shade(c, top)} for c in row["cells"]]
    context = {
        "weeks": weeks,
        "overview": overview,
        "grid_themes": themes,
        "grid": grid,
        "districts_map": districts_map,
        "map_theme": map_theme,
        "alerts": selectors.alert_people(
            municipality=municipality, alerts=selectors.alert_list(municipality=municipality)[:20]
        ),
        "coming_up": selectors.coming_up(municipality=municipality),
        "refresh": selectors.refresh_latest(municipality=municipality),
        "channels": [(Channel(c).label, n) for c, n in selectors.channel_counts(municipality=municipality)],
        "can_read_texts": staff_verified(request, *TEXT_ROLES),
        "can_import": staff_verified(request, *IMPORT_ROLES),
        "can_manage_tokens": staff_verified(request, *TOKEN_ROLES),
    }
    return render(request, "sensing/dashboard.html", context)


@role_required(*DASHBOARD_ROLES)
@require_GET
def theme_detail(request, pk):
    municipality = request.municipality
    theme = _theme_or_404(request, pk)
    weeks = selectors.week_axis(municipality=municipality)
    counted = selectors.staff_people(municipality=municipality, weeks=weeks, theme=theme)
    rows = []
    for district in [None, *district_list(municipality=municipality)]:
        district_id = district.pk if district is not None else None
        series = counted.series(theme.pk, district_id) or [0] * len(weeks)
        rows.append(
            {
                "district": district,
                "series": series,
                "spark": sparkline(series),
                "total": counted.people(theme.pk, district_id),
                "texts": counted.texts(theme.pk, district_id),
            }
        )
    wijken = sorted((row for row in rows if row["district"] is not None and row["total"]), key=lambda r: -r["total"])
    texts = selectors.theme_series(municipality=municipality, weeks=weeks).get(theme.pk, [0] * len(weeks))
    coming = (theme.forecast or {}).get("weeks") or []
    expected_spark = sparkline(texts, band=[(r["low"], r["high"]) for r in coming])
    can_read = staff_verified(request, *TEXT_ROLES)
    examples = []
    if can_read:
        examples = list(selectors.text_list(municipality=municipality).filter(pk__in=theme.examples))
    context = {
        "theme": theme,
        "weeks": weeks,
        "rows": rows,
        "texts_series": texts,
        "people_total": rows[0]["total"],
        "texts_total": rows[0]["texts"],
        "main_wijken": [row["district"].name for row in wijken[:3]],
        "expected_spark": expected_spark,
        "coming": coming,
        "area_forecasts": selectors.theme_area_forecasts(municipality=municipality, theme=theme),
        "alerts": selectors.alert_people(
            municipality=municipality, alerts=selectors.alert_list(municipality=municipality).filter(theme=theme)
        ),
        "can_read_texts": can_read,
        "can_rename": staff_verified(request, *IMPORT_ROLES),
        "examples": examples,
    }
    return render(request, "sensing/theme.html", context)


@role_required(*TEXT_ROLES)
@require_GET
def text_list(request):
    municipality = request.municipality
    theme = district = None
    if request.GET.get("thema"):
        theme = _theme_or_404(request, request.GET["thema"]) if request.GET["thema"].isdecimal() else None
    if request.GET.get("wijk", "").isdecimal():
        district = district_get(municipality=municipality, pk=request.GET["wijk"])
    form = TextFilterForm(request.GET or None)
    channel = form.cleaned_data["channel"] if form.is_valid() else ""
    items = selectors.text_list(municipality=municipality, theme=theme, district=district, channel=channel)
    context = {
        "page": paginate(request, items, per_page=25),
        "theme": theme,
        "district": district,
        "form": form,
        "query": query_without_page(request),
    }
    return render(request, "sensing/texts.html", context)


@role_required(*DASHBOARD_ROLES)
@require_GET
def export_csv(request):
    """Every trend point (theme x wijk x week) as CSV; staff only, so small counts are included."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signalen-trends.csv"'
    writer = CsvWriter(response, delimiter=";")
    writer.writerow(["thema", "label", "wijkcode", "wijk", "week", "aantal", "verwacht", "score", "soort"])
    for p in selectors.trend_rows(municipality=request.municipality).iterator():
        writer.writerow(
            [
                p.theme.key,
                p.theme.label,
                p.district.code if p.district else "*",
                p.district.name if p.district else _("alle wijken"),
                p.period,
                p.count,
                round(p.expected, 2),
                round(p.score, 2),
                p.kind,
            ]
        )
    return response


@role_required(*IMPORT_ROLES)
@require_POST
def theme_rename(request, pk):
    theme = _theme_or_404(request, pk)
    try:
        services.theme_rename(theme=theme, label=request.POST.get("label", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De naam van het thema is opgeslagen; hij blijft bij volgende verversingen."))
    return redirect("sensing:theme", pk=theme.pk)


@role_required(*IMPORT_ROLES)
@require_POST
def refresh_now(request):
    services.refresh_later(municipality=request.municipality)
    messages.success(
        request, _("De verversing staat in de wachtrij; het overzicht toont de uitkomst zodra die klaar is.")
    )
    return redirect("sensing:dashboard")


@role_required(*IMPORT_ROLES)
@require_http_methods(["GET", "POST"])
@upload_limit(lambda: services.MAX_IMPORT_BYTES)
def report_import(request):
    """The upload is refused before it is read when it says it is too large, streamed to a temporary file and
    stopped past the limit when it does not say (core.uploads.upload_limit); its import runs in the background
    (import_detail shows it)."""
    form = ReportImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        record = services.report_import_start(
            municipality=request.municipality,
            actor=request.user,
            chunks=upload.chunks(services.CHUNK_BYTES),
            size=upload.size,
            filename=upload.name,
            mapping=services.ColumnMapping(
                text=data["text"],
                time=data["time"],
                place=data["place"],
                category=data["category"],
                id=data["id"],
                source=data["source"],
            ),
        )
        if record.error:
            messages.error(request, record.error)
        return redirect("sensing:import_detail", pk=record.pk)
    context = {
        "form": form,
        "imports": selectors.import_list(municipality=request.municipality)[:20],
        "max_mb": services.MAX_IMPORT_BYTES // 2**20,
    }
    return render(request, "sensing/import.html", context)


@role_required(*IMPORT_ROLES)
@require_GET
def import_detail(request, pk):
    record = selectors.import_get(municipality=request.municipality, pk=pk)
    if record is None:
        raise Http404
    return render(request, "sensing/import_detail.html", {"record": record})


@role_required(*TOKEN_ROLES)
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.api_token_create(
                municipality=request.municipality, actor=request.user, label=form.cleaned_data["label"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
    context = {"form": form, "tokens": selectors.token_list(municipality=request.municipality), "new_token": new_token}
    response = render(request, "sensing/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@role_required(*TOKEN_ROLES)
@require_POST
def token_revoke(request, pk):
    if not services.api_token_revoke(municipality=request.municipality, pk=pk):
        raise Http404  # another municipality's token, or none at all
    messages.success(request, _("De koppeling is ingetrokken."))
    return redirect("sensing:tokens")
