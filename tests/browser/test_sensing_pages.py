"""What moves in the wijken, in a real browser with axe-core (WCAG 2.1 A/AA): the public sensing page, the staff
dashboard with its themes, trend lines and alerts, a theme, the texts, the report import (with a wrong upload
first), and the council dashboard that shows the same picture per wijk.

The texts are the demo's ~200 generated reports with a spike, ingested and refreshed through the real sensing
services (a few seconds: the slowest world in this folder, so it is built once, here).
Screenshots: test-artifacts/screenshots/sensing-NN-<step>.png."""

import re

from playwright.sync_api import expect

from zwerm.accounts.roles import Role
from zwerm.sensing.demo import build_demo_sensing
from zwerm.sensing.models import ReportImport


def test_sensing_pages_for_residents_staff_and_council(page, staff_page, url, audit, municipality, make_staff):
    build_demo_sensing(municipality=municipality)
    lead, member = make_staff(Role.PROCESS_LEAD), make_staff(Role.COUNCIL_MEMBER)
    number = iter(range(1, 100))

    def check(on, name):
        audit.check(on, f"sensing-{next(number):02d}-{name}")

    page.goto(url("/signalen/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check(page, "public")

    staff = staff_page(lead)
    staff.goto(url("/signalen/beheer"))
    check(staff, "dashboard")
    staff.locator("#themes").locator("xpath=..").get_by_role("link").first.click()
    staff.wait_for_url(re.compile(r"/signalen/beheer/thema/\d+$"))
    check(staff, "theme")
    staff.goto(url("/signalen/beheer/teksten"))
    check(staff, "texts")
    staff.goto(url("/signalen/beheer"))
    staff.get_by_role("link", name="Meldingen importeren (CSV)").click()
    check(staff, "import")
    staff.get_by_role("button", name="Importeren").click()
    expect(staff.locator("#form-errors")).to_be_visible()
    check(staff, "import-errors")
    csv = b"omschrijving;datum\nLantaarnpaal kapot in de Dorpsstraat;2026-03-02\n"
    staff.get_by_label("CSV-bestand").set_input_files(
        files=[{"name": "meldingen.csv", "mimeType": "text/csv", "buffer": csv}]
    )
    staff.get_by_label("Kolom met de tekst").fill("omschrijving")
    staff.get_by_label("Kolom met de datum").fill("datum")
    # The import ingests the texts and refreshes the themes in the request (the demo's immediate task
    # backend); on a busy machine loading the text engine alone takes longer than the default 10 s.
    staff.get_by_role("button", name="Importeren").click(no_wait_after=True)
    staff.wait_for_url(re.compile(r"/signalen/beheer/import/\d+$"), timeout=90_000)
    check(staff, "import-done")
    assert ReportImport.objects.get(filename="meldingen.csv").accepted == 1

    council = staff_page(member)
    council.goto(url("/raad/"))
    check(council, "council-dashboard")
    council.goto(url("/signalen/beheer"))
    check(council, "dashboard-council-member")
    audit.assert_clean()
