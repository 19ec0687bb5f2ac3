"""Which wijken a process touches: its own wijk and those of the budgets and initiatives it hosts, on the
process list (with a table of processes per wijk) and on the process page."""

import re
from decimal import Decimal

from django.test import Client

from tests.foundation.builders import make_initiative, make_resident
from zwerm.budgets import services as budgets
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.processes import selectors, services

HOST = "testdam.localhost"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _per_wijk(html: str) -> dict[str, int]:
    start = html.index('id="process-districts"')
    table = html[start : html.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", table, re.S):
        cells = [_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if cells[1].isdigit():
            rows[cells[0]] = int(cells[1])
    return rows


def test_a_process_touches_its_own_wijk_and_those_of_what_it_hosts(
    process, lead, phases, municipality, neighbourhood, moderator
):
    noord = neighbourhood.district
    zuid = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    west = district_save(municipality=municipality, code="WK000103", name="Testdam West")
    oost = district_save(municipality=municipality, code="WK000104", name="Testdam Oost")
    neighbourhood_save(municipality=municipality, district=oost, code="BU00010401", name="Oostbuurt")
    # hosts a budget with amounts for Zuid and West, and an initiative in Noord
    budgets.budget_create(
        process=process,
        actor=lead,
        title="Wijkbudget",
        total_amount=Decimal("2000"),
        ballot_type="approval",
        active_phases=phases[:1],
        district_amounts={zuid: Decimal("1000"), west: Decimal("1000")},
    )
    initiative = make_initiative(
        municipality, make_resident(municipality, neighbourhood), neighbourhood, publish_by=moderator
    )
    services.placement_create(process=process, actor=lead, kind="initiative", object_id=initiative.pk, title="Moestuin")
    # another process for the whole municipality, and one for Zuid only
    for title, district in (("Hele stad", None), ("Zuidplein", zuid)):
        other = services.process_create(
            actor=lead, municipality=municipality, title=title, question="Hoe?", description="Samen.", district=district
        )
        services.phase_add(process=other, actor=lead, title="Start", reason="Start.")
        services.process_open(process=other, actor=lead)

    touched = selectors.process_districts(municipality=municipality, processes=[process])[process.pk]
    assert [d.name for d in touched] == [noord.name, "Testdam West", "Testdam Zuid"]

    web = Client(HTTP_HOST=HOST)
    listed = web.get("/trajecten/").content.decode()
    expected = {noord.name: 1, "Testdam Oost": 0, "Testdam West": 1, "Testdam Zuid": 2}
    assert _per_wijk(listed) == expected
    assert "Over de hele gemeente of zonder wijk: Hele stad" in _text(listed)
    assert "Hele stad" in _text(listed)
    page = _text(web.get(process.get_absolute_url()).content.decode())
    assert f"{noord.name}, Testdam West, Testdam Zuid" in page


def test_the_wijk_of_a_process_place_counts_too(process, municipality):
    oost = district_save(municipality=municipality, code="WK000104", name="Testdam Oost")
    hood = neighbourhood_save(municipality=municipality, district=oost, code="BU00010401", name="Oostbuurt")
    # no service sets a process's place yet (the locations work): the column it would fill, set directly
    type(process).objects.filter(pk=process.pk).update(location_neighbourhood=hood)
    touched = selectors.process_districts(municipality=municipality, processes=[process])[process.pk]
    assert [d.name for d in touched] == ["Testdam Oost"]
