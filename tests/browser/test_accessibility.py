"""axe-core (WCAG 2.1 A and AA) finds no violations on the foundation pages, for each kind of visitor."""

import re

from django.core import mail

from tests.foundation.builders import make_initiative, make_resident
from zwerm.accounts.roles import Role
from zwerm.initiatives import services as initiatives


def _world(municipality, neighbourhood, author, other, moderator):
    """Published and submitted initiatives, a comment, open flags and a hidden comment."""
    published = make_initiative(
        municipality, author, neighbourhood, publish_by=moderator, title="Bankjes bij de vijver"
    )
    second = make_initiative(municipality, author, neighbourhood, publish_by=moderator, title="Moestuin op het plein")
    submitted = make_initiative(municipality, author, neighbourhood, title="Speeltuin opknappen")
    comment = initiatives.comment_create(initiative=published, author=other, body="Goed idee, ik help mee.")
    reply = initiatives.comment_create(initiative=published, author=author, body="Dank je!", parent=comment)
    initiatives.initiative_support(initiative=published, resident=other)
    initiatives.flag_create(reporter=other, initiative=published, reason="Klopt niet.")
    initiatives.flag_create(reporter=other, initiative=second, reason="Dubbel.")
    initiatives.flag_create(reporter=author, initiative=published, comment=comment, reason="Onvriendelijk.")
    initiatives.flag_create(reporter=other, initiative=published, comment=reply, reason="Reclame.")
    hidden_comment = initiatives.comment_create(initiative=second, author=other, body="Koop nu!")
    initiatives.moderation_hide(moderator=moderator, initiative=second, comment=hidden_comment, reason="Reclame.")
    return published, submitted


def test_public_pages_and_email_log_in(page, url, audit, municipality, resident, neighbourhood, moderator):
    published, _ = _world(municipality, neighbourhood, resident, make_resident(municipality, neighbourhood), moderator)

    page.goto(url("/"))
    audit.check(page, "home")
    page.goto(url("/initiatieven/"))
    audit.check(page, "initiative-list")
    page.goto(url(f"/initiatieven/?kind=idea&neighbourhood={neighbourhood.pk}&sort=supported"))
    audit.check(page, "initiative-list-filtered")
    page.goto(url("/initiatieven/?q=onvindbaar"))
    audit.check(page, "initiative-list-empty")
    page.goto(url(f"/initiatieven/{published.pk}"))
    audit.check(page, "initiative-detail-anonymous")
    page.goto(url("/account/registreren"))
    audit.check(page, "register")
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    audit.check(page, "register-errors")
    page.goto(url("/account/medewerker/inloggen"))
    audit.check(page, "staff-login")
    response = page.goto(url("/bestaat-niet"))
    assert response.status == 404
    audit.check(page, "not-found")

    # The real e-mail link flow: log-in form, link sent, the link's confirmation page.
    page.goto(url("/account/inloggen"))
    audit.check(page, "login")
    page.get_by_label("E-mailadres").fill(resident.email)
    page.get_by_role("button", name=re.compile("link", re.I)).click()
    page.wait_for_url("**/inloggen/verstuurd")
    audit.check(page, "link-sent")
    link = re.search(r"https?://\S+/account/inloggen/link\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    audit.check(page, "link-confirm")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_text(f"Welkom, {resident.display_name}").is_visible()
    audit.assert_clean()


def test_resident_pages(page, context, url, audit, login_as, municipality, resident, neighbourhood, moderator):
    other = make_resident(municipality, neighbourhood)
    published, submitted = _world(municipality, neighbourhood, resident, other, moderator)
    login_as(context, other)

    page.goto(url(f"/initiatieven/{published.pk}"))
    audit.check(page, "initiative-detail-resident")
    page.goto(url("/account/profiel"))
    audit.check(page, "profile")
    page.goto(url("/initiatieven/nieuw"))
    audit.check(page, "initiative-create")
    page.get_by_label("Buurt", exact=True).select_option(label="Kies een buurt")
    page.get_by_role("button", name="Indienen").click()
    assert page.get_by_role("alert").first.is_visible()
    audit.check(page, "initiative-create-errors")

    page.context.clear_cookies()
    login_as(context, resident)
    page.goto(url(f"/initiatieven/{submitted.pk}"))
    audit.check(page, "initiative-detail-author-submitted")
    page.goto(url("/initiatieven/mijn"))
    audit.check(page, "my-initiatives")
    audit.assert_clean()


def test_moderator_pages(page, url, audit, staff_login_in_browser, municipality, resident, neighbourhood, moderator):
    published, submitted = _world(
        municipality, neighbourhood, resident, make_resident(municipality, neighbourhood), moderator
    )
    staff_login_in_browser(page, moderator)
    audit.check(page, "staff-home")
    page.goto(url("/initiatieven/beheer/moderatie"))
    audit.check(page, "moderation-queue")
    page.goto(url("/initiatieven/beheer/lijst"))
    audit.check(page, "staff-list")
    page.goto(url(f"/initiatieven/{submitted.pk}"))
    audit.check(page, "initiative-detail-moderator")
    page.goto(url(f"/initiatieven/{published.pk}"))
    audit.check(page, "initiative-detail-moderator-published")
    audit.assert_clean()


def test_admin_pages(page, url, audit, staff_login_in_browser, municipality, make_staff):
    admin = make_staff(Role.ADMIN)
    make_staff(Role.MODERATOR)
    staff_login_in_browser(page, admin)
    page.goto(url("/beheer/gemeente"))
    audit.check(page, "admin-municipality")
    page.goto(url("/beheer/wijken"))
    audit.check(page, "admin-places")
    page.goto(url("/beheer/rollen"))
    audit.check(page, "admin-roles")
    audit.assert_clean()
