"""Published results of participatory budgets: per project its cost, votes, whether it was chosen and why."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.budgets.selectors import budget_list, budget_process, budget_result, count_result_latest
from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.processes.selectors import process_is_visible

from .base import (
    BOOLEAN,
    DATE,
    INTEGER,
    TEXT,
    THEME_GOVERNMENT,
    URL,
    Column,
    Context,
    Dataset,
    iso_date,
    newest,
    public_count,
    staff_text,
)

COLUMNS = (
    Column("buurtbudget_id", INTEGER, _("Vast nummer van het buurtbudget.")),
    Column("buurtbudget", TEXT, _("Titel van het buurtbudget.")),
    Column("url", URL, _("De uitslagpagina op dit platform.")),
    Column("budget_eurocent", INTEGER, _("Het te verdelen bedrag, in eurocent (1000000 is € 10.000).")),
    Column("wijkcode", TEXT, _("CBS-code van de wijk van het buurtbudget; leeg: de hele gemeente.")),
    Column("wijknaam", TEXT, _("Naam van die wijk.")),
    Column("telmethode", TEXT, _("greedy (meeste stemmen eerst) of mes (methode van gelijke delen).")),
    Column("telmethode_omschrijving", TEXT, _("De telmethode in het Nederlands.")),
    Column("aantal_stemmers", INTEGER, _("Aantal stemmers; leeg bij minder dan 5.")),
    Column("geteld_op", DATE, _("Datum van de telling.")),
    Column("gepubliceerd_op", DATE, _("Datum waarop de uitslag is gepubliceerd.")),
    Column("project_id", INTEGER, _("Vast nummer van het project.")),
    Column("project", TEXT, _("Titel van het project; persoonsgegevens onleesbaar gemaakt.")),
    Column("project_beschrijving", TEXT, _("Beschrijving van het project; persoonsgegevens onleesbaar gemaakt.")),
    Column("project_wijkcode", TEXT, _("CBS-code van de wijk van het project; kan leeg zijn.")),
    Column("kosten_eurocent", INTEGER, _("De kosten van het project, in eurocent.")),
    Column(
        "aantal_stemmen",
        INTEGER,
        _("Stemmen op het project, zoals op de uitslagpagina; leeg bij minder dan 5 of bij minder dan 5 stemmers."),
    ),
    Column("gekozen", BOOLEAN, _("true als het project met de telmethode is gekozen.")),
    Column("gekozen_met_andere_telmethode", BOOLEAN, _("true als het project met de andere telmethode was gekozen.")),
    Column("toelichting", TEXT, _("Waarom het project wel of niet is gekozen.")),
)


def _cents(value) -> int | None:
    if value is None:
        return None
    return int((Decimal(str(value)) * 100).to_integral_value())


def _published(municipality: Municipality):
    """(budget, count) for every budget with a published result in a public process."""
    for budget in budget_list(municipality=municipality).order_by("created_at", "pk"):
        count = count_result_latest(budget=budget, published=True)
        if count is None:
            continue
        process = budget_process(budget=budget)
        if process is not None and not process_is_visible(process=process, user=None):
            continue
        yield budget, count


def rows(context: Context):
    for budget, count in _published(context.municipality):
        result = budget_result(budget=budget, count=count)
        district = budget.district
        base = {
            "buurtbudget_id": budget.pk,
            "buurtbudget": staff_text(budget.title),
            "url": context.url(reverse("budgets:result", args=[budget.pk])),
            "budget_eurocent": _cents(budget.total_amount),
            "wijkcode": district.code if district else None,
            "wijknaam": district.name if district else None,
            "telmethode": count.rule,
            "telmethode_omschrijving": result.rule_name,
            "aantal_stemmers": public_count(count.voters),
            "geteld_op": iso_date(count.counted_at),
            "gepubliceerd_op": iso_date(count.published_at),
        }
        for row in result.projects:
            project = row.project
            shown = result.show_figures and disclosure.is_public(row.votes)
            yield {
                **base,
                "project_id": project.pk,
                "project": project.shown_title,
                "project_beschrijving": project.shown_description,
                "project_wijkcode": project.district.code if project.district else None,
                "kosten_eurocent": _cents(project.cost),
                "aantal_stemmen": row.votes if shown else None,
                "gekozen": row.funded,
                "gekozen_met_andere_telmethode": row.funded_under_other_rule,
                "toelichting": row.explanation,
            }


def modified(municipality: Municipality):
    return newest(*(count.published_at for _budget, count in _published(municipality)))


DATASET = Dataset(
    key="buurtbudget-uitslagen",
    title=_("Uitslagen van buurtbudgetten"),
    description=_(
        "De gepubliceerde uitslagen van buurtbudgetten en burgerbegrotingen: per project de kosten, het aantal "
        "stemmen, of het is gekozen (ook met de andere telmethode) en waarom. Nooit wie op wat stemde."
    ),
    columns=COLUMNS,
    rows=rows,
    modified=modified,
    themes=(THEME_GOVERNMENT,),
    keywords=("buurtbudget", "burgerbegroting", "participatie"),
)
