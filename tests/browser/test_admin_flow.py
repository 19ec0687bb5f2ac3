"""The admin sets up the municipality in a real browser, with axe-core (WCAG 2.1 A/AA) on every page:
texts and contact address (a wrong address first), wijken and buurten, roles (an unknown address first, then a
grant and a revoke) and the municipality's values. Screenshots: test-artifacts/screenshots/admin-NN-<step>.png."""

import re

from playwright.sync_api import expect

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.models import Municipality
from zwerm.values.models import Value


def test_an_admin_sets_up_the_municipality(staff_page, url, audit, municipality, make_staff):
    admin = make_staff(Role.ADMIN)
    colleague = make_staff(Role.SPECIALIST)
    page = staff_page(admin)
    number = iter(range(1, 100))

    def check(name):
        audit.check(page, f"admin-{next(number):02d}-{name}")

    check("staff-home")
    page.goto(url("/beheer/gemeente"))
    check("municipality-settings")
    page.get_by_label("Contactadres").fill("geen-adres")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#form-errors")).to_be_visible()
    check("municipality-settings-errors")
    page.get_by_label("Welkomsttitel").fill("Samen maken we Testdam")
    page.get_by_label("Contactadres").fill("participatie@testdam.example")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De instellingen van de gemeente zijn opgeslagen.")).to_be_visible()
    check("municipality-settings-saved")
    assert Municipality.objects.get(pk=municipality.pk).contact_email == "participatie@testdam.example"

    page.goto(url("/beheer/wijken"))
    check("places")

    page.goto(url("/beheer/rollen"))
    check("roles")
    page.get_by_label("E-mailadres van de medewerker").fill("onbekend@gemeente.example")
    page.get_by_label("Rol", exact=True).select_option(value=Role.MODERATOR)
    page.get_by_role("button", name="Toekennen").click()
    expect(page.get_by_text("Er is geen account met dat e-mailadres.")).to_be_visible()
    check("roles-errors")
    page.get_by_label("E-mailadres van de medewerker").fill(colleague.email)
    page.get_by_label("Rol", exact=True).select_option(value=Role.MODERATOR)
    page.get_by_role("button", name="Toekennen").click()
    expect(page.get_by_text("De rol is toegekend.")).to_be_visible()
    check("roles-granted")
    assert user_has_role(user=colleague, municipality=municipality, roles=Role.MODERATOR)
    page.get_by_role("button", name=re.compile(f"^Rol moderator intrekken voor {colleague.display_name}")).click()
    expect(page.get_by_text("De rol is ingetrokken.")).to_be_visible()
    check("roles-revoked")

    page.goto(url("/beheer/waarden/"))
    check("values")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#form-errors")).to_be_visible()
    check("values-errors")
    page.get_by_label("Naam").fill("Samen")
    page.get_by_label("Wat we ermee bedoelen").fill("We beslissen met de mensen om wie het gaat.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("rowheader", name="Samen", exact=True)).to_be_visible()
    check("values-added")
    assert Value.objects.filter(municipality=municipality, name="Samen").exists()
    audit.assert_clean()
