"""The register of challenges under the uitdaagrecht: each challenge with its state, deadlines and outcome."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.participation.selectors import challenge_deadlines, challenge_list

from .base import DATE, INTEGER, TEXT, THEME_GOVERNMENT, URL, Column, Context, Dataset, iso_date, newest, staff_text

COLUMNS = (
    Column("id", INTEGER, _("Vast nummer van de uitdaging.")),
    Column("url", URL, _("De pagina van de uitdaging in het register.")),
    Column("taak", TEXT, _("De taak die de uitdagers willen overnemen.")),
    Column("uitdager", TEXT, _("Naam van de bewonersgroep of organisatie.")),
    Column("soort_uitdager", TEXT, _("group (bewonersgroep) of organisation (organisatie).")),
    Column("wijkcode", TEXT, _("CBS-code van de wijk; leeg: de hele gemeente.")),
    Column("plan", TEXT, _("Het plan; persoonsgegevens onleesbaar gemaakt.")),
    Column("kosten_uitdagers_eurocent", INTEGER, _("Kosten voor de uitdagers per jaar, in eurocent.")),
    Column(
        "kosten_gemeente_eurocent",
        INTEGER,
        _("Kosten voor de gemeente nu per jaar, in eurocent (schatting uitdagers)."),
    ),
    Column("stand", TEXT, _("submitted, received, incomplete, assessment, granted of refused.")),
    Column("stand_omschrijving", TEXT, _("De stand in het Nederlands.")),
    Column("ingediend_op", DATE, _("Datum van indiening.")),
    Column("ontvangst_termijn", TEXT, _("met, late, missed of open: de ontvangstbevestiging tegen de verordening.")),
    Column("volledigheid_termijn", TEXT, _("met, late, missed of open: de toets op volledigheid.")),
    Column("besluit_termijn", TEXT, _("met, late, missed of open: het besluit.")),
    Column("besluit", TEXT, _("Het besluit uit het besluitenlog; leeg zolang er geen is.")),
    Column("evaluatie_op", DATE, _("Wanneer een toegekende uitdaging wordt geëvalueerd.")),
    Column("verordening_versie", INTEGER, _("De versie van de participatieverordening waaronder is ingediend.")),
)


def rows(context: Context):
    for challenge in challenge_list(municipality=context.municipality).order_by("pk"):
        deadlines = {d.key: d.state for d in challenge_deadlines(challenge)}
        yield {
            "id": challenge.pk,
            "url": context.url(challenge.get_absolute_url()),
            "taak": staff_text(challenge.task),
            "uitdager": staff_text(challenge.challenger_name),
            "soort_uitdager": challenge.challenger_kind,
            "wijkcode": challenge.district.code if challenge.district else "",
            "plan": staff_text(challenge.plan),
            "kosten_uitdagers_eurocent": int(challenge.cost * 100),
            "kosten_gemeente_eurocent": int(challenge.municipality_cost * 100),
            "stand": challenge.state,
            "stand_omschrijving": str(challenge.get_state_display()),
            "ingediend_op": iso_date(challenge.submitted_at),
            "ontvangst_termijn": deadlines["receipt"],
            "volledigheid_termijn": deadlines["complete"],
            "besluit_termijn": deadlines["decision"],
            "besluit": staff_text(challenge.decision.title) if challenge.decision else "",
            "evaluatie_op": iso_date(challenge.evaluate_on),
            "verordening_versie": challenge.bylaw.version,
        }


def modified(municipality: Municipality):
    latest = None
    for challenge in challenge_list(municipality=municipality):
        events = list(challenge.events.all())
        latest = newest(latest, *(e.created_at for e in events))
    return latest


DATASET = Dataset(
    key="uitdagingen",
    title=_("Register van uitdagingen (uitdaagrecht)"),
    description=_(
        "Elke uitdaging onder het uitdaagrecht: welke taak, door wie, het plan, de kosten, de stand, of de "
        "termijnen uit de participatieverordening zijn gehaald en het besluit. Contactpersonen staan er niet in."
    ),
    columns=COLUMNS,
    rows=rows,
    modified=modified,
    themes=(THEME_GOVERNMENT,),
    keywords=("uitdaagrecht", "participatieverordening", "right to challenge"),
)
