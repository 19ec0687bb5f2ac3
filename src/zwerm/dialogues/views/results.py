"""The results page: what the analysis prepared for the latest snapshot (`dialogues.results`), in words."""

from django.utils.translation import gettext as _

from zwerm.core import disclosure
from zwerm.places.maps import area_map
from zwerm.places.selectors import district_list

from .. import selectors
from ..results import results_derived_cached


def results_context(dialogue) -> dict:
    snapshot = selectors.snapshot_latest_head(dialogue=dialogue)
    context = {
        "dialogue": dialogue,
        "snapshot": snapshot,
        "ready": False,
        "participation": selectors.dialogue_participation_cached(dialogue=dialogue, latest=snapshot),
        "min_public": disclosure.threshold(),
    }
    if (
        snapshot is None
        or snapshot.status != "ok"
        or not disclosure.is_public(context["participation"]["participant_count"])
    ):
        return context
    derived = results_derived_cached(dialogue=dialogue, snapshot=snapshot)
    groups = [{**g, "size": disclosure.people(g["size"])} for g in derived["groups"]]

    def wijk(row: dict) -> dict:
        # stored as a number, or None where held back: worded here, in the page's language
        n = row["participants"]
        return {**row, "participants": disclosure.Figure(n, str(n)) if n is not None else disclosure.insufficient()}

    districts = [wijk(row) for row in derived.get("districts", [])]
    wanted = districts and (dialogue.ask_district or derived.get("by_district"))
    context["district_map"] = _district_map(dialogue, districts) if wanted else None
    context.update(ready=True, **{**derived, "groups": groups, "districts": districts})
    return context


def _district_map(dialogue, districts: list[dict]):
    """Participants per wijk as a map with the table beside it (the figures already held back where needed)."""
    by_code = {d.code: d for d in district_list(municipality=dialogue.municipality)}
    rows = [
        (
            by_code[row["code"]],
            row["participants"].value,
            str(row["participants"]),
            (f"{row['common_ground']}%" if row["common_ground"] is not None else _("niet getoond"),),
        )
        for row in districts
        if row["code"] in by_code
    ]
    return area_map(
        rows,
        title=_(
            "Kaart: per wijk hoeveel mensen meededen, hoe donkerder hoe meer. Gearceerd: onvoldoende gegevens. "
            "De tabel ernaast geeft dezelfde cijfers."
        ),
        caption=_("Deelnemers per wijk, en hoeveel procent daar eens stemde met wat (bijna) iedereen vindt"),
        label_header=_("Wijk"),
        value_header=_("Deelnemers"),
        extra_headers=(_("Eens met wat (bijna) iedereen vindt"),),
        ident="dialogue-districts-map",
        people=False,  # already held back by disclosure.breakdown, also where a wijk is not small itself
    )
