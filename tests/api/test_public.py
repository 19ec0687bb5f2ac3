"""What anyone may read: published content and aggregated figures of the host's municipality only."""

import json

import pytest

from tests.sensing_platform.conftest import residents_write_now
from zwerm.api.serializers.common import people

from .builders import PHONE, World, build_dialogue, build_sensing


def ids(response) -> list:
    return [row["id"] for row in response.json()["results"]]


# --- initiatives --------------------------------------------------------------------------------------


def test_only_published_initiatives_that_are_not_hidden_are_listed(api, world):
    assert ids(api.get("initiatives")) == [world.initiative.pk]
    for unpublished in (world.submitted, world.hidden):
        assert api.get(f"initiatives/{unpublished.pk}").status_code == 404
        assert api.get(f"initiatives/{unpublished.pk}/status-changes").status_code == 404


def test_a_token_does_not_open_unpublished_initiatives_for_reading(api, world):
    token = world.tokens["moderator"]
    assert ids(api.get("initiatives", token=token)) == [world.initiative.pk]
    assert api.get(f"initiatives/{world.submitted.pk}", token=token).status_code == 404


def test_the_public_text_is_masked_and_the_author_is_never_named(api, world):
    response = api.get(f"initiatives/{world.initiative.pk}")
    body = response.json()
    assert PHONE not in response.content.decode() and "[telefoonnummer]" in body["body"]
    author = world.initiative.author
    for private in (author.email, author.display_name, "Anna"):
        assert private not in response.content.decode()
    assert body["url"] == f"http://testdam.localhost/initiatieven/{world.initiative.pk}"


def test_fewer_than_five_supporters_are_not_counted_in_public(api, world, municipality, neighbourhood):
    assert api.get(f"initiatives/{world.initiative.pk}").json()["supporters"] == {
        "value": None,
        "display": "minder dan 5",
    }
    assert people(7) == {"value": 7, "display": "7"}


def test_the_status_history_gives_reasons_without_names(api, world):
    history = api.get(f"initiatives/{world.initiative.pk}/status-changes").json()
    assert [(h["fromStatus"], h["toStatus"]) for h in history] == [(None, "submitted"), ("submitted", "published")]
    assert all(h["reason"] for h in history)
    assert "actor" not in history[0]


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"kind": "idea"}, True),
        ({"kind": "concern"}, False),
        ({"status": "published"}, True),
        ({"status": "realised"}, False),
        ({"q": "bankjes"}, True),
        ({"q": "fietsenstalling"}, False),
        ({"sort": "-supporters"}, True),
        ({"q": "!"}, False),  # only punctuation: nothing found, no crash (PostgreSQL full-text search)
    ],
)
def test_initiatives_can_be_filtered_searched_and_sorted(api, world, params, found):
    assert (ids(api.get("initiatives", params)) == [world.initiative.pk]) is found


def test_initiatives_filter_by_wijk_and_buurt(api, world):
    hood = world.initiative.neighbourhood
    assert ids(api.get("initiatives", {"neighbourhood": hood.pk})) == [world.initiative.pk]
    assert ids(api.get("initiatives", {"district": hood.district_id})) == [world.initiative.pk]
    assert ids(api.get("initiatives", {"district": hood.district_id + 1000})) == []


# --- tenancy ------------------------------------------------------------------------------------------


def test_another_municipality_sees_none_of_it(other_api, world, other_municipality):
    for path in ("initiatives", "processes", "dialogues", "budgets", "council-reports"):
        assert other_api.get(path).json()["count"] == 0, path
    for path in (
        f"initiatives/{world.initiative.pk}",
        f"initiatives/{world.initiative.pk}/status-changes",
        f"processes/{world.process.slug}",
        f"processes/{world.process.slug}/decisions",
        f"dialogues/{world.dialogue.pk}",
        f"budgets/{world.budget.pk}",
        f"council-reports/{world.report.pk}",
    ):
        response = other_api.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"


# --- processes, decisions, kaders -------------------------------------------------------------------------


