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


def test_the_download_counts_people_and_hides_small_counts(client, themed, municipality, author):
    rows = read_json(get(client, "/open-data/signalen.json"))["rijen"]
    assert rows and {r["niveau"] for r in rows} == {"gemeente", "wijk"}
    assert min(r["aantal_personen"] for r in rows) >= 5

    # The truth, from the stored texts: a report is one person, an initiative is its author.
    authors = dict(Initiative.objects.values_list("pk", "author_id"))
    people, per_wijk = defaultdict(set), defaultdict(lambda: defaultdict(set))
    for text in Text.objects.filter(municipality=municipality, theme__active=True).select_related("district"):
        month = timezone.localtime(text.occurred_at).strftime("%Y-%m")
        person = f"user:{authors[int(text.source_id)]}" if text.channel == "initiative" else f"text:{text.pk}"
        people[(text.theme.key, month)].add(person)
        per_wijk[(text.theme.key, month)][text.district.code].add(person)
    texts_by_author = Text.objects.filter(municipality=municipality, channel="initiative", theme__active=True)
    assert texts_by_author.count() > 1, "the resident's initiatives reached a theme"
    municipality_rows = {
        (r["thema_sleutel"], r["periode"]): r["aantal_personen"] for r in rows if r["niveau"] == "gemeente"
    }
    for cell, who in people.items():
        if len(who) >= 5:
            assert municipality_rows[cell] == len(who), cell
        else:
            assert cell not in municipality_rows, cell
    assert all(r["gebiedscode"] == "GM0001" for r in rows if r["niveau"] == "gemeente")
    wijk_rows = {
        (r["thema_sleutel"], r["periode"], r["gebiedscode"]): r["aantal_personen"]
        for r in rows
        if r["niveau"] == "wijk"
    }
    assert wijk_rows, "some theme and month is split over the wijken"
    for cell, wijken in per_wijk.items():
        split = len(people[cell]) >= 5 and all(len(who) >= 5 for who in wijken.values())
        for code, who in wijken.items():
            assert wijk_rows.get((*cell, code)) == (len(who) if split else None), (cell, code)
