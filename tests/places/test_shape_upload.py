"""Staff upload the CBS wijk- en buurtkaart (GeoJSON or GeoPackage) on /beheer/wijken, through the real form:
the page links to the upload, the file passes core.uploads' checks, and the import is all or nothing. The
files are made up here, by the test (the helpers of test_import_shapes), never real CBS data."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.places.models import District, DistrictShape, Neighbourhood, NeighbourhoodShape
from zwerm.places.selectors import neighbourhood_at

from .test_import_shapes import LAT, LON, features_2023, geojson_file, gpkg_file, rd_square

HOST = "testdam.localhost"


def upload_through_the_page(client, path, name=None):
    """Open the wijken page, find the shapes form's action there and post the file to it (as a browser without
    JavaScript would), then follow the redirect back to the page."""
    page = client.get("/beheer/wijken", HTTP_HOST=HOST).content.decode()
    actions = re.findall(r'<form method="post" action="([^"]+)"', page)
    assert "/beheer/wijken/vormen" in actions
    assert 'name="file"' in page and "GeoJSON- of GeoPackage-bestand" in page
    upload = SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="application/octet-stream")
    return client.post("/beheer/wijken/vormen", {"file": upload}, HTTP_HOST=HOST, follow=True)


def test_an_admin_imports_a_geojson_kaart_and_sees_what_came_in(client, make_staff, municipality, tmp_path):
    staff_login(client, make_staff(Role.ADMIN))
    response = upload_through_the_page(client, geojson_file(tmp_path, features_2023()))
    assert response.redirect_chain == [("/beheer/wijken", 302)]
    text = response.content.decode()
    assert "Vormen ingelezen: 2 van wijken en 3 van buurten. Nieuw: 2 wijken en 3 buurten; 0 bijgewerkt." in text
    assert "Domplein (BU00019102)" in text  # the page's table lists the new buurten
    assert NeighbourhoodShape.objects.count() == 3 and DistrictShape.objects.count() == 2
    assert neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001).name == "Domplein"


def test_a_geopackage_under_any_name_is_read_by_its_content(client, make_staff, municipality, tmp_path):
    staff_login(client, make_staff(Role.ADMIN))
    rows = features_2023()
    path = gpkg_file(tmp_path, {"wijken": rows[:1], "buurten": rows[1:5]})
    response = upload_through_the_page(client, path, name="kaart.bin")
    assert "Vormen ingelezen: 2 van wijken en 3 van buurten." in response.content.decode()
    assert neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001).code == "BU00019102"


def test_a_bad_file_imports_nothing_and_says_why(client, make_staff, municipality, tmp_path):
    staff_login(client, make_staff(Role.ADMIN))
    before = (District.objects.count(), Neighbourhood.objects.count())
    # One buurt is a line, not an area: the wijk and the good buurten before it must not stay behind either.
    rows = [*features_2023()[:3], ({"buurtcode": "BU00019103", "buurtnaam": "Streep"}, rd_square(0, 0).boundary)]
    response = upload_through_the_page(client, geojson_file(tmp_path, rows))
    text = response.content.decode()
    assert response.status_code == 200 and "Er is niets geïmporteerd" in text and "BU00019103" in text
    assert (District.objects.count(), Neighbourhood.objects.count()) == before
    assert not NeighbourhoodShape.objects.exists()

    # Not a kaart at all: an image is refused by the upload check, in the form, before it is read.
    png = SimpleUploadedFile("kaart.geojson", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    response = client.post("/beheer/wijken/vormen", {"file": png}, HTTP_HOST=HOST)
    assert "Dit bestand is geen GeoJSON- of GeoPackage-bestand" in response.content.decode()

    # Text that is no GeoJSON, and a kaart with only another municipality's buurten.
    for content in (b"wijkcode;wijknaam\nWK000191;Binnenstad\n", None):
        if content is None:
            content = geojson_file(tmp_path, features_2023()[4:5], name="elders.geojson").read_bytes()
        upload = SimpleUploadedFile("kaart.geojson", content)
        response = client.post("/beheer/wijken/vormen", {"file": upload}, HTTP_HOST=HOST, follow=True)
        text = response.content.decode()
        assert "Er is niets geïmporteerd" in text
        assert "geen leesbare GeoJSON of GeoPackage" in text or "geen wijken of buurten van" in text
    assert (District.objects.count(), Neighbourhood.objects.count()) == before


def test_only_admins_upload_shapes(client, make_staff, municipality, tmp_path):
    staff_login(client, make_staff(Role.MODERATOR))
    upload = SimpleUploadedFile("kaart.geojson", geojson_file(tmp_path, features_2023()).read_bytes())
    response = client.post("/beheer/wijken/vormen", {"file": upload}, HTTP_HOST=HOST)
    assert response.status_code == 403 and not Neighbourhood.objects.filter(code="BU00019101").exists()


class UnreadableBody:
    def read(self, *args):
        raise AssertionError("the upload was read")

    readline = read


def test_a_kaart_that_says_it_is_too_large_is_refused_unread(client, make_staff, municipality):
    staff_login(client, make_staff(Role.ADMIN))
    response = client.post(
        "/beheer/wijken/vormen",
        {},
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(51 * 2**20),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/wijken"
    assert "te groot (hoogstens 50 MB)" in client.get("/beheer/wijken", HTTP_HOST=HOST).content.decode()
