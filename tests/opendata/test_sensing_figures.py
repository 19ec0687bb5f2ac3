"""What moves per theme, wijk and month: people counted once, and never a figure about fewer than 5."""

from collections import defaultdict

from django.utils import timezone

from zwerm.initiatives.models import Initiative
from zwerm.opendata.datasets.sensing import Cell, suppress
from zwerm.sensing.models import Text

from .helpers import get, read_json


def _cells(*counts):
    return [Cell(str(i), n) for i, n in enumerate(counts, start=1)]


def test_the_wijken_are_shown_when_each_reaches_five():
    total, districts = Cell("", 30), _cells(12, 5, 13)
    suppress(total, districts)
    assert total.shown and all(c.shown for c in districts)


def test_one_small_wijk_hides_every_wijk_of_that_theme_and_month():
    # Hiding only the 3 would give it away (30 - 12 - 15), and hiding the 12 as well would still
    # leave 15 for two wijken; only leaving all of them out protects the small one.
    total, districts = Cell("", 30), _cells(12, 3, 15)
    suppress(total, districts)
    assert total.shown and not any(c.shown for c in districts)


def test_a_total_below_five_is_not_shown_either():
    total, districts = Cell("", 4), _cells(4)
    suppress(total, districts)
    assert not total.shown and not districts[0].shown


def truth(municipality):
    """People per theme and month, and per wijk, from the stored texts: an initiative is its author; the
    reports, whose people are unknown, count together as one person at most and only where nobody is known."""
    authors = dict(Initiative.objects.values_list("pk", "author_id"))
    known, unknown = defaultdict(set), defaultdict(bool)
    known_wijk = defaultdict(lambda: defaultdict(set))
    for text in Text.objects.filter(municipality=municipality, theme__active=True).select_related("district"):
        cell = (text.theme.key, timezone.localtime(text.occurred_at).strftime("%Y-%m"))
        if text.channel == "initiative":
            person = f"user:{authors[int(text.source_id)]}"
            known[cell].add(person)
            known_wijk[cell][text.district.code].add(person)
        else:
            unknown[cell] = True
    people = {cell: max(len(known[cell]), 1 if unknown[cell] else 0) for cell in set(known) | set(unknown)}
    return people, known_wijk


def test_the_download_counts_people_and_hides_small_counts(client, themed, municipality, author):
    rows = read_json(get(client, "/open-data/signalen.json"))["rijen"]
    assert rows and {r["niveau"] for r in rows} == {"gemeente", "wijk"}
    assert min(r["aantal_personen"] for r in rows) >= 5
    people, known_wijk = truth(municipality)
    assert Text.objects.filter(municipality=municipality, channel="initiative", theme__active=True).count() > 1
    municipality_rows = {
        (r["thema_sleutel"], r["periode"]): r["aantal_personen"] for r in rows if r["niveau"] == "gemeente"
    }
    for cell, n in people.items():
        if n >= 5:
            assert municipality_rows[cell] == n, cell
        else:
            assert cell not in municipality_rows, cell
    assert all(r["gebiedscode"] == "GM0001" for r in rows if r["niveau"] == "gemeente")
    wijk_rows = {
        (r["thema_sleutel"], r["periode"], r["gebiedscode"]): r["aantal_personen"]
        for r in rows
        if r["niveau"] == "wijk"
    }
    assert wijk_rows, "some theme and month is split over the wijken"
    for cell, wijken in known_wijk.items():
        split = people[cell] >= 5 and all(len(who) >= 5 for who in wijken.values())
        for code, who in wijken.items():
            assert wijk_rows.get((*cell, code)) == (len(who) if split else None), (cell, code)
    # Wijken with only reports of unknown people are never listed.
    assert {key[2] for key in wijk_rows} <= {code for wijken in known_wijk.values() for code in wijken}


def test_reports_of_unknown_people_alone_give_no_row(client, municipality):
    from tests.sensing_platform.conftest import PLACES, ingest_synthetic
    from zwerm.places.selectors import neighbourhood_list
    from zwerm.places.services import places_import_csv
    from zwerm.sensing.services import refresh_run

    places_import_csv(municipality=municipality, text=PLACES)
    ingest_synthetic(municipality, list(neighbourhood_list(municipality=municipality)), n=300)
    assert refresh_run(municipality=municipality).themes > 0
    assert read_json(get(client, "/open-data/signalen.json"))["rijen"] == []


def this_month_rows(client, theme_key) -> list[dict]:
    month = timezone.localtime().strftime("%Y-%m")
    rows = read_json(get(client, "/open-data/signalen.json"))["rijen"]
    return [r for r in rows if r["thema_sleutel"] == theme_key and r["periode"] == month]


def waste_theme_key(municipality) -> str:
    """The theme the residents' texts about full containers were assigned to."""
    themes = set(Text.objects.filter(text__contains="container bij huis").values_list("theme__key", flat=True))
    assert len(themes) == 1 and None not in themes, themes
    return themes.pop()


def test_ten_texts_of_four_people_give_no_row_and_five_people_do(
    client, themed, municipality, neighbourhood, residents_write
):
    residents_write(neighbourhood, people=4, texts=10)
    key = waste_theme_key(municipality)
    assert this_month_rows(client, key) == []
    residents_write(neighbourhood, people=1, texts=1)
    assert waste_theme_key(municipality) == key
    (total,) = [r for r in this_month_rows(client, key) if r["niveau"] == "gemeente"]
    assert total["aantal_personen"] == 5
