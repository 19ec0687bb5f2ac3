"""The public page: aggregated figures only; no text, and no count below 5."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zwerm.core import disclosure
from zwerm.core.charts import bar_chart
from zwerm.places.maps import area_map

from .. import selectors


def _figure(figure) -> tuple[int | None, str]:
    """A bar only for a published figure; the table says 'minder dan 5' (or 'niet getoond') otherwise."""
    return (figure.value, str(figure.value)) if figure.shown else (None, str(figure))


@require_GET
def overview(request):
    overview = selectors.public_overview_cached(municipality=request.municipality)
    themes = bar_chart(
        [(row["theme"].label, *_figure(row["people"])) for row in overview["themes"]],
        title=_(
            "Staafdiagram: per thema het aantal inwoners dat erover schreef. De tabel ernaast geeft dezelfde cijfers."
        ),
        caption=_("Thema's met het aantal inwoners dat erover schreef"),
        label_header=_("Thema"),
        value_header=_("Inwoners"),
        ident="themes-chart",
    )
    districts = bar_chart(
        [(row["district"].name, *_figure(row["people"])) for row in overview["districts"]],
        title=_(
            "Staafdiagram: per wijk het aantal inwoners dat iets schreef. De tabel ernaast geeft dezelfde cijfers."
        ),
        caption=_("Inwoners die schreven, per wijk"),
        label_header=_("Wijk"),
        value_header=_("Inwoners"),
        ident="districts-chart",
    )
    chosen = _chosen_theme(request, overview["themes"])
    if chosen is None:
        map_rows = [(row["district"], *_figure(row["people"])) for row in overview["districts"]]
        map_title = _("Kaart: per wijk het aantal inwoners dat iets schreef. De tabel ernaast geeft dezelfde cijfers.")
        map_caption = _("Inwoners die schreven, per wijk")
    else:
        cells = overview["theme_districts"].get(chosen.pk, {})
        map_rows = [(row["district"], *_figure(cells[row["district"].pk])) for row in overview["districts"]]
        map_title = _(
            "Kaart: per wijk het aantal inwoners dat over %(theme)s schreef. De tabel ernaast geeft dezelfde cijfers."
        ) % {"theme": chosen.label}
        map_caption = _("Inwoners die over %(theme)s schreven, per wijk") % {"theme": chosen.label}
    districts_map = area_map(
        map_rows,
        title=map_title,
        caption=map_caption,
        label_header=_("Wijk"),
        value_header=_("Inwoners"),
        ident="districts-map",
    )
    context = {
        **overview,
        "min_public": disclosure.threshold(),
        "themes_chart": themes,
        "districts_chart": districts,
        "districts_map": districts_map,
        "chosen_theme": chosen,
    }
    return render(request, "sensing/public.html", context)


def _chosen_theme(request, themes: list[dict]):
    """The published theme picked for the map (?thema=<id>), or None for all themes together."""
    wanted = request.GET.get("thema", "")
    return next((row["theme"] for row in themes if str(row["theme"].pk) == wanted), None)
