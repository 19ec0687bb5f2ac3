"""Budget projects and processes take a place too; the API gives every place rounded, as GeoJSON."""

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from tests.api.builders import build_world
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.budgets.models import Project
from zwerm.initiatives import services as initiatives
from zwerm.locations.points import Point, public_point
from zwerm.processes import services as processes

HOST = "testdam.localhost"
EXACT = Point(lon=5.123457, lat=52.098765)
SQUARE = {"type": "Polygon", "coordinates": [[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1], [5.1, 52.1], [5.1, 52.0]]]}


@pytest.fixture
def world(municipality, neighbourhood, make_staff):
    return build_world(municipality, neighbourhood, make_staff, sensing=False)


def api_get(path):
    response = APIClient().get(f"/api/v1/{path}", HTTP_HOST=HOST)
    assert response.status_code == 200, response.content[:500]
    return response


def test_the_process_lead_places_a_process_and_its_buurt_follows(world, neighbourhood):
    from zwerm.places.services import neighbourhood_shape_save

    neighbourhood_shape_save(neighbourhood=neighbourhood, geometry=SQUARE)
    lead = world.staff[Role.PROCESS_LEAD]
    processes.process_locate(process=world.process, actor=lead, location=EXACT)
    world.process.refresh_from_db()
    assert world.process.location == EXACT and world.process.location_neighbourhood == neighbourhood
    processes.process_locate(process=world.process, actor=lead, location=None)
    world.process.refresh_from_db()
    assert world.process.location is None and world.process.location_neighbourhood is None


def test_only_the_lead_or_an_admin_places_a_process(world):
    with pytest.raises(PermissionDenied):
        processes.process_locate(process=world.process, actor=world.staff[Role.SPECIALIST], location=EXACT)


def test_a_project_from_an_initiative_takes_its_place_along(world, municipality, neighbourhood, resident):
    initiative = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Bij de vijver.",
        neighbourhood=neighbourhood,
        location=EXACT,
    )
    initiatives.initiative_status_change(
        initiative=initiative, actor=world.staff[Role.MODERATOR], to_status="published", reason="Goed."
    )
    lead = world.staff[Role.PROCESS_LEAD]
    budget = budgets.budget_create(
        process=world.process, actor=lead, title="Nog een budget", total_amount=1000, ballot_type="approval"
    )
    project = budgets.project_from_initiative(budget=budget, actor=lead, initiative_id=initiative.pk)
    assert project.location == EXACT


def test_the_api_gives_places_rounded_as_geojson(world):
    lead = world.staff[Role.PROCESS_LEAD]
    processes.process_locate(process=world.process, actor=lead, location=EXACT)
    project = Project.objects.filter(budget=world.budget).first()
    budgets.project_locate(project=project, actor=lead, location=EXACT)
    shown = public_point(EXACT).as_geojson()

    body = api_get(f"processes/{world.process.slug}").json()
    assert body["point"] == shown
    response = api_get(f"budgets/{world.budget.pk}")
    (placed,) = [row for row in response.json()["projects"] if row["id"] == project.pk]
    assert placed["point"] == shown
    for text in (response.content.decode(), api_get(f"processes/{world.process.slug}").content.decode()):
        assert "5.123457" not in text and "52.098765" not in text
    listed = api_get("initiatives").json()["results"]
    assert listed and all(row["point"] is None for row in listed)  # the world's initiatives have no place


def test_the_openapi_schema_describes_the_point(world):
    schema = APIClient().get("/api/v1/openapi.json", HTTP_HOST=HOST).json()
    point = schema["components"]["schemas"]["GeoJSONPoint"]
    assert point["properties"]["type"]["$ref"].endswith("/GeoJSONPointTypeEnum")
    assert schema["components"]["schemas"]["GeoJSONPointTypeEnum"]["enum"] == ["Point"]
    assert schema["components"]["schemas"]["Initiative"]["properties"]["point"]["nullable"] is True
    assert schema["components"]["schemas"]["Project"]["properties"]["point"]["nullable"] is True


def test_the_staff_page_places_a_project_without_javascript(client, world):
    from tests.foundation.builders import staff_login

    staff_login(client, world.staff[Role.PROCESS_LEAD])
    project = Project.objects.filter(budget=world.budget).first()
    url = f"/buurtbudget/{world.budget.pk}/projecten/{project.pk}/plek"
    assert client.get(url, HTTP_HOST=HOST).status_code == 200
    response = client.post(url, {"location_lon": "5.123457", "location_lat": "52.098765"}, HTTP_HOST=HOST)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.location == EXACT


def test_open_data_gives_initiatives_and_processes_with_a_place_as_geojson(client, world):
    import json

    lead = world.staff[Role.PROCESS_LEAD]
    processes.process_locate(process=world.process, actor=lead, location=EXACT)
    response = client.get("/open-data/trajecten.geojson", HTTP_HOST=HOST)
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    text = b"".join(response.streaming_content).decode()
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    (only,) = collection["features"]  # the draft and the processes without a place are not in it
    assert only["geometry"] == public_point(EXACT).as_geojson()
    assert only["properties"]["id"] == world.process.pk
    assert "5.123457" not in text and "52.098765" not in text
    csv = b"".join(client.get("/open-data/trajecten.csv", HTTP_HOST=HOST).streaming_content).decode()
    assert "_geometry" not in csv and str(public_point(EXACT).lon) not in csv  # CSV stays without decimals
    assert client.get("/open-data/initiatieven.geojson", HTTP_HOST=HOST).status_code == 200
    assert client.get("/open-data/besluiten.geojson", HTTP_HOST=HOST).status_code == 404
    catalog = client.get("/open-data/catalog.jsonld", HTTP_HOST=HOST).content.decode()
    assert "trajecten.geojson" in catalog and "besluiten.geojson" not in catalog


def test_the_budget_page_maps_its_placed_projects_and_the_process_page_shows_its_place(client, world):
    lead = world.staff[Role.PROCESS_LEAD]
    project = Project.objects.filter(budget=world.budget).first()
    html = client.get(f"/buurtbudget/{world.budget.pk}", HTTP_HOST=HOST).content.decode()
    assert "location-points__svg" not in html  # no project has a place yet: no empty map
    budgets.project_locate(project=project, actor=lead, location=EXACT)
    processes.process_locate(process=world.process, actor=lead, location=EXACT)
    html = client.get(f"/buurtbudget/{world.budget.pk}", HTTP_HOST=HOST).content.decode()
    assert "location-points__svg" in html and f'href="#project-{project.pk}"' in html
    assert f'id="project-{project.pk}"' in html
    html = client.get(f"/trajecten/{world.process.slug}", HTTP_HOST=HOST).content.decode()
    shown = public_point(EXACT)
    assert f'data-lon="{shown.lon}"' in html and "ongeveer hier" in html
    for page in (html, client.get(f"/buurtbudget/{world.budget.pk}", HTTP_HOST=HOST).content.decode()):
        assert "5.123457" not in page and "52.098765" not in page
