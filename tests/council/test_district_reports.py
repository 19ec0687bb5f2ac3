"""District reports from sensing: what moves per wijk, counted in people, with no figure about fewer than 5 people
and no total that gives one away; frozen once sent; rendered as HTML, PDF and JSON."""

import datetime
import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident
from zwerm.accounts.roles import Role
from zwerm.council import services
from zwerm.council.models import DistrictReport
from zwerm.council.reports import district_report_content, figures, render_html, render_json
from zwerm.council.reports.district import complete_weeks, week_labels
from zwerm.places.selectors import neighbourhood_list
from zwerm.sensing import selectors as sensing
from zwerm.sensing.models import Alert
from zwerm.sensing.services import refresh_run, text_ingest

from .sensing_data import SMALL, SMALL_TEXTS, add_wijken, build_sensing
from .test_reports import _pdf_or_skip, _pdftotext, in_order

WEEKS = {"weeks": 10}


@pytest.fixture
def wijken(municipality):
    return build_sensing(municipality)


def figures_in(content) -> list[dict]:
    """Every count in the content: {"value", "display"} dicts, wherever they are."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"value", "display"}:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(content)
    return found


def sections(content) -> list[dict]:
    return ([content["municipality"]] if content["municipality"] else []) + content["districts"]


# --- the rules on figures, on their own ----------------------------------------------------------------------


def test_a_count_below_five_is_never_given():
    assert figures.count(0) == {"value": None, "display": "minder dan 5"}
    assert figures.count(4) == {"value": None, "display": "minder dan 5"}
    assert figures.count(5) == {"value": 5, "display": "5"}


def test_a_total_that_would_give_a_small_part_away_reads_more_than():
    assert figures.covered_total(23, [12, 11]) == {"value": 23, "display": "23"}  # nothing left out
    assert figures.covered_total(30, [12, 11]) == {"value": 30, "display": "30"}  # 7 left out: fine
    assert figures.covered_total(26, [12, 11]) == {"value": None, "display": "meer dan 23"}  # 3 left out
    assert figures.covered_total(26, [26], [12, 11]) == {"value": None, "display": "meer dan 23"}  # any partition
    assert figures.covered_total(3, [])["display"] == "minder dan 5"


def test_the_trend_compares_the_second_half_of_the_weeks_with_the_first():
    assert figures.trend([1, 1, 4, 5])["direction"] == figures.RISING
    assert figures.trend([5, 4, 1, 1])["direction"] == figures.FALLING
    assert figures.trend([3, 3, 3, 4])["direction"] == figures.STEADY
    assert figures.trend([1, 0, 2])["direction"] == figures.STEADY  # 1 -> 2 is no trend
    assert figures.trend([9]) == {"direction": figures.UNKNOWN, "label": "periode te kort om te zeggen"}


def test_mood_is_given_in_words_and_only_over_five_contributions_or_more():
    assert figures.mood(-0.3, 12)["label"] == "eerder negatief"
    assert figures.mood(0.05, 12)["label"] == "neutraal"
    assert figures.mood(0.4, 5) == {"value": 0.4, "label": "eerder positief"}
    assert figures.mood(0.4, 4) is None and figures.mood(None, 40) is None


def test_people_from_sensing_are_given_only_when_sensing_would_publish_them():
    from zwerm.sensing.selectors import Figure

    assert figures.people(Figure(12)) == {"value": 12, "display": "12"}
    assert figures.people(Figure(3)) == {"value": None, "display": "minder dan 5"}
    assert figures.people(Figure(12, suppressed=True)) == {"value": None, "display": "niet getoond"}


def test_weeks_are_iso_weeks_and_the_trend_takes_whole_weeks_only():
    wednesday, next_tuesday = datetime.date(2026, 3, 4), datetime.date(2026, 3, 10)
    assert week_labels(wednesday, next_tuesday) == ["2026-W10", "2026-W11"]
    assert week_labels(datetime.date(2025, 12, 29), datetime.date(2026, 1, 4)) == ["2026-W01"]
    assert complete_weeks(next_tuesday, 3) == ["2026-W08", "2026-W09", "2026-W10"]


# --- the content, from sensing's own figures --------------------------------------------------------------------


def test_a_wijk_report_holds_its_themes_in_people_with_trend_and_mood(municipality, wijken):
    content = district_report_content(municipality=municipality, district=wijken.noord, **WEEKS)
    assert content["format"] == "zwerm-district-report/1" and content["municipality"] is None
    assert content["name"] == "Wijkrapportage: Testdam Noord" and content["period"]["weeks"] == 10
    (noord,) = content["districts"]
    assert noord["identifier"] == "WK000101" and noord["hasData"] and noord["themes"]
    # The figures are sensing's own public ones: people per wijk and theme since the start of the period.
    themes = list(sensing.theme_list(municipality=municipality))
    since = datetime.datetime.fromisoformat(content["period"]["startDate"])
    (row,) = [
        r
        for r in sensing.district_grid(municipality=municipality, themes=themes, since=since)
        if r["district"] == wijken.noord
    ]
    people = {t.key: f.value for t, f in zip(themes, row["people"], strict=True)}
    for theme in noord["themes"]:
        assert people[theme["identifier"]] >= 5 and theme["count"]["value"] in (people[theme["identifier"]], None)
        assert theme["trend"]["label"] and theme["name"] == next(
            t.label for t in themes if t.key == theme["identifier"]
        )
    assert {t["identifier"] for t in noord["themes"]} == {k for k, n in people.items() if n >= 5}
    assert noord["total"]["value"] in (row["people_total"].value, None)
    assert any(theme["mood"] for theme in noord["themes"])
    counts = [people[t["identifier"]] for t in noord["themes"]]
    assert counts == sorted(counts, reverse=True)


def test_a_wijk_where_fewer_than_five_people_wrote_many_texts_shows_nothing_exact(municipality, wijken):
    content = district_report_content(municipality=municipality, district=wijken.oost, **WEEKS)
    (oost,) = content["districts"]
    assert oost["hasData"] and oost["total"] == {"value": None, "display": "minder dan 5"}
    assert oost["themes"] == [] and oost["alerts"] == []
    html = render_html(content)
    assert "minder dan 5" in html and "Over geen enkel thema schreven hier 5 of meer mensen" in html
    assert not re.search(rf">\s*({SMALL}|{SMALL_TEXTS})\s*<", html)


def test_no_figure_in_any_report_is_below_five_or_can_be_worked_out(municipality, wijken):
    content = district_report_content(municipality=municipality, district=None, **WEEKS)
    assert [d["name"] for d in content["districts"]] == ["Oost", "Testdam Noord", "Zuid"]
    for figure in figures_in(content):
        assert figure["value"] is None or figure["value"] >= 5, figure
        assert not re.fullmatch(r"[1-4]", figure["display"]), figure
    # Every exact total minus the exact parts shown under it leaves nothing (or less: one person may write
    # about several themes) or at least 5.
    for section in sections(content):
        if section["total"]["value"] is not None:
            rest = section["total"]["value"] - sum(t["count"]["value"] or 0 for t in section["themes"])
            assert rest <= 0 or rest >= 5, section
    whole = content["municipality"]
    if whole["total"]["value"] is not None:
        rest = whole["total"]["value"] - sum(d["total"]["value"] or 0 for d in content["districts"])
        assert rest <= 0 or rest >= 5
    for row in whole["themes"]:
        if row["count"]["value"] is not None:
            parts = [
                t["count"]["value"] or 0
                for d in content["districts"]
                for t in d["themes"]
                if t["identifier"] == row["identifier"]
            ]
            rest = row["count"]["value"] - sum(parts)
            assert rest <= 0 or rest >= 5, row


def test_the_report_holds_no_text_of_residents(municipality, wijken):
    text_ingest(
        municipality=municipality,
        channel="report",
        source_id="geheim",
        text="Mijn buurman Piet Geheimzinnig belt steeds naar 06-12345678.",
        occurred_at=timezone.now(),
        district=wijken.noord,
    )
    refresh_run(municipality=municipality)
    content = json.dumps(district_report_content(municipality=municipality, **WEEKS), ensure_ascii=False)
    assert "Geheimzinnig" not in content and "12345678" not in content and "buurman" not in content


def test_alerts_are_sensing_public_alerts_of_the_period(municipality):
    build_sensing(municipality, spike=30)
    content = district_report_content(municipality=municipality, district=None, **WEEKS)
    start = datetime.datetime.fromisoformat(content["period"]["startDate"]).date()
    found = sensing.public_alert_list(
        municipality=municipality,
        weeks=week_labels(start, timezone.localdate()),
        kinds=("emerging", "spike", "decline"),
    )
    expected = {(a.district.code if a.district_id else None, a.theme.key, a.period) for a in found}
    shown = {(s.get("identifier"), a["themeKey"], a["week"]) for s in content["districts"] for a in s["alerts"]}
    shown |= {(None, a["themeKey"], a["week"]) for a in content["municipality"]["alerts"]}
    assert shown == expected and shown, "the spike of 30 residents makes at least one alert"
    assert "in week" in render_html(content)
    for section in sections(content):
        for alert in section["alerts"]:
            assert (alert["count"]["value"] or 5) >= 5 and alert["kindLabel"]


def test_a_peak_of_meldingen_without_known_writers_is_explained_not_denied(municipality):
    """The dashboard shows the peak; the report cannot name it (fewer than 5 known people) and says why."""
    wijken = build_sensing(municipality, spike=30, spike_by_reports=True)
    last_week = week_labels(timezone.localdate() - datetime.timedelta(weeks=1), timezone.localdate())[0]
    # the peak on the staff dashboard: an alert on waste in Noord last week, made of 30 meldingen
    theme = sensing.theme_list(municipality=municipality).first()
    Alert.objects.create(
        municipality=municipality,
        refresh=sensing.refresh_latest(municipality=municipality),
        theme=theme,
        district=wijken.noord,
        kind="spike",
        period=last_week,
        count=30,
        expected=6.0,
        p_value=1e-9,
        q_value=1e-8,
        ratio=5.0,
        explanation="30 meldingen, normaal rond de 6",
    )
    content = district_report_content(municipality=municipality, district=wijken.noord, **WEEKS)
    (noord,) = content["districts"]
    shown = {(a["themeKey"], a["week"]) for a in noord["alerts"]}
    assert (theme.key, last_week) not in shown, "no 5 known people behind the peak"
    assert noord["withheldAlerts"] >= 1
    html = render_html(content)
    assert (
        "Medewerkers zien voor dit gebied in deze periode nog" in html and "meldingen zonder bekende schrijver" in html
    )
    assert "Geen signalen in deze periode" not in html


def test_without_sensing_data_the_report_says_so(municipality, lead):
    add_wijken(municipality)
    report = services.district_report_generate(municipality=municipality, actor=lead, district=None, **WEEKS)
    assert report.content["hasData"] is False and report.content["source"]["dateModified"] is None
    assert all(not s["hasData"] and s["total"]["display"] == "minder dan 5" for s in sections(report.content))
    html = render_html(report.content)
    assert "Er zijn nog geen cijfers over deze periode" in html
    assert "Voor dit gebied zijn er over deze periode nog geen cijfers." in html


def test_the_report_is_written_in_dutch_whatever_the_active_language(municipality, wijken):
    from django.utils import translation

    with translation.override("en"):
        content = district_report_content(municipality=municipality, district=wijken.zuid, **WEEKS)
    assert content["name"] == "Wijkrapportage: Zuid" and content["inLanguage"] == "nl"


# --- services: who, which period, frozen once sent ---------------------------------------------------------------


def test_a_process_lead_makes_a_report_over_the_last_weeks(municipality, wijken, lead):
    report = services.district_report_generate(municipality=municipality, actor=lead, district=wijken.zuid, weeks=6)
    today = timezone.localdate()
    assert (report.weeks, report.period_end) == (6, today)
    assert report.period_start == today - datetime.timedelta(weeks=6)
    assert report.generated_by == lead and not report.is_frozen


@pytest.mark.parametrize("weeks", [0, -3, 53, "12"])
def test_a_wrong_number_of_weeks_is_refused_with_a_clear_message(municipality, lead, weeks):
    with pytest.raises(ValidationError) as caught:
        services.district_report_generate(municipality=municipality, actor=lead, weeks=weeks)
    assert caught.value.message_dict["weeks"] == ["Kies een periode van 1 tot en met 52 weken."]
    assert not DistrictReport.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNCIL_MEMBER, Role.SPECIALIST, Role.MODERATOR])
def test_only_process_leads_and_admins_make_district_reports(municipality, make_staff, role):
    with pytest.raises(PermissionDenied):
        services.district_report_generate(municipality=municipality, actor=make_staff(role), **WEEKS)
    assert not DistrictReport.objects.exists()


def test_an_admin_of_another_municipality_cannot_and_a_foreign_wijk_is_refused(
    municipality, other_municipality, make_staff, lead
):
    foreign_admin = make_staff(Role.ADMIN, in_municipality=other_municipality)
    with pytest.raises(PermissionDenied):
        services.district_report_generate(municipality=municipality, actor=foreign_admin, **WEEKS)
    from zwerm.places.selectors import district_list

    foreign_wijk = district_list(municipality=other_municipality).first()
    with pytest.raises(ValidationError, match="hoort niet bij deze gemeente"):
        services.district_report_generate(municipality=municipality, actor=lead, district=foreign_wijk, **WEEKS)
    assert not DistrictReport.objects.exists()


def test_a_sent_report_never_changes(municipality, wijken, lead, make_staff):
    report = services.district_report_generate(municipality=municipality, actor=lead, district=None, **WEEKS)
    services.district_report_send(report=report, actor=lead)
    frozen = DistrictReport.objects.get(pk=report.pk).content
    build_sensing_more(municipality, wijken)
    admin = make_staff(Role.ADMIN)
    for change in (services.district_report_refresh, services.district_report_send):
        with pytest.raises(ValidationError, match="ligt vast"):
            change(report=report, actor=admin)
    assert DistrictReport.objects.get(pk=report.pk).content == frozen


def build_sensing_more(municipality, wijken):
    """Ten more residents of Oost write, and a new refresh: the figures of sensing move on."""
    hood = neighbourhood_list(municipality=municipality, district=wijken.oost).first()
    for i in range(10):
        author = make_resident(municipality, hood)
        initiative = make_initiative(municipality, author, hood, title="Container")
        text_ingest(
            municipality=municipality,
            channel="initiative",
            source_id=str(initiative.pk),
            text=f"De container bij school {i} is weer vol en stinkt vreselijk.",
            occurred_at=timezone.now(),
            neighbourhood=hood,
        )
    refresh_run(municipality=municipality)


def test_an_unsent_report_can_be_brought_up_to_date(municipality, wijken, lead):
    report = services.district_report_generate(municipality=municipality, actor=lead, district=wijken.oost, **WEEKS)
    assert report.content["districts"][0]["total"]["display"] == "minder dan 5"
    build_sensing_more(municipality, wijken)
    before = report.generated_at
    services.district_report_refresh(report=report, actor=lead)
    assert report.content["districts"][0]["total"]["display"] != "minder dan 5"
    assert report.generated_at > before and not report.is_frozen


# --- renderings ---------------------------------------------------------------------------------------------------


def test_the_html_and_json_are_one_document_each(municipality, wijken):
    content = district_report_content(municipality=municipality, district=None, **WEEKS)
    html = render_html(content)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<title>Wijkrapportage: alle wijken van Testdam · Testdam</title>" in html
    assert "<link" not in html and "<script" not in html
    in_order(html, ['id="r-municipality"', 'id="r-WK000103"', "Wijk Oost", 'id="r-WK000101"', 'id="r-WK000102"'])
    assert json.loads(render_json(content)) == content


def test_the_pdf_is_tagged_and_shows_the_wijken(municipality, wijken, tmp_path):
    import subprocess

    content = district_report_content(municipality=municipality, district=None, **WEEKS)
    pdf = _pdf_or_skip(content)
    text = " ".join(_pdftotext(pdf, tmp_path).split())
    info = subprocess.run(["pdfinfo", str(tmp_path / "report.pdf")], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info and "Title:           Wijkrapportage: alle wijken van Testdam" in info
    in_order(
        text,
        [
            "Wijkrapportage: alle wijken van Testdam",
            "De hele gemeente Testdam",
            "Wijk Oost",
            "minder dan 5",
            "Wijk Testdam Noord",
            "Wijk Zuid",
        ],
    )
    assert "Wijkrapportage" in text and "pagina 1 van" in text


def _expect_rise(theme, *, weekly: float, recent: float) -> None:
    """What a refresh stores on a theme: its coming weeks and the level of the last 4 (engine/forecast.py)."""
    start = sensing.week_start(timezone.localdate()) + datetime.timedelta(weeks=1)
    weeks = [sensing.week_label(start + datetime.timedelta(weeks=n)) for n in range(8)]
    theme.forecast = {
        "weeks": [
            {"week": w, "expected": weekly + n, "low": weekly - 2, "high": weekly + n + 3} for n, w in enumerate(weeks)
        ],
        "recent": recent,
        "reason": "season+trend",
        "season": 1.6,
        "trend": 1.2,
    }
    theme.save(update_fields=["forecast"])


def test_what_is_coming_names_rising_themes_with_why_and_no_number(municipality, wijken):
    themes = list(sensing.theme_list(municipality=municipality))
    rising, flat = themes[0], themes[1]
    _expect_rise(rising, weekly=12.0, recent=3.0)
    _expect_rise(flat, weekly=3.0, recent=3.0)
    content = district_report_content(municipality=municipality, district=wijken.noord, **WEEKS)
    (coming,) = content["comingUp"]
    assert coming["themeKey"] == rising.key and coming["theme"] == rising.label
    assert coming["peakWeek"] == rising.forecast["weeks"][3]["week"]  # the highest of the next 4 weeks
    assert "vorige jaren" in coming["why"] and "stijgend" in coming["why"]
    assert not any(isinstance(v, (int, float)) for v in coming.values())  # texts, not people: no number
    html = render_html(content)
    assert "Wat komt eraan" in html and f"{rising.label}: de komende weken meer verwacht" in html


def test_what_is_coming_leaves_out_themes_of_fewer_than_five_people(municipality, wijken, settings):
    _expect_rise(list(sensing.theme_list(municipality=municipality))[0], weekly=12.0, recent=3.0)
    settings.ZWERM_DISCLOSURE_THRESHOLD = 10_000  # no theme has that many people behind it
    content = district_report_content(municipality=municipality, district=None, **WEEKS)
    assert content["comingUp"] == []
