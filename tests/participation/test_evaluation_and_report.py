"""Evaluations after a process closes, the yearly participation report and the organisation's mirror."""

import datetime
import json
import shutil
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident, staff_login
from tests.processes.conftest import record_decision
from zwerm.participation import selectors, services
from zwerm.participation.models import Evaluation, YearlyReport
from zwerm.processes import services as processes

from .conftest import get, post, submit_challenge
from .test_promises import promise_fields


def close(process, lead):
    processes.process_close(process=process, actor=lead, outcome="Het plein wordt groener.")
    process.refresh_from_db()
    return process


def test_a_process_is_evaluated_only_after_it_closes(process, lead, bylaw):
    with pytest.raises(ValidationError, match="afgerond"):
        services.evaluation_record(process=process, actor=lead, kept="kept", account="Goed.", lessons="Meer.")
    assert not Evaluation.objects.exists()


def test_the_evaluation_keeps_its_figures_and_shows_on_the_public_page(process, lead, bylaw, values):
    services.promise_record(process=process, actor=lead, **promise_fields(bylaw))
    record_decision(process, lead, values)
    process = close(process, lead)
    evaluation = services.evaluation_record(
        process=process, actor=lead, kept="partly", account="Het ontwerp kwam van de buurt.", lessons="Eerder beginnen."
    )
    assert evaluation.figures["decisions"] == 1 and evaluation.figures["reach"]["people"] is None
    page = get(Client(), process.get_absolute_url()).content.decode()
    assert "belofte deels waargemaakt" in page and "Eerder beginnen." in page


def test_reach_per_wijk_is_shown_only_when_every_wijk_has_five_people(process, municipality, neighbourhood):
    few = {make_resident(municipality, neighbourhood).pk for _ in range(4)}
    reach = selectors.evaluations.reach_by_district(process=process, participant_ids=few)
    assert reach == {"people": None, "districts_reached": None, "per_district": []}
    many = few | {make_resident(municipality, neighbourhood).pk}
    reach = selectors.evaluations.reach_by_district(process=process, participant_ids=many)
    assert reach["people"] == 5 and reach["per_district"][0]["people"] == 5


def test_reach_per_wijk_is_not_shown_when_the_people_without_a_wijk_could_be_worked_out(
    process, municipality, neighbourhood
):
    in_wijk = {make_resident(municipality, neighbourhood).pk for _ in range(6)}
    without = {make_resident(municipality).pk for _ in range(2)}  # no buurt, so no wijk
    reach = selectors.evaluations.reach_by_district(process=process, participant_ids=in_wijk | without)
    # 8 people next to "Noord 6" would give the 2 without a wijk away
    assert reach["people"] == 8 and reach["per_district"] == [] and reach["districts_reached"] is None


def test_the_lead_evaluates_through_the_form(process, lead, bylaw):
    process = close(process, lead)
    client = staff_login(Client(), lead)
    url = f"/participatie/trajecten/{process.slug}/evaluatie"
    response = post(client, url, {"kept": "kept", "account": "", "lessons": "Meer."})
    assert response.status_code == 400 and not Evaluation.objects.exists()
    response = post(client, url, {"kept": "kept", "account": "Zoals beloofd.", "lessons": "Meer."})
    assert response.status_code == 302 and Evaluation.objects.count() == 1


def test_the_yearly_report_holds_processes_challenges_initiatives_and_deadlines(
    municipality, process, lead, bylaw, resident, neighbourhood, tmp_path
):
    services.promise_record(
        process=process, actor=lead, **promise_fields(bylaw, level="inform", below_minimum_reason="Wet.")
    )
    submit_challenge(municipality, resident)
    make_initiative(municipality, resident, neighbourhood, publish_by=None)
    year = timezone.localdate().year
    out = tmp_path / "r.json"
    call_command("participation", "report", "--year", str(year), "--format", "json", "--output", str(out))
    report = json.loads(out.read_text())
    assert report["year"] == year and report["bylaw"]["version"] == 1
    (entry,) = report["processes"]
    assert entry["promise"]["belowMinimum"] is True and entry["promise"]["reason"] == "Wet."
    assert report["challenges"][0]["deadlines"][0]["state"] == "open"
    assert set(report["deadlines"]) == {"initiativeResponses", "challenges", "evaluations"}
    html = tmp_path / "r.html"
    call_command("participation", "report", "--year", str(year), "--format", "html", "--output", str(html))
    assert "Jaarverslag participatie" in html.read_text() and "Groen plein" in html.read_text()


