"""Each dataset downloads as CSV that opens in Dutch Excel and as JSON, from the public page."""

import pytest
from django.utils import timezone

from .helpers import KEYS, body, get, read_csv, read_json


def test_the_page_lists_every_dataset_with_licence_and_both_formats(client, filled):
    page = get(client, "/open-data/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "CC0 1.0" in html and "creativecommons.org/publicdomain/zero/1.0" in html
    for key in KEYS:
        assert f'href="/open-data/{key}.csv"' in html and f'href="/open-data/{key}.json"' in html
    assert "Bijgewerkt op" in html
    assert 'href="/open-data/catalog.jsonld"' in html


def test_without_any_data_the_page_says_so_and_the_files_hold_only_the_columns(client, municipality):
    html = get(client, "/open-data/").content.decode()
    assert "Er zijn nog geen openbare gegevens" in html
    for key in KEYS:
        assert read_csv(get(client, f"/open-data/{key}.csv")) == []
        document = read_json(get(client, f"/open-data/{key}.json"))
        assert document["rijen"] == [] and document["kolommen"]


def test_the_footer_links_to_open_data(client, municipality):
    assert 'href="/open-data/"' in get(client, "/").content.decode()


@pytest.mark.parametrize("key", KEYS)
def test_csv_and_json_hold_the_same_rows_with_the_documented_columns(client, filled, key, request):
    if key == "signalen":
        request.getfixturevalue("themed")
    csv_response = get(client, f"/open-data/{key}.csv")
    json_response = get(client, f"/open-data/{key}.json")
    assert csv_response.status_code == json_response.status_code == 200
    assert csv_response.streaming and json_response.streaming
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert json_response["Content-Type"] == "application/json"
    assert csv_response["Content-Disposition"] == f'attachment; filename="testdam-{key}.csv"'
    document = read_json(json_response)
    columns = [c["naam"] for c in document["kolommen"]]
    rows = read_csv(csv_response)
    assert rows, "every dataset has data in this municipality"
    assert list(rows[0]) == columns
    assert len(rows) == len(document["rijen"])
    assert all(list(row) == columns for row in document["rijen"])
    assert document["gemeente"] == {"naam": "Testdam", "cbs_code": "GM0001"}
    assert "publicdomain/zero/1.0" in document["licentie"]


def test_csv_uses_semicolons_crlf_and_true_false(client, filled):
    raw = body(get(client, "/open-data/besluiten.csv")).decode("utf-8")
    header = raw.splitlines()[0]
    assert header.startswith("\ufeffid;url;traject_id;")
    assert "\r\n" in raw
    row = read_csv(get(client, "/open-data/besluiten.csv"))[0]
    assert row["buiten_de_kaders"] == "false" and row["is_gecorrigeerd"] == "false"
    assert row["besloten_door"] == "process_lead" and row["besloten_door_omschrijving"] == "procesambtenaar"


def test_initiatives_carry_where_what_and_how_much_support(client, filled):
    initiative = filled["initiative"]
    row = read_json(get(client, "/open-data/initiatieven.json"))["rijen"][0]
    assert row["id"] == initiative.pk
    assert row["url"] == f"http://testdam.localhost/initiatieven/{initiative.pk}"
    assert row["soort"] == "idea" and row["soort_omschrijving"] == "idee"
    assert row["status"] == "published" and row["buurtcode"] == initiative.neighbourhood.code
    assert row["wijkcode"] == initiative.neighbourhood.district.code
    assert row["aantal_steunbetuigingen"] == 6  # six supporters: shown
    assert row["aantal_reacties"] is None  # one comment: fewer than five, not published
    assert "[telefoonnummer]" in row["beschrijving"] and "[e-mailadres]" in row["beschrijving"]
    assert row["gepubliceerd_op"] == timezone.localdate(initiative.published_at).isoformat()  # the local day


def test_only_public_initiatives_are_in_the_download(client, filled, municipality, author, neighbourhood, moderator):
    from tests.foundation.builders import make_initiative
    from zwerm.initiatives import services as initiatives

    submitted = make_initiative(municipality, author, neighbourhood, title="Nog niet gepubliceerd")
    hidden = make_initiative(municipality, author, neighbourhood, title="Verborgen idee", publish_by=moderator)
    initiatives.moderation_hide(moderator=moderator, initiative=hidden, reason="Scheldwoorden.")
    ids = {row["id"] for row in read_json(get(client, "/open-data/initiatieven.json"))["rijen"]}
    assert ids == {filled["initiative"].pk}
    assert submitted.pk not in ids and hidden.pk not in ids


def test_processes_phases_decisions_and_values(client, filled):
    process = filled["process"]
    (row,) = read_json(get(client, "/open-data/trajecten.json"))["rijen"]
    assert row["id"] == process.pk and row["status"] == "active" and row["status_omschrijving"] == "loopt"
    assert row["huidige_fase"] == "Ontwerpen" and row["aantal_fasen"] == 2
    assert row["url"].endswith(f"/trajecten/{process.slug}")
    phases = read_json(get(client, "/open-data/trajectfasen.json"))["rijen"]
    assert [(p["volgorde"], p["naam"], p["is_huidige_fase"]) for p in phases] == [
        (1, "Verkennen", False),
        (2, "Ontwerpen", True),
    ]
    assert phases[0]["afgesloten_op"] is not None and phases[1]["eindigt_op"] is not None
    (decision,) = read_json(get(client, "/open-data/besluiten.json"))["rijen"]
    assert decision["besluit"] == "Nieuwe schommels plaatsen" and decision["traject_id"] == process.pk
    (assessment,) = read_json(get(client, "/open-data/waardenafwegingen.json"))["rijen"]
    assert assessment["besluit_id"] == decision["id"]
    assert assessment["waarde"] == "Rechtvaardigheid" and assessment["meegewogen"] is True


def test_draft_processes_stay_out(client, filled, municipality, lead):
    from zwerm.processes import services as processes

    processes.process_create(
        actor=lead, municipality=municipality, title="Geheim plan", question="Wat doen we?", description="Nog niets."
    )
    text = body(get(client, "/open-data/trajecten.csv")).decode()
    assert "Geheim plan" not in text


def test_budget_results_in_whole_eurocents_with_small_figures_left_out(client, filled):
    rows = read_json(get(client, "/open-data/buurtbudget-uitslagen.json"))["rijen"]
    assert [r["project"] for r in rows] == ["Project 1", "Project 2"]
    first, second = rows
    assert first["budget_eurocent"] == 1000050
    assert first["kosten_eurocent"] == 300000 and second["kosten_eurocent"] == 400025
    assert first["aantal_stemmers"] == 6
    assert first["aantal_stemmen"] == 5 and second["aantal_stemmen"] is None  # one vote: not published
    assert first["gekozen"] is True
    assert first["telmethode"] == "mes" and first["toelichting"]


def test_unknown_datasets_and_formats_are_not_found(client, municipality):
    assert get(client, "/open-data/geheimen.csv").status_code == 404
    assert get(client, "/open-data/initiatieven.xlsx").status_code == 404
    assert get(client, "/open-data/initiatieven").status_code == 404


def test_downloads_only_answer_reading_methods(client, municipality):
    assert client.post("/open-data/initiatieven.csv", HTTP_HOST="testdam.localhost").status_code == 405
    assert client.head("/open-data/initiatieven.csv", HTTP_HOST="testdam.localhost").status_code == 200


def test_files_are_in_dutch_whatever_language_the_visitor_chose(client, filled):
    client.cookies["django_language"] = "en"
    row = read_json(get(client, "/open-data/initiatieven.json"))["rijen"][0]
    assert row["soort_omschrijving"] == "idee" and row["status_omschrijving"] == "gepubliceerd"


def test_an_unchanged_file_is_not_sent_again(client, filled):
    first = get(client, "/open-data/initiatieven.csv")
    etag = first["ETag"]
    assert etag.startswith('W/"') and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and first["Access-Control-Allow-Origin"] == "*"
    again = get(client, "/open-data/initiatieven.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert get(client, "/open-data/besluiten.csv", HTTP_IF_NONE_MATCH=etag).status_code == 200
    json_etag = get(client, "/open-data/initiatieven.json")["ETag"]
    assert json_etag != etag


def test_a_new_support_changes_the_file_and_its_etag(client, filled, municipality, neighbourhood):
    from tests.foundation.builders import make_resident
    from zwerm.initiatives import services as initiatives

    etag = get(client, "/open-data/initiatieven.csv")["ETag"]
    initiatives.initiative_support(initiative=filled["initiative"], resident=make_resident(municipality, neighbourhood))
    response = get(client, "/open-data/initiatieven.csv", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert read_csv(response)[0]["aantal_steunbetuigingen"] == "7"


def test_a_spreadsheet_never_runs_a_text_as_a_formula(client, municipality, author, neighbourhood, moderator):
    from tests.foundation.builders import make_initiative

    make_initiative(municipality, author, neighbourhood, title="=1+2 bankjes", publish_by=moderator)
    (row,) = read_csv(get(client, "/open-data/initiatieven.csv"))
    assert row["titel"] == "'=1+2 bankjes"
    assert read_json(get(client, "/open-data/initiatieven.json"))["rijen"][0]["titel"] == "=1+2 bankjes"


def test_the_register_of_challenges_without_contacts_and_with_costs_in_eurocents(client, filled):
    rows = read_json(get(client, "/open-data/uitdagingen.json"))["rijen"]
    assert [r["taak"] for r in rows] == ["Beheer van de moestuin"]
    row = rows[0]
    assert row["uitdager"] == "Moestuingroep Noord" and row["stand"] == "submitted"
    assert row["kosten_uitdagers_eurocent"] == 150050 and row["kosten_gemeente_eurocent"] == 400000
    assert row["ontvangst_termijn"] == "open" and row["verordening_versie"] == 1
