"""No personal data in any download or in the catalogue, and one municipality never in another's files."""

from tests.foundation.builders import make_initiative, make_resident

from .conftest import CONTACT, EMAIL, PERSONAL, named_staff, public_process
from .helpers import KEYS, everything, get, read_json


def test_no_names_email_addresses_or_phone_numbers_in_any_download(client, filled, themed, author, lead):
    text = everything(client)
    assert "Bankjes in het park" in text and "Nieuwe schommels plaatsen" in text  # the data itself is there
    for value in PERSONAL:
        assert value not in text, value
    for person in (author, lead, *filled["supporters"]):
        assert person.email not in text and person.display_name not in text


def test_masked_text_says_what_was_removed(client, filled):
    rows = read_json(get(client, "/open-data/besluiten.json"))["rijen"]
    assert "[telefoonnummer]" in rows[0]["redenen"] and "[e-mailadres]" in rows[0]["redenen"]


def test_another_municipality_never_appears_in_these_downloads(
    client, filled, other_municipality, django_capture_on_commit_callbacks
):
    from zwerm.accounts import services as accounts
    from zwerm.accounts.roles import Role
    from zwerm.places.services import district_save, neighbourhood_save

    from .conftest import PASSWORD

    district = district_save(municipality=other_municipality, code="WK000201", name="Andersum Oost")
    hood = neighbourhood_save(municipality=other_municipality, district=district, code="BU00020101", name="Oostbuurt")
    admin = accounts.staff_user_create(email="beheer@andersum.example", display_name="Beheer A", password=PASSWORD)
    accounts.role_bootstrap_admin(municipality=other_municipality, user=admin)
    lead = named_staff(other_municipality, admin, Role.PROCESS_LEAD, name="Leider Andersum", email="l@andersum.example")
    moderator = named_staff(other_municipality, admin, Role.MODERATOR, name="Moderator A", email="m@andersum.example")
    resident = make_resident(other_municipality, hood, name="Inwoner Andersum")
    with django_capture_on_commit_callbacks(execute=True):
        make_initiative(other_municipality, resident, hood, title="Andersums eigen plan", publish_by=moderator)
        public_process(other_municipality, lead, admin, title="Andersums traject", text=CONTACT)

    ours, theirs = everything(client), everything(client, host="andersum.localhost")
    for marker in ("Andersums eigen plan", "Andersums traject", "GM0002", "Andersum Oost", "andersum.localhost"):
        assert marker not in ours, marker
        assert marker in theirs, marker
    for marker in ("Bankjes in het park", "Speeltuin Noord", "GM0001", "testdam.localhost"):
        assert marker not in theirs, marker
    for key in KEYS:
        document = read_json(get(client, f"/open-data/{key}.json", host="andersum.localhost"))
        assert document["gemeente"]["cbs_code"] == "GM0002"
    assert EMAIL not in theirs