def test_the_yearly_report_as_a_tagged_pdf(municipality, bylaw, tmp_path):
    pytest.importorskip("weasyprint")
    out = tmp_path / "r.pdf"
    try:
        call_command("participation", "report", "--year", "2027", "--format", "pdf", "--output", str(out))
    except Exception as error:  # noqa: BLE001  (Pango missing on this machine)
        pytest.skip(f"PDF rendering unavailable: {error}")
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert "Tagged:          yes" in info and "Jaarverslag participatie 2027" in info


def test_the_mirror_has_indicators_with_trends(municipality, process, lead, values, tmp_path):
    record_decision(process, lead, values)
    out = tmp_path / "m.json"
    call_command("participation", "mirror", "--format", "json", "--output", str(out))
    mirror = json.loads(out.read_text())
    assert mirror["period"].startswith(str(timezone.localdate().year))
    assert len(mirror["indicators"]) >= 5
    assert all({"key", "label", "value", "unit", "trend"} <= set(i) for i in mirror["indicators"])
    values_share = next(i for i in mirror["indicators"] if i["key"] == "decisions_with_values_share")
    assert values_share["value"] == 100.0 and values_share["trend"] is None  # nothing the quarter before


def test_advice_figures_need_five_requests(municipality, process, lead, specialist, tmp_path):
    deadline = timezone.localdate() + datetime.timedelta(days=1)
    for i in range(4):
        processes.advice_request_create(
            process=process, actor=lead, specialist=specialist, question=f"Vraag {i}?", deadline=deadline
        )
    out = tmp_path / "m.json"
    call_command("participation", "mirror", "--output", str(out))
    advice = next(i for i in json.loads(out.read_text())["indicators"] if i["key"] == "advice_on_time_share")
    assert advice["value"] is None


def test_a_malformed_quarter_is_refused(municipality, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="2026-Q3"):
        call_command("participation", "mirror", "--quarter", "2026-5", "--output", str(tmp_path / "m.json"))


def test_a_yearly_report_sent_to_the_council_is_frozen_and_public(municipality, lead, bylaw):
    year = timezone.localdate().year
    report = services.yearly_report_generate(municipality=municipality, actor=lead, year=year)
    assert get(Client(), f"/participatie/jaarverslagen/{year}.json").status_code == 404  # not sent: not public
    report = services.yearly_report_send(report=report, actor=lead)
    with pytest.raises(ValidationError, match="al naar de raad"):
        services.yearly_report_generate(municipality=municipality, actor=lead, year=year)
    response = get(Client(), f"/participatie/jaarverslagen/{year}.json")
    assert response.status_code == 200 and json.loads(response.content)["year"] == year
    assert f"Jaarverslag {year}" in get(Client(), "/participatie/jaarverslagen").content.decode()
    assert YearlyReport.objects.get().content == report.content


def test_staff_make_and_send_the_report_through_the_page(municipality, lead, bylaw):
    client = staff_login(Client(), lead)
    year = str(timezone.localdate().year)
    assert post(client, "/participatie/beheer/jaarverslag", {"year": "1999", "action": "generate"}).status_code == 302
    assert selectors.yearly_report_list(municipality=municipality, sent_only=False).count() == 0
    post(client, "/participatie/beheer/jaarverslag", {"year": year, "action": "generate"})
    post(client, "/participatie/beheer/jaarverslag", {"year": year, "action": "send"})
    assert selectors.yearly_report_get(municipality=municipality, year=int(year)) is not None


def test_the_mirror_shows_a_process_lead_only_from_five_decisions(municipality, process, lead, values, tmp_path):
    for i in range(4):
        record_decision(process, lead, values, title=f"Besluit {i}")
    out = tmp_path / "m.json"
    call_command("participation", "mirror", "--output", str(out))
    assert json.loads(out.read_text())["decisionsWithValuesPerProcessLead"] == []
    record_decision(process, lead, values, title="Besluit 5")
    call_command("participation", "mirror", "--output", str(out))
    rows = json.loads(out.read_text())["decisionsWithValuesPerProcessLead"]
    assert rows == [{"processLead": lead.display_name, "value": 100.0}]
