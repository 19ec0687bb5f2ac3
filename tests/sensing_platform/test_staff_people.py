"""Staff pages count people, not texts (issue #14.3): one resident who writes six times is one person;
texts are shown beside. Texts without a known person (imported meldingen) count as one person each."""

import re

import pytest

from tests.foundation.builders import staff_login
from tests.sensing_platform.test_public_people import waste_theme
from zwerm.accounts.roles import Role
from zwerm.places.selectors import district_list
from zwerm.sensing.models import Text
from zwerm.sensing.selectors import alert_list, alert_people, staff_people, theme_list, week_axis

HOST = "testdam.localhost"


@pytest.fixture
def noord(districts, places):
    district = districts["WK000101"]
    district.hood = next(h for h in places if h.district_id == district.pk)
    return district


def test_two_residents_writing_six_times_count_as_two_people(themed, municipality, noord, residents_write):
    residents_write(noord.hood, people=2, texts=6)
    theme = waste_theme(municipality)
    weeks = week_axis(municipality=municipality)
    counted = staff_people(municipality=municipality, weeks=weeks, theme=theme)
    residents = Text.objects.filter(theme=theme, channel="initiative", district=noord).count()
    others = counted.texts(theme.pk, noord.pk) - residents
    assert residents == 6
    assert counted.people(theme.pk, noord.pk) == 2 + others  # each melding without a writer counts as one
    assert sum(counted.series(theme.pk, noord.pk)) >= 2


def test_the_dashboard_and_theme_page_show_people_with_texts_beside(
    client, make_staff, themed, municipality, noord, residents_write
):
    residents_write(noord.hood, people=2, texts=6)
    theme = waste_theme(municipality)
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    body = client.get("/signalen/beheer", HTTP_HOST=HOST).content.decode()
    assert "Mensen per wijk en thema" in body and "aantal mensen dat erover schreef" in body
    page = client.get(f"/signalen/beheer/thema/{theme.pk}", HTTP_HOST=HOST).content.decode()
    assert "Mensen per week" in page
    assert "Noord" in re.search(r"teksten over dit thema, vooral in ([^.]*)\.", page).group(1)
    counted = staff_people(municipality=municipality, weeks=week_axis(municipality=municipality), theme=theme)
    row = re.search(r"Noord</(?:a|th)>.*?</tr>", page, re.S).group(0)
    cells = re.findall(r'<td class="utrecht-table__cell">([^<]*)</td>', row)
    assert cells[-2:] == [str(counted.people(theme.pk, noord.pk)), str(counted.texts(theme.pk, noord.pk))]


def test_alerts_say_how_many_people_wrote(themed, municipality):
    alerts = alert_people(municipality=municipality, alerts=alert_list(municipality=municipality))
    for alert in alerts:
        assert 1 <= alert.people <= alert.count


def test_each_theme_carries_its_expected_weeks_and_the_pages_show_them(client, make_staff, themed, municipality):
    themes = list(theme_list(municipality=municipality))
    for theme in themes:
        weeks = theme.forecast["weeks"]
        assert len(weeks) == 8 and theme.forecast["reason"] in ("level", "trend", "season", "season+trend")
        assert all(w["low"] <= w["expected"] <= w["high"] for w in weeks)
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    body = client.get("/signalen/beheer", HTTP_HOST=HOST).content.decode()
    assert "Wat komt eraan" in body
    page = client.get(f"/signalen/beheer/thema/{themes[0].pk}", HTTP_HOST=HOST).content.decode()
    assert "Verwachte teksten per week" in page and "<polygon" in page and "verwacht " in page


def test_wijken_with_enough_texts_have_their_own_expectation_on_the_theme_page(
    client, make_staff, themed, municipality
):
    theme = max(theme_list(municipality=municipality), key=lambda t: len(t.forecast.get("areas", {})))
    areas = theme.forecast["areas"]
    assert areas, "the demo-sized data has wijken with 10 or more texts of a theme"
    for forecast in areas.values():
        assert len(forecast["weeks"]) == 8 and all(w["low"] <= w["expected"] <= w["high"] for w in forecast["weeks"])
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    page = client.get(f"/signalen/beheer/thema/{theme.pk}", HTTP_HOST=HOST).content.decode()
    table = page.split("Verwachte teksten per week per wijk", 1)[1].split("</table>", 1)[0]
    names = {d.code: d.name for d in district_list(municipality=municipality)}
    assert all(names[code] in table for code in areas)
    assert table.count("<tr") == len(areas) + 1  # a row per wijk with its own forecast, and the header
