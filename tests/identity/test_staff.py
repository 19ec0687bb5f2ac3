"""Staff log in at the municipality's identity provider; staff pages still need a second factor."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.foundation.builders import current_code, staff_login
from zwerm.accounts.models import ExternalIdentity, RoleAssignment, User
from zwerm.accounts.roles import Role

from .conftest import oidc_login, staff_settings

START = "/account/oidc/medewerker/start"
HOST = "testdam.localhost"


def as_person(provider, user, *, sub="medewerker-1", amr=None, **userinfo):
    provider.person = {"sub": sub, **({"amr": amr} if amr is not None else {})}
    provider.userinfo_extra = {"email": user.email.upper(), "email_verified": True, **userinfo}


def staff_page(client):
    return client.get("/medewerkers", HTTP_HOST=HOST)


def test_a_second_factor_at_the_provider_opens_staff_pages(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, amr=["pwd", "mfa"])

    response = oidc_login(client, f"{START}?next=/medewerkers")

    assert response.status_code == 302 and response["Location"] == "/medewerkers"
    assert staff_page(client).status_code == 200
    assert ExternalIdentity.objects.get(user=moderator).subject == "medewerker-1"


def test_an_accepted_acr_value_counts_as_a_second_factor(client, make_staff, staff_on, settings):
    settings.ZWERM_OIDC_STAFF = staff_settings(staff_on.issuer, mfa_amr=[], mfa_acr=["urn:gemeente:loa:hoog"])
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator)
    staff_on.person["acr"] = "urn:gemeente:loa:hoog"
    oidc_login(client, START)
    assert staff_page(client).status_code == 200


def test_without_a_second_factor_at_the_provider_staff_enter_their_totp_code(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, amr=["pwd"])

    response = oidc_login(client, f"{START}?next=/medewerkers")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/oidc/medewerker/code?next=%2Fmedewerkers")
    # Logged in, but staff pages stay shut until the code is given.
    assert client.session.get("_auth_user_id") == str(moderator.pk)
    assert staff_page(client)["Location"].startswith("/account/medewerker/inloggen")

    right = client.post(response["Location"], {"token": current_code(moderator)}, HTTP_HOST=HOST)
    assert right.status_code == 302 and right["Location"] == "/medewerkers"
    assert staff_page(client).status_code == 200


def test_a_wrong_totp_code_keeps_staff_pages_shut(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, amr=["pwd"])
    response = oidc_login(client, START)

    wrong = client.post(response["Location"], {"token": "000000"}, HTTP_HOST=HOST)

    assert wrong.status_code == 200 and "geldige code" in wrong.content.decode()
    assert staff_page(client).status_code == 302


def test_staff_without_an_authenticator_link_one_first(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    TOTPDevice.objects.filter(user=moderator).delete()
    as_person(staff_on, moderator)

    response = oidc_login(client, START)

    assert response["Location"].startswith("/account/medewerker/authenticator")
    assert client.get(response["Location"], HTTP_HOST=HOST).status_code == 200  # the QR code page opens
    assert staff_page(client).status_code == 302


def test_the_code_step_is_only_for_a_staff_provider_login(client, resident, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    client.force_login(moderator)  # as an e-mail link would
    response = client.post("/account/oidc/medewerker/code", {"token": current_code(moderator)}, HTTP_HOST=HOST)
    assert response["Location"] == "/account/medewerker/inloggen"
    assert staff_page(client).status_code == 302


def test_the_next_login_finds_the_account_by_sub_even_with_a_new_address(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, amr=["mfa"])
    oidc_login(client, START)
    client.logout()

    staff_on.userinfo_extra = {"email": "nieuw-adres@gemeente.example", "email_verified": True}
    oidc_login(client, START)

    assert client.session.get("_auth_user_id") == str(moderator.pk)


def test_an_unknown_address_gets_no_account(client, municipality, staff_on):
    staff_on.person = {"sub": "onbekend", "amr": ["mfa"]}
    staff_on.userinfo_extra = {"email": "onbekend@gemeente.example", "email_verified": True}

    response = oidc_login(client, START)

    assert response.status_code == 403
    assert "geen medewerkersaccount" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="onbekend@gemeente.example").exists()


def test_an_unverified_address_is_not_trusted(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, amr=["mfa"], email_verified=False)
    response = oidc_login(client, START)
    assert response.status_code == 403
    assert not ExternalIdentity.objects.exists()


def test_an_account_linked_to_another_person_at_the_provider_is_refused(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    as_person(staff_on, moderator, sub="eerste", amr=["mfa"])
    oidc_login(client, START)
    client.logout()
    as_person(staff_on, moderator, sub="tweede", amr=["mfa"])  # the address now belongs to someone else there

    response = oidc_login(client, START)

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_resident_account_is_not_a_staff_account(client, resident, staff_on):
    as_person(staff_on, resident, amr=["mfa"])
    response = oidc_login(client, START)
    assert response.status_code == 403
    assert not ExternalIdentity.objects.exists()  # nothing half-saved


def test_the_provider_grants_no_role_without_a_mapping(client, resident, staff_on):
    as_person(staff_on, resident, amr=["mfa"], groups=["zwerm-moderatoren"])
    staff_on.person["groups"] = ["zwerm-moderatoren"]
    oidc_login(client, START)
    assert not RoleAssignment.objects.filter(user=resident).exists()


def test_a_configured_mapping_grants_and_withdraws_roles(client, municipality, other_municipality, staff_on, settings):
    settings.ZWERM_OIDC_STAFF = staff_settings(
        staff_on.issuer, roles_claim="groups", role_map=["zwerm-moderatoren=testdam:moderator"]
    )
    staff_on.person = {"sub": "nieuw", "amr": ["mfa"], "groups": ["zwerm-moderatoren"]}
    staff_on.userinfo_extra = {"email": "nieuw@gemeente.example", "email_verified": True, "name": "Nieuwe Collega"}

    oidc_login(client, START)

    user = User.objects.get(email="nieuw@gemeente.example")
    assert user.display_name == "Nieuwe Collega"
    assert set(RoleAssignment.objects.filter(user=user).values_list("municipality__slug", "role")) == {
        ("testdam", "moderator")
    }
    assert staff_page(client).status_code == 200
    client.logout()

    staff_on.person["groups"] = []
    response = oidc_login(client, START)

    assert response.status_code == 403
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_the_staff_login_page_offers_the_provider_only_when_it_is_on(client, municipality, settings, oidc_provider):
    page = client.get("/account/medewerker/inloggen", HTTP_HOST=HOST).content.decode()
    assert "Inloggen voor medewerkers via" not in page
    settings.ZWERM_OIDC_STAFF = staff_settings(oidc_provider.issuer)
    page = client.get("/account/medewerker/inloggen", HTTP_HOST=HOST).content.decode()
    assert "Inloggen voor medewerkers via Testinlog" in page


def test_a_password_login_still_works_with_the_plug_in_on(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    staff_login(client, moderator)
    assert staff_page(client).status_code == 200
    assert staff_on.token_requests == 0


def test_role_grants_through_the_admin_are_left_alone_by_the_mapping(client, make_staff, staff_on, settings):
    settings.ZWERM_OIDC_STAFF = staff_settings(
        staff_on.issuer, roles_claim="groups", role_map=["zwerm-moderatoren=testdam:moderator"]
    )
    specialist = make_staff(Role.SPECIALIST)
    as_person(staff_on, specialist, amr=["mfa"])
    oidc_login(client, START)
    roles = set(RoleAssignment.objects.filter(user=specialist).values_list("role", flat=True))
    assert roles == {"specialist"}
