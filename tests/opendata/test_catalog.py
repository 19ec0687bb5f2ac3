"""The DCAT catalogue describes every dataset, and every address in it answers with what it promises."""

import json
from urllib.parse import urlsplit

import pytest

from .helpers import KEYS, get

REQUIRED_DATASET_KEYS = (
    "dct:title",
    "dct:description",
    "dct:publisher",
    "dcat:contactPoint",
    "dct:license",
    "dct:accessRights",
    "dcat:theme",
    "dct:spatial",
    "dcat:distribution",
    "dcat:landingPage",
)
REQUIRED_DISTRIBUTION_KEYS = ("dcat:accessURL", "dcat:downloadURL", "dcat:mediaType", "dct:format", "dct:license")


@pytest.fixture
def catalog(client, filled):
    response = get(client, "/open-data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def _path(url: str) -> str:
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testdam.localhost", url
    return parts.path


def test_the_catalogue_is_a_dcat_catalog_published_by_the_municipality(catalog):
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert catalog["dct:title"] == {"@language": "nl", "@value": "Open data van Testdam"}
    publisher = catalog["dct:publisher"]
    assert publisher["@id"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0001"
    assert publisher["dct:identifier"] == "GM0001"
    assert publisher["foaf:name"]["@value"] == "Testdam"
    assert catalog["dct:spatial"]["dct:identifier"] == "GM0001"
    assert catalog["dct:license"]["@id"].endswith("/licence/CC0")
    assert catalog["dct:modified"]["@type"] == "xsd:dateTime"


GEOJSON = ("initiatieven", "trajecten")


def test_every_dataset_is_described_with_the_required_properties(catalog):
    datasets = catalog["dcat:dataset"]
    assert [d["@id"].rsplit("#", 1)[1] for d in datasets] == list(KEYS)
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        for key in REQUIRED_DATASET_KEYS:
            assert dataset.get(key), (dataset["@id"], key)
        assert dataset["dct:title"]["@language"] == "nl" and dataset["dct:title"]["@value"]
        assert dataset["dct:publisher"]["@id"] == catalog["dct:publisher"]["@id"]
        assert all(
            t["@id"].startswith("http://publications.europa.eu/resource/authority/data-theme/")
            for t in dataset["dcat:theme"]
        )
        assert dataset["dct:spatial"][0]["dct:identifier"] == "GM0001"
        # Datasets whose rows have a place are also offered as GeoJSON (ADR 0026).
        formats = {"CSV", "JSON", "GEOJSON"} if dataset["@id"].rsplit("#", 1)[1] in GEOJSON else {"CSV", "JSON"}
        assert {d["dct:format"]["@id"].rsplit("/", 1)[1] for d in dataset["dcat:distribution"]} == formats
        for distribution in dataset["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            for key in REQUIRED_DISTRIBUTION_KEYS:
                assert distribution.get(key), (distribution["@id"], key)


def test_datasets_with_data_say_when_they_changed(catalog):
    by_key = {d["@id"].rsplit("#", 1)[1]: d for d in catalog["dcat:dataset"]}
    assert by_key["initiatieven"]["dct:modified"]["@type"] == "xsd:dateTime"
    assert "dct:modified" not in by_key["signalen"]  # no themes yet in this municipality


def test_every_download_address_answers_with_its_media_type(client, catalog):
    for dataset in catalog["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            assert distribution["dcat:accessURL"]["@id"] == url
            response = get(client, _path(url))
            assert response.status_code == 200, url
            media_type = distribution["dcat:mediaType"]["@id"].removeprefix(
                "https://www.iana.org/assignments/media-types/"
            )
            assert response["Content-Type"].split(";")[0] == media_type
        landing = dataset["dcat:landingPage"]["@id"]
        page = get(client, _path(landing))
        assert page.status_code == 200 and f'id="{landing.rsplit("#", 1)[1]}"' in page.content.decode()


def test_the_sensing_dataset_names_the_wijken_it_covers(catalog, municipality):
    from zwerm.places.selectors import district_list

    (sensing,) = [d for d in catalog["dcat:dataset"] if d["@id"].endswith("#signalen")]
    codes = {place["dct:identifier"] for place in sensing["dct:spatial"]}
    assert codes == {"GM0001", *(d.code for d in district_list(municipality=municipality))}


def test_the_contact_point_is_the_municipality(client, filled, municipality):
    from zwerm.core.services import municipality_update_texts

    municipality_update_texts(
        municipality=municipality,
        welcome_title="",
        welcome_text="",
        contact_email="info@testdam.example",
        theme_class=municipality.theme_class,
        theme_stylesheet="",
    )
    catalog = json.loads(get(client, "/open-data/catalog.jsonld").content)
    contact = catalog["dcat:dataset"][0]["dcat:contactPoint"]
    assert contact["vcard:hasEmail"]["@id"] == "mailto:info@testdam.example"
    assert contact["vcard:fn"]["@value"] == "Testdam"


def test_the_catalogue_is_also_there_as_turtle(client, filled):
    response = get(client, "/open-data/catalog.ttl")
    assert response.status_code == 200 and response["Content-Type"] == "text/turtle; charset=utf-8"
    text = response.content.decode()
    assert "@prefix dcat: <http://www.w3.org/ns/dcat#> ." in text
    assert "<http://testdam.localhost/open-data/catalog.jsonld>\n    a dcat:Catalog" in text
    assert "<http://testdam.localhost/open-data/#initiatieven>\n    a dcat:Dataset" in text
    assert "dcat:downloadURL <http://testdam.localhost/open-data/initiatieven.csv>" in text
    assert '"Open data van Testdam"@nl' in text
    assert text.count("    a dcat:Distribution ;") == 2 * len(KEYS) + len(GEOJSON)