def test_draft_processes_are_not_public(api, world):
    assert [p["slug"] for p in api.get("processes").json()["results"]] == [world.process.slug]
    assert api.get(f"processes/{world.draft.slug}").status_code == 404
    assert api.get(f"processes/{world.draft.slug}/decisions").status_code == 404
    assert api.get(f"processes/{world.draft.slug}", token=world.tokens["admin"]).status_code == 404


def test_a_process_shows_its_phases_components_figures_and_kaders(api, world):
    body = api.get(f"processes/{world.process.slug}").json()
    assert [p["title"] for p in body["phases"]] == ["Verkennen"]
    assert body["phases"][0]["current"] is True
    assert body["phases"][0]["changes"][0]["reason"] == "We beginnen met luisteren."
    assert [c["kind"] for c in body["components"]] == ["budget"]
    assert body["participation"]["followers"] == {"value": None, "display": "minder dan 5"}
    assert body["participation"]["decisions"] == 1
    assert [(f["kind"], f["budget"], f["setBy"]) for f in body["frames"]] == [("budget", "25000.00", "council")]
    assert world.process.lead.email not in json.dumps(body)


def test_the_decision_log_with_the_values_weighed(api, world):
    body = api.get(f"processes/{world.process.slug}/decisions").json()
    assert body["count"] == 1
    decision = body["results"][0]
    assert decision["title"] == "We houden drie bewonersavonden" and decision["decidedBy"] == "process_lead"
    assert decision["assessments"] == [{"value": "Samen", "weighed": True, "explanation": "Samen met de buurt."}]


def test_processes_filter_and_sort(api, world):
    assert api.get("processes", {"status": "closed"}).json()["count"] == 0
    assert api.get("processes", {"status": "active", "sort": "-createdAt"}).json()["count"] == 1
    assert api.get("processes", {"status": "draft"}).status_code == 400
    assert api.get("processes", {"sort": "lead"}).status_code == 400


# --- dialogues ----------------------------------------------------------------------------------------------


def test_a_dialogue_shows_its_latest_results_as_aggregates(api, world):
    body = api.get(f"dialogues/{world.dialogue.pk}").json()
    assert body["participation"]["participants"] == {"value": 6, "display": "6"}
    results = body["results"]
    assert results is not None and results["groups"]
    for group in results["groups"]:
        assert group["size"]["value"] is None or group["size"]["value"] >= 5
        for statement in group["statements"]:
            assert statement["text"] and 0 <= statement["share"] <= 100
    assert all(row["participants"] >= 5 for row in results["districts"])
    assert "coordinates" not in json.dumps(results) and 'participants": {"' not in json.dumps(results)


def test_a_dialogue_with_fewer_than_five_voters_publishes_no_results(api, world, neighbourhood):
    build_dialogue(world, neighbourhood, voters=3)
    body = api.get(f"dialogues/{world.dialogue.pk}").json()
    assert body["participation"]["participants"] == {"value": None, "display": "minder dan 5"}
    assert body["results"] is None


# --- budgets ---------------------------------------------------------------------------------------------------


def test_budgets_of_draft_processes_are_not_public(api, world):
    assert ids(api.get("budgets")) == [world.budget.pk]
    assert api.get(f"budgets/{world.draft_budget.pk}").status_code == 404
    assert api.get("budgets", {"status": "result"}).json()["count"] == 1
    assert api.get("budgets", {"status": "voting"}).json()["count"] == 0


def test_a_budget_shows_its_projects_and_published_count_without_proposers(api, world):
    response = api.get(f"budgets/{world.budget.pk}")
    body = response.json()
    assert [p["title"] for p in body["projects"]] == ["Project 1", "Project 2", "Project 3"]
    assert body["voters"] == {"value": 6, "display": "6"}
    result = body["result"]
    assert result["rule"] == "mes" and result["voters"]["value"] == 6
    assert any(p["funded"] for p in result["projects"])
    for project in result["projects"]:
        assert project["votes"]["value"] is None or project["votes"]["value"] >= 5
        assert project["explanation"]
    assert "Piet" not in response.content.decode()


# --- council -------------------------------------------------------------------------------------------------


