import io

import pytest
from django.core.management import call_command

from zwerm.core.selectors import municipality_for_host
from zwerm.places.models import District, Neighbourhood
from zwerm.places.selectors import neighbourhood_for_postcode
from zwerm.places.services import places_import_csv

GOOD_CSV = "wijkcode;wijknaam;buurtcode;buurtnaam;postcodes\nWK000102;Zuid;BU00010201;Akkers;1234AB 1234AC\n"


def test_the_host_name_picks_the_municipality(municipality, other_municipality):
    assert municipality_for_host(host="andersum.localhost:8000") == other_municipality
    assert municipality_for_host(host="testdam.localhost") == municipality


def test_an_unknown_host_gets_the_configured_default(municipality, other_municipality, settings):
    settings.ZWERM_DEFAULT_MUNICIPALITY = "andersum"
    assert municipality_for_host(host="elders.example") == other_municipality
    settings.ZWERM_DEFAULT_MUNICIPALITY = ""
    assert municipality_for_host(host="elders.example") == municipality


def test_places_import_from_csv_with_postcodes(municipality):
    report = places_import_csv(municipality=municipality, text=GOOD_CSV)
    assert report.errors == [] and report.neighbourhoods_created == 1
    assert neighbourhood_for_postcode(municipality=municipality, postcode="1234 ab").code == "BU00010201"


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("wijk;buurt\nWK000102;BU00010201\n", "Kolommen ontbreken"),
        ("wijkcode;wijknaam;buurtcode;buurtnaam\nWK999902;Zuid;BU99990201;Akkers\n", "hoort niet bij Testdam"),
        ("wijkcode;wijknaam;buurtcode;buurtnaam\nWK000102;Zuid;BU00010301;Akkers\n", "hoort niet bij wijk"),
        (
            "wijkcode;wijknaam;buurtcode;buurtnaam;postcodes\nWK000102;Zuid;BU00010201;Akkers;12AB\n",
            "Ongeldige postcode",
        ),
    ],
)
def test_a_bad_csv_imports_nothing_and_names_the_line(municipality, csv_text, message):
    before = (District.objects.count(), Neighbourhood.objects.count())
    report = places_import_csv(municipality=municipality, text=csv_text)
    assert any(message in e for e in report.errors), report.errors
    assert (District.objects.count(), Neighbourhood.objects.count()) == before


def test_the_import_command(municipality, tmp_path):
    path = tmp_path / "wijken.csv"
    path.write_text(GOOD_CSV, encoding="cp1252")
    out = io.StringIO()
    call_command("import_places", str(path), "--municipality", "testdam", stdout=out)
    assert "1 buurten toegevoegd" in out.getvalue()


def test_demo_data_fills_once_and_a_second_run_changes_nothing(db):
    from zwerm.initiatives.models import Comment, Initiative, Support

    call_command("demo_data", stdout=io.StringIO())
    counts = (
        District.objects.count(),
        Neighbourhood.objects.count(),
        Initiative.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
    )
    assert counts[0] >= 3 and counts[1] >= 10 and counts[2] >= 30 and counts[3] > 0 and counts[4] > 0
    assert Initiative.objects.values("status").distinct().count() >= 5
    out = io.StringIO()
    call_command("demo_data", stdout=out)
    assert "niets veranderd" in out.getvalue()
    assert counts == (
        District.objects.count(),
        Neighbourhood.objects.count(),
        Initiative.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
    )


def test_a_changed_theme_shows_without_waiting_for_the_host_cache(client, municipality):
    from zwerm.core.services import municipality_update_texts

    assert "voorbeeld-theme" in client.get("/", HTTP_HOST="testdam.localhost").content.decode()
    municipality_update_texts(
        municipality=municipality,
        welcome_title="",
        welcome_text="",
        contact_email="",
        theme_class="testdam-theme",
        theme_stylesheet="",
    )
    assert "testdam-theme" in client.get("/", HTTP_HOST="testdam.localhost").content.decode()
