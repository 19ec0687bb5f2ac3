"""Participation in a real browser with axe-core (WCAG 2.1 A/AA): a resident challenges the municipality
(a mistake first, then the challenge), a process lead confirms receipt and checks it, a council member reads
the yearly report and the verordening, and a specialist fills in the anonymous self-assessment.

Screenshots: test-artifacts/screenshots/participation-NN-<step>.png."""

import re

from playwright.sync_api import expect

from tests.foundation.builders import make_resident
from tests.participation.conftest import record_bylaw
from zwerm.accounts.roles import Role
from zwerm.participation import services
from zwerm.places.selectors import neighbourhood_list


def test_a_challenge_from_form_to_the_staff_procedure(page, url, audit, municipality, make_staff, login_as, staff_page):
    admin = make_staff(Role.ADMIN)
    lead = make_staff(Role.PROCESS_LEAD)
    record_bylaw(municipality, admin)
    resident = make_resident(municipality, neighbourhood_list(municipality=municipality).first())
    number = iter(range(1, 100))

    def check(on, name):
        audit.check(on, f"participation-{next(number):02d}-{name}")

    login_as(page.context, resident)
    page.goto(url("/participatie/uitdagingen"))
    expect(page.get_by_role("heading", level=1, name="Register van uitdagingen")).to_be_visible()
    check(page, "register-empty")
    page.get_by_role("link", name="De gemeente uitdagen").first.click()
    expect(page.get_by_role("heading", level=2, name="Waaraan de gemeente jullie uitdaging toetst")).to_be_visible()
    page.get_by_label("Welke taak willen jullie overnemen").fill("Onderhoud van het Wilgenpark")
    page.get_by_label("Jullie plan: wat gaan jullie doen, en hoe").fill("Wij maaien en snoeien met de buurt.")
    page.get_by_label("Hoe betrekken jullie de buurt").fill("Werkochtenden.")
    page.get_by_label("Wat kost het jullie (euro per jaar)").fill("8.000")
    page.get_by_label("Wat kost de taak de gemeente nu (euro per jaar, jullie schatting)").fill("12.500")
    page.get_by_label("bewonersgroep").check()
    page.get_by_label("Naam van de groep of organisatie").fill("Buurtgroep Wilgenpark")
    page.get_by_role("button", name="Uitdaging indienen").click()
    expect(page.get_by_text("Noem minstens één contactpersoon met naam en e-mailadres.").first).to_be_visible()
    check(page, "form-errors")
    page.get_by_label("Contactpersoon 1: naam").fill("Sanne de Boer")
    page.get_by_label("Contactpersoon 1: e-mailadres").fill("sanne@example.org")
    page.get_by_role("button", name="Uitdaging indienen").click()
    page.wait_for_url(re.compile(r"/participatie/uitdagingen/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderhoud van het Wilgenpark")
    check(page, "challenge-public")

    staff = staff_page(lead)
    staff.goto(url("/participatie/uitdagingen/te-doen"))
    staff.get_by_role("link", name="Onderhoud van het Wilgenpark").click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text("Uitdaging behandelen")
    check(staff, "manage")
    staff.get_by_role("button", name="Ontvangst bevestigen").click()
    staff.get_by_label("Nee: vraag een aanvulling").check()
    staff.get_by_role("button", name="Toets vastleggen").click()
    expect(staff.get_by_text("Vul de toelichting in.").first).to_be_visible()
    check(staff, "check-error")
    staff.get_by_label("Ja: de beoordeling begint").check()
    staff.get_by_role("button", name="Toets vastleggen").click()
    expect(staff.get_by_role("link", name="Advies vragen aan vakambtenaren")).to_be_visible()
    check(staff, "assessment")
    audit.assert_clean()


def test_the_council_reads_the_report_and_staff_see_the_mirror(page, url, audit, municipality, make_staff, staff_page):
    admin = make_staff(Role.ADMIN)
    lead = make_staff(Role.PROCESS_LEAD)
    member = make_staff(Role.COUNCIL_MEMBER)
    record_bylaw(municipality, admin)
    services.yearly_report_send(
        report=services.yearly_report_generate(municipality=municipality, actor=lead, year=2026), actor=lead
    )
    number = iter(range(50, 100))

    def check(on, name):
        audit.check(on, f"participation-{next(number):02d}-{name}")

    page.goto(url("/participatie/"))
    expect(page.get_by_role("heading", level=1, name="Participatieverordening Testdam")).to_be_visible()
    check(page, "verordening")
    page.get_by_role("link", name="Jaarverslagen participatie").click()
    expect(page.get_by_text("Jaarverslag 2026, naar de raad op")).to_be_visible()
    check(page, "yearly-reports")

    council = staff_page(member)
    council.goto(url("/participatie/spiegel"))
    expect(council.get_by_role("heading", level=1, name="De spiegel van de organisatie")).to_be_visible()
    check(council, "mirror")
    council.get_by_role("link", name="De zelfscan invullen (anoniem)").click()
    check(council, "self-assessment")
    audit.assert_clean()
