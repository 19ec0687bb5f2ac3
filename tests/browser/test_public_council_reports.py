"""Council reports as public record, in a real browser with axe-core (WCAG 2.1 A/AA): a resident (not logged in)
opens the list of reports sent to the council, reads one, goes to the other reports about the same process and
downloads the HTML version; an unsent report is not there.

Screenshots: test-artifacts/screenshots/public-reports-NN-<step>.png."""

import re

from playwright.sync_api import expect

from zwerm.council import services


def test_a_resident_reads_the_reports_sent_to_the_council(page, url, audit, world):
    process = world.report.process
    unsent = services.report_generate(process=process, actor=world.lead)
    number = iter(range(1, 100))

    def check(name):
        audit.check(page, f"public-reports-{next(number):02d}-{name}")

    page.goto(url("/raad/openbaar/"))
    expect(page.get_by_role("heading", level=1, name="Rapportages aan de raad")).to_be_visible()
    check("list")
    assert f"/raad/openbaar/{unsent.pk}" not in page.content()

    page.get_by_role("link", name=f"Voortgangsrapportage: {process.title}").first.click()
    page.wait_for_url(re.compile(r"/raad/openbaar/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(process.title)
    expect(page.get_by_text("Deze rapportage verandert niet meer.")).to_be_visible()
    check("report")

    page.get_by_role("link", name=f"Alle rapportages over {process.title}").click()
    page.wait_for_url(re.compile(r"/raad/openbaar/\?traject="))
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Rapportages aan de raad over {process.title}")
    check("per-process")

    page.go_back()
    page.get_by_role("link", name="HTML", exact=True).click()
    page.wait_for_url(re.compile(r"/raad/openbaar/\d+\.html$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(process.title)
    check("document")
    audit.assert_clean()
