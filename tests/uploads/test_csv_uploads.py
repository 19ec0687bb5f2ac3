"""The CSV uploads of staff pages go through the same check: a size limit that holds before the file is read,
and text only (a spreadsheet's .xlsx or a photo named .csv is refused with a message)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.places.models import Neighbourhood

from .clamd import png_bytes

HOST = "testdam.localhost"


class UnreadableBody:
    def read(self, *args):
        raise AssertionError("the upload was read")

    readline = read


def test_the_places_csv_upload_takes_text_only(client, make_staff):
    staff_login(client, make_staff(Role.ADMIN))
    before = Neighbourhood.objects.count()
    upload = SimpleUploadedFile("wijken.csv", b"PK\x03\x04" + b"\0" * 200, content_type="text/csv")
    response = client.post("/beheer/wijken", {"action": "csv", "file": upload}, HTTP_HOST=HOST)
    assert "Dit bestand is geen CSV-bestand (tekst)" in response.content.decode()
    assert Neighbourhood.objects.count() == before


def test_the_places_csv_upload_that_says_it_is_too_large_is_refused_unread(client, make_staff):
    staff_login(client, make_staff(Role.ADMIN))
    response = client.post(
        "/beheer/wijken",
        {"action": "csv"},
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(6 * 2**20),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/wijken"
    assert "te groot (hoogstens 5 MB)" in client.get("/beheer/wijken", HTTP_HOST=HOST).content.decode()


def test_an_image_is_no_address_list(client, make_staff, municipality):
    from zwerm.budgets.forms import VoteCodeForm

    form = VoteCodeForm({}, {"addresses": SimpleUploadedFile("adressen.csv", png_bytes())})
    assert not form.is_valid() and "geen CSV-bestand" in str(form.errors["addresses"])
