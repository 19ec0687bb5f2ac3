"""No personal data in any log line: a resident's whole flow in the browser (register and log in by e-mail
link, bring in an initiative, support, comment, vote, add a statement) plus a failed staff log-in and a
missing page, with every log record written as production writes it (JSON, request ids, the filter of
zwerm.monitoring.logs, the access log on). Afterwards the captured lines are searched for the e-mail address,
the name and every text of every person in the database (residents and staff of the browser world)."""

import io
import json
import logging

import pytest
from django_guid.log_filters import CorrelationId

from tests.browser.test_resident_flow import Steps
from tests.foundation.builders import PASSWORD
from zwerm.accounts.models import User
from zwerm.accounts.roles import Role
from zwerm.dialogues.models import Statement
from zwerm.initiatives.models import Comment, Initiative
from zwerm.monitoring.logs import JsonFormatter, PersonalDataFilter


class Pages:
    """Steps' page checks without axe (the resident flow test audits the same pages): only wait for the page."""

    def check(self, page, name):
        page.wait_for_load_state()


@pytest.fixture
def production_log(settings):
    settings.ZWERM_ACCESS_LOG = True
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(CorrelationId("request_id"))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield buffer
    root.removeHandler(handler)


def test_a_full_flow_leaves_no_personal_data_in_the_logs(page, url, world, make_staff, production_log):
    steps = Steps(page, url, Pages())
    resident = steps.register_and_log_in_with_the_email_link()
    steps.bring_in_an_initiative(resident)
    steps.support_and_comment(resident, world.initiative)
    steps.vote_in_the_dialogue(resident, world.dialogue)
    moderator = make_staff(Role.MODERATOR)
    staff_page = page.context.browser.new_page()
    staff_page.goto(url("/account/medewerker/inloggen"))
    staff_page.get_by_label("E-mailadres").fill(moderator.email)
    staff_page.get_by_label("Wachtwoord").fill(PASSWORD + "-fout")  # axes logs the failed attempt
    staff_page.get_by_label("Code uit je authenticator-app").fill("000000")
    staff_page.get_by_role("button", name="Inloggen", exact=True).click()
    staff_page.wait_for_load_state()
    page.goto(url(f"/initiatieven/999999?email={resident.email}"))

    lines = [json.loads(line) for line in production_log.getvalue().splitlines()]
    requests = [line for line in lines if line["logger"] == "zwerm.requests"]
    assert len(requests) > 20 and all(line["request_id"] for line in requests)
    assert any(line["level"] == "WARNING" and line["logger"].startswith("axes") for line in lines)

    text = production_log.getvalue()
    people = [value for user in User.objects.all() for value in (user.email, user.display_name) if len(value) >= 4]
    texts = [
        *Initiative.objects.values_list("title", flat=True),
        *Initiative.objects.values_list("body", flat=True),
        *Comment.objects.values_list("body", flat=True),
        *Statement.objects.values_list("text", flat=True),
    ]
    assert resident.email in people and "Sanne" in people and len(texts) > 5
    found = sorted({value for value in (*people, *texts) if value and value in text})
    assert not found, f"personal data in the logs: {found}"
