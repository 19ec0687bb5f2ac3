"""axe-core (WCAG 2.1 A and AA) finds no violations on the council pages, in a real browser.

Reuses the browser set-up of tests/browser (Debian's Chromium via Playwright); skipped with the same
reasons when the browser or the packages are missing."""

import re

import pytest

from tests.browser.conftest import SKIP_REASON

if SKIP_REASON:
    pytest.skip(SKIP_REASON, allow_module_level=True)

from tests.browser import conftest as browser  # noqa: E402

# The browser set-up's fixtures, used here as they are (a live server, Chromium, axe-core).
audit = browser.audit
browser_context_args = browser.browser_context_args
browser_type_launch_args = browser.browser_type_launch_args
context = browser.context
municipality = browser.municipality
staff_login_in_browser = browser.staff_login_in_browser
url = browser.url

from zwerm.council import services  # noqa: E402
from zwerm.council.models import Frame  # noqa: E402

from .builders import make_full_record, make_outside_scope_decision, make_process  # noqa: E402


@pytest.fixture
def world(municipality, lead, member, specialist, set_frame):
    process = make_process(municipality, lead, slug="buurtpark-noord")
    make_full_record(process, lead=lead, specialist=specialist)
    make_outside_scope_decision(process, lead=lead)
    set_frame(process, budget="1000")
    set_frame(process, kind=Frame.Kind.SCOPE, budget=None, description="De locatie ligt vast.")
    services.spending_record(process=process, actor=lead, amount="950", description="Ontwerp")
    services.question_ask(process=process, asker=member, text="Wanneer is het klaar?")
    report = services.report_generate(process=process, actor=lead)
    services.report_send(report=report, actor=lead)
    return process, report


def test_council_pages_for_a_council_member(page, url, audit, staff_login_in_browser, member, world):
    process, report = world
    staff_login_in_browser(page, member)
    for path, name in (
        ("/raad/", "council-dashboard"),
        (f"/raad/{process.slug}", "council-process"),
        (f"/raad/{process.slug}/kader", "council-frame-form"),
        (f"/raad/{process.slug}/vraag", "council-question-form"),
        (f"/raad/rapportages/{report.pk}", "council-report"),
        (f"/raad/rapportages/{report.pk}.html", "council-report-document"),
    ):
        page.goto(url(path))
        audit.check(page, name)
    page.goto(url(f"/raad/{process.slug}/kader"))
    page.get_by_label("Omschrijving").fill("Budget voor de aanleg.")
    page.get_by_label("Budget in euro").fill("-5")
    page.get_by_role("button", name="Kader opslaan").click()
    assert "kan niet negatief zijn" in page.content()
    audit.check(page, "council-frame-form-errors")
    audit.assert_clean()


def test_council_pages_for_the_process_lead(page, url, audit, staff_login_in_browser, lead, world):
    process, _ = world
    staff_login_in_browser(page, lead)
    page.goto(url(f"/raad/{process.slug}"))
    audit.check(page, "council-process-lead")
    page.goto(url(f"/raad/{process.slug}/uitgave"))
    audit.check(page, "council-spending-form")
    audit.assert_clean()


def test_district_report_pages(page, url, audit, staff_login_in_browser, lead, municipality):
    from .sensing_data import build_sensing

    build_sensing(municipality)
    staff_login_in_browser(page, lead)
    page.goto(url("/raad/wijkrapportages/"))
    audit.check(page, "council-district-reports-empty")
    page.get_by_role("link", name="Nieuwe wijkrapportage maken").click()
    audit.check(page, "council-district-report-form")
    page.get_by_label("Aantal weken").fill("60")
    page.get_by_role("button", name="Wijkrapportage maken").click()
    assert "Kies van 1 tot en met 52 weken." in page.content()
    audit.check(page, "council-district-report-form-errors")
    page.get_by_label("Aantal weken").fill("10")
    page.get_by_role("button", name="Wijkrapportage maken").click()
    page.wait_for_url(re.compile(r"/raad/wijkrapportages/\d+$"))
    audit.check(page, "council-district-report")
    page.get_by_role("button", name="Naar de raad sturen").click()
    assert "ligt nu vast" in page.content()
    audit.check(page, "council-district-report-sent")
    page.get_by_role("link", name="HTML", exact=True).click()
    audit.check(page, "council-district-report-document")
    page.goto(url("/raad/wijkrapportages/"))
    audit.check(page, "council-district-reports")
    audit.assert_clean()
