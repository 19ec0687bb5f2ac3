"""The council's demo data: kaders for every process, one budget nearly spent, questions and a sent report."""

import io

import pytest
from django.core.management import call_command

from zwerm.accounts.roles import Role
from zwerm.council import selectors
from zwerm.council.demo import build_demo_council
from zwerm.council.models import Frame, Question, Report

from .builders import make_full_record, make_process


def test_the_demo_council_has_kaders_questions_and_a_frozen_report(municipality, make_staff, lead, member, specialist):
    staff = {Role.PROCESS_LEAD: lead, Role.COUNCIL_MEMBER: member, Role.ADMIN: make_staff(Role.ADMIN)}
    processes = [make_process(municipality, lead, title="Buurtpark"), make_process(municipality, lead, title="Fiets")]
    make_full_record(processes[0], lead=lead, specialist=specialist)
    build_demo_council(municipality=municipality, staff=staff, processes=processes)

    for process in processes:
        kinds = {f.kind for f in selectors.frame_list(process=process)}
        assert kinds == {Frame.Kind.BUDGET, Frame.Kind.SCOPE, Frame.Kind.DEADLINE}
    first = selectors.frame_state(process=processes[0])
    assert first.budget.state == "approaching" and first.budget.percent >= 90
    assert selectors.frame_state(process=processes[1]).budget.state == "ok"
    assert Question.objects.filter(answered_at__isnull=False).count() == 1
    assert Question.objects.filter(answered_at__isnull=True).count() == 1
    report = Report.objects.get()
    assert report.is_frozen and report.content["decisions"]


def test_the_demo_district_report_is_sent_after_the_sensing_demo(municipality, make_staff, lead):
    from zwerm.council.demo import build_demo_district_report
    from zwerm.council.models import DistrictReport
    from zwerm.sensing.demo import build_demo_sensing

    build_demo_sensing(municipality=municipality)
    build_demo_district_report(municipality=municipality, staff={Role.PROCESS_LEAD: lead})
    report = DistrictReport.objects.get()
    # The demo's texts are reports (meldingen) without a known writer: sensing counts no people for them.
    assert report.is_frozen and report.content["source"]["dateModified"]
    assert [d["name"] for d in report.content["districts"]] == ["Testdam Noord"]


@pytest.mark.django_db(transaction=True)  # residents' texts reach sensing after the demo's transaction commits
def test_the_whole_demo_gives_the_council_a_district_report_with_people_in_it(client):
    from zwerm.council.models import DistrictReport

    call_command("demo_data", stdout=io.StringIO())
    content = DistrictReport.objects.get().content
    assert content["hasData"] and content["districts"]
    # every wijk shows a count of people, never one below 5
    shown = [d["total"]["value"] for d in content["districts"] if d["total"]["value"] is not None]
    assert shown and min(shown) >= 5
    page = client.get("/signalen/", HTTP_HOST="localhost")
    assert page.status_code == 200 and "Inwoners die in deze periode iets schreven" in page.content.decode()
