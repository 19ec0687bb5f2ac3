"""Public sensing figures count people, not texts: a theme or wijk shows from 5 different people on, and
reports of unknown people never lift a figure to 5 on their own."""

import re

import pytest
from django.utils import translation

from zwerm.sensing.models import Alert, Text
from zwerm.sensing.selectors import (
    district_grid,
    public_alert_list,
    public_overview,
    public_theme_series,
    theme_list,
    week_axis,
)
from zwerm.sensing.services import refresh_run
from zwerm.sensing.wording import week_words

HOST = "testdam.localhost"


@pytest.fixture
def noord(districts, places):
    district = districts["WK000101"]
    district.hood = next(h for h in places if h.district_id == district.pk)
    return district


@pytest.fixture
def zuid(districts, places):
    district = districts["WK000102"]
    district.hood = next(h for h in places if h.district_id == district.pk)
    return district


def waste_theme(municipality):
    """The one theme the residents' texts were assigned to."""
    themes = set(Text.objects.filter(channel="initiative").values_list("theme_id", flat=True))
    assert len(themes) == 1 and None not in themes, themes
    return theme_list(municipality=municipality).get(pk=themes.pop())


def public_themes(municipality) -> dict[int, int]:
    return {row["theme"].pk: row["people"].value for row in public_overview(municipality=municipality)["themes"]}


def district_cell(body: str, name: str) -> str:
    return re.search(rf"{name}</th><td[^>]*>([^<]*)<", body).group(1)


def test_ten_texts_of_four_people_stay_hidden(client, themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=4, texts=10)
    theme = waste_theme(municipality)
    assert Text.objects.filter(theme=theme, channel="initiative").count() == 10
    assert theme.pk not in public_themes(municipality)
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert theme.label not in body
    assert district_cell(body, "Noord") == "minder dan 5"


def test_five_people_make_a_theme_and_wijk_visible(client, themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=5, texts=10)
    theme = waste_theme(municipality)
    assert public_themes(municipality)[theme.pk] == 5
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert theme.label in body and "Inwoners" in body
    assert district_cell(body, "Noord") == "5"
    assert district_cell(body, "Zuid") == "minder dan 5"


def test_one_resident_writing_six_times_does_not_make_a_wijk_visible(themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=1, texts=6)
    overview = public_overview(municipality=municipality)
    (row,) = [r for r in overview["districts"] if r["district"] == noord]
    assert row["people"].value == 1 and not row["people"].shown and str(row["count"]) == "minder dan 5"


def test_reports_of_unknown_people_alone_show_nothing(client, themed, municipality):
    overview = public_overview(municipality=municipality)
    assert Text.objects.filter(channel="report").count() == 150
    assert overview["themes"] == []
    assert all(not row["people"].shown for row in overview["districts"])
    assert not overview["total"].shown and overview["spikes"] == []
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert "Nog geen thema's waarover genoeg inwoners schreven" in body


def test_the_total_is_held_back_while_it_would_give_a_small_wijk_away(
    client, themed, municipality, noord, zuid, residents_write
):
    residents_write(noord.hood, people=5, texts=5)
    residents_write(zuid.hood, people=2, texts=2)
    total = public_overview(municipality=municipality)["total"]
    assert total.value == 7 and total.suppressed and not total.shown
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert "Het totaal aantal inwoners tonen we nu niet" in body and ": 7." not in body
    residents_write(zuid.hood, people=3, texts=3)
    total = public_overview(municipality=municipality)["total"]
    assert total.shown and total.value == 10
    assert (
        "Inwoners die in deze periode iets schreven: 10." in client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    )


def test_the_grid_gives_people_beside_the_staff_text_counts(themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=4, texts=8)
    theme = waste_theme(municipality)
    (row,) = [r for r in district_grid(municipality=municipality, themes=[theme]) if r["district"] == noord]
    assert row["cells"][0] >= 8  # texts, with the reports: for staff
    assert row["people"][0].value == 4 and not row["people"][0].shown
    assert row["people_total"].value == 4
    residents_write(noord.hood, people=1, texts=1)
    (row,) = [r for r in district_grid(municipality=municipality, themes=[theme]) if r["district"] == noord]
    assert row["people"][0].value == 5 and row["people"][0].shown


def test_the_weekly_series_for_the_public_counts_people(themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=5, texts=9)
    theme = waste_theme(municipality)
    weeks = week_axis(municipality=municipality)
    series = public_theme_series(municipality=municipality, weeks=weeks)[theme.pk]
    assert series[-1].value == 5 and series[-1].shown
    assert all(not figure.shown for figure in series[:-1])  # only unknown reporters before this week
    in_noord = public_theme_series(municipality=municipality, weeks=weeks, district=noord)[theme.pk]
    assert in_noord[-1].value == 5


def test_the_public_page_reads_in_a_bounded_number_of_queries(
    client, themed, noord, residents_write, django_assert_max_num_queries
):
    residents_write(noord.hood, people=5, texts=10)
    with django_assert_max_num_queries(9):  # one of them reads the wijken's shapes for the map
        assert client.get("/signalen/", HTTP_HOST=HOST).status_code == 200


@pytest.mark.parametrize(("people", "public"), [(2, False), (6, True)])
def test_a_spike_is_public_only_with_five_people_behind_it(
    client, themed, municipality, noord, residents_write, people, public
):
    residents_write(noord.hood, people=people, texts=18)
    assert refresh_run(municipality=municipality).status == "done"
    spike = Alert.objects.filter(kind="spike", district=noord).first()
    assert spike is not None and spike.count >= 18  # staff see it either way
    spikes = public_overview(municipality=municipality)["spikes"]
    assert bool(spikes) is public
    listed = public_alert_list(municipality=municipality, weeks=week_axis(municipality=municipality))
    assert {a.pk for a in listed} >= {a.pk for a in spikes} and bool(listed) is public
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert ("Wat opvalt" in body) is public
    if public:
        assert {a.people.value for a in spikes} == {people}
        with translation.override("nl"):
            assert f"{week_words(spike.period)}, {people} inwoners" in body
