"""The public decision logs of the processes, and how each decision was weighed against the values."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.processes.selectors import decision_list_public

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
    staff_text,
)

DECISION_COLUMNS = (
    Column("id", INTEGER, _("Vast nummer van het besluit.")),
    Column("url", URL, _("Het besluit in het besluitenlog op de pagina van het traject.")),
    Column("traject_id", INTEGER, _("Nummer van het traject (kolom id in trajecten).")),
    Column("traject_titel", TEXT, _("Titel van het traject.")),
    Column("datum", DATE, _("Datum van het besluit.")),
    Column("besloten_door", TEXT, _("process_lead, executive of council.")),
    Column("besloten_door_omschrijving", TEXT, _("Wie besloot: procesambtenaar, college of raad.")),
    Column("besluit", TEXT, _("Het besluit in één zin.")),
    Column("redenen", TEXT, _("De redenen; persoonsgegevens onleesbaar gemaakt.")),
    Column("overwogen_alternatieven", TEXT, _("De alternatieven die zijn overwogen; kan leeg zijn.")),
    Column("buiten_de_kaders", BOOLEAN, _("true als het besluit buiten de kaders van de raad valt.")),
    Column("aantal_adviezen", INTEGER, _("Aantal adviezen van vakambtenaren waarop het besluit rust.")),
    Column("corrigeert_besluit_id", INTEGER, _("Het besluit dat dit besluit corrigeert; meestal leeg.")),
    Column("is_gecorrigeerd", BOOLEAN, _("true als een later besluit dit besluit corrigeert.")),
    Column("vastgelegd_op", DATE, _("Datum waarop het besluit in het log is gezet.")),
)

ASSESSMENT_COLUMNS = (
    Column("besluit_id", INTEGER, _("Nummer van het besluit (kolom id in besluiten).")),
    Column("traject_id", INTEGER, _("Nummer van het traject.")),
    Column("waarde", TEXT, _("De waarde van de gemeente waartegen is gewogen.")),
    Column("meegewogen", BOOLEAN, _("true als de waarde is meegewogen.")),
    Column("toelichting", TEXT, _("Hoe de waarde is meegewogen, of waarom niet.")),
)


def decision_rows(context: Context):
    for decision in decision_list_public(municipality=context.municipality):
        process = decision.process
        yield {
            "id": decision.pk,
            "url": context.url(f"{process.get_absolute_url()}#besluit-{decision.pk}"),
            "traject_id": process.pk,
            "traject_titel": staff_text(process.title),
            "datum": iso_date(decision.decided_on),
            "besloten_door": decision.decided_by,
            "besloten_door_omschrijving": str(decision.get_decided_by_display()),
            "besluit": staff_text(decision.title),
            "redenen": staff_text(decision.reasons),
            "overwogen_alternatieven": staff_text(decision.alternatives),
            "buiten_de_kaders": decision.outside_scope,
            "aantal_adviezen": len(decision.advice.all()),
            "corrigeert_besluit_id": decision.corrects_id,
            "is_gecorrigeerd": bool(decision.corrections.all()),
            "vastgelegd_op": iso_date(decision.created_at),
        }


def assessment_rows(context: Context):
    for decision in decision_list_public(municipality=context.municipality):
        for assessment in decision.assessments.all():
            yield {
                "besluit_id": decision.pk,
                "traject_id": decision.process_id,
                "waarde": assessment.value.name,
                "meegewogen": assessment.weighed,
                "toelichting": staff_text(assessment.explanation),
            }


def modified(municipality: Municipality):
    # Decisions and their assessments are append-only: the newest entry is the newest change.
    latest = (
        decision_list_public(municipality=municipality).order_by("-created_at").values_list("created_at", flat=True)
    )
    return newest(latest.first())


DECISIONS = Dataset(
    key="besluiten",
    title=_("Besluitenlog van participatietrajecten"),
    description=_(
        "Elk besluit in de openbare trajecten: wie besloot, wanneer, de redenen, de overwogen alternatieven, "
        "of het buiten de kaders van de raad valt en welke besluiten later zijn gecorrigeerd."
    ),
    columns=DECISION_COLUMNS,
    rows=decision_rows,
    modified=modified,
    themes=(THEME_GOVERNMENT,),
    keywords=("besluiten", "besluitenlog", "participatietraject"),
)

ASSESSMENTS = Dataset(
    key="waardenafwegingen",
    title=_("Afweging van besluiten tegen de waarden van de gemeente"),
    description=_(
        "Per besluit en per waarde van de gemeente: of die waarde is meegewogen en hoe. Hoort bij het besluitenlog."
    ),
    columns=ASSESSMENT_COLUMNS,
    rows=assessment_rows,
    modified=modified,
    themes=(THEME_GOVERNMENT,),
    keywords=("besluiten", "waarden"),
)
