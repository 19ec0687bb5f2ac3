"""The public page: aggregated figures only; no text, and no count below 5."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zwerm.core import disclosure
from zwerm.core.charts import bar_chart

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
    context = {**overview, "min_public": disclosure.threshold(), "themes_chart": themes, "districts_chart": districts}
    return render(request, "sensing/public.html", context)