def test_only_reports_sent_to_the_council_are_public(api, world):
    assert ids(api.get("council-reports")) == [world.report.pk]
    assert api.get(f"council-reports/{world.unsent_report.pk}").status_code == 404
    body = api.get(f"council-reports/{world.report.pk}").json()
    assert body["process"]["slug"] == world.process.slug
    assert body["content"]["format"] == "zwerm-council-report/1"
    assert api.get("council-reports", {"process": "ander-traject"}).json()["count"] == 0
    assert api.get("council-reports", {"process": world.process.slug}).json()["count"] == 1


# --- sensing --------------------------------------------------------------------------------------------------------


@pytest.fixture
def sensing_only(municipality):
    world = World(municipality=municipality, staff={})
    build_sensing(world)
    return world


def test_sensing_publishes_only_figures_of_five_or_more(api, sensing_only):
    themes = api.get("sensing/themes").json()
    assert themes, "six residents wrote about one theme"
    assert all(t["count"] >= 5 and t["key"].startswith("T") for t in themes)
    districts = {d["district"]["code"]: d["count"] for d in api.get("sensing/districts").json()}
    assert districts["WK000101"] == {"value": 6, "display": "6"}  # people, not their 8 texts and the reports
    assert districts["WK000102"]["value"] is None  # reports of unknown people alone: not given
    for alert in api.get("sensing/alerts").json():
        assert alert["count"] >= 5
    assert "text" not in json.dumps(themes)


def test_ten_texts_of_four_people_are_not_published_and_five_people_are(api, municipality):
    world = World(municipality=municipality, staff={})
    build_sensing(world, residents=0)
    residents_write_now(municipality, world.sensing_hood, people=4, texts=10)
    assert api.get("sensing/themes").json() == []
    districts = {d["district"]["code"]: d["count"]["value"] for d in api.get("sensing/districts").json()}
    assert districts["WK000101"] is None
    residents_write_now(municipality, world.sensing_hood, people=1, texts=1)
    (theme,) = api.get("sensing/themes").json()
    assert theme["count"] == 5
    districts = {d["district"]["code"]: d["count"]["value"] for d in api.get("sensing/districts").json()}
    assert districts["WK000101"] == 5


# --- challenges (uitdaagrecht) -------------------------------------------------------------------------


def test_the_register_of_challenges_is_public_with_deadlines_and_history(api, world):
    assert ids(api.get("challenges")) == [world.challenge.pk]
    response = api.get(f"challenges/{world.challenge.pk}")
    body = response.json()
    assert body["state"] == "received" and body["challengerName"] == "Buurtgroep Park"
    assert [d["key"] for d in body["deadlines"]] == ["receipt", "complete", "decision"]
    assert [d["state"] for d in body["deadlines"]] == ["met", "open", "open"]
    assert [e["step"] for e in body["events"]] == ["submitted", "received"]
    assert PHONE not in response.content.decode() and "sanne@example.org" not in response.content.decode()
    assert body["processSlug"] is None and body["decision"] is None


def test_a_challenge_of_another_municipality_is_not_found(other_api, world, other_municipality):
    assert other_api.get(f"challenges/{world.challenge.pk}").status_code == 404
    assert other_api.get("challenges").json()["results"] == []


def test_an_initiatives_visible_photos_are_listed_with_their_alternative_text(api, world, make_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.attachments.pictures import phone_photo
    from zwerm.accounts.roles import Role
    from zwerm.attachments import services as attachments

    def add(alt):
        return attachments.attachment_add(
            municipality=world.initiative.municipality,
            target=attachments.TargetRef("initiative", world.initiative.pk),
            uploader=world.initiative.author,
            upload=SimpleUploadedFile("foto.jpg", phone_photo(size=(200, 100)), content_type="image/jpeg"),
            alt_text=alt,
        )

    shown, hidden = add("Het grasveld"), add("Een kenteken")
    attachments.attachment_hide(moderator=make_staff(Role.MODERATOR), attachment=hidden, reason="Kenteken.")
    expected = [{"url": f"http://testdam.localhost/bijlagen/{shown.pk}", "alt": "Het grasveld"}]
    assert api.get(f"initiatives/{world.initiative.pk}").json()["images"] == expected
    (row,) = api.get("initiatives").json()["results"]
    assert row["images"] == expected
