"""Staff systems: tokens scoped to one municipality and one role; writes go through the services."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.api.models import ApiToken
from zwerm.api.services import api_token_create, api_token_revoke
from zwerm.initiatives.models import StatusChange
from zwerm.sensing.models import Text

from .builders import PHONE, token_for
from .test_conventions import assert_problem


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


# --- tokens ---------------------------------------------------------------------------------------------


def test_a_token_is_shown_once_and_only_its_hash_is_kept(municipality, moderator):
    token, raw = api_token_create(municipality=municipality, name="Zaaksysteem", role="moderator", created_by=moderator)
    assert raw.startswith("zwerm_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(ApiToken.objects.filter(pk=token.pk).values().first())


def test_a_token_carries_a_staff_role_its_owner_holds(municipality, moderator, resident):
    with pytest.raises(PermissionDenied):
        api_token_create(municipality=municipality, name="X", role="process_lead", created_by=moderator)
    with pytest.raises(ValidationError, match="rol"):
        api_token_create(municipality=municipality, name="X", role="resident", created_by=moderator)
    with pytest.raises(PermissionDenied):
        api_token_create(municipality=municipality, name="X", role="moderator", created_by=resident)
    with pytest.raises(ValidationError):
        api_token_create(municipality=municipality, name="<script>", role="moderator", created_by=moderator)
    assert ApiToken.objects.count() == 0


def test_without_a_token_staff_operations_answer_401(api, municipality):
    response = api.get("flags")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    ["Bearer zwerm_onbekend", "Token zwerm_onbekend", "Bearer eyJhbGciOi.niet.geldig", "Basic YWRtaW46YWRtaW4="],
)
def test_unknown_or_foreign_credentials_are_refused_also_on_public_paths(api, municipality, header):
    for path in ("flags", "initiatives"):
        assert_problem(api.get(path, HTTP_AUTHORIZATION=header), 401)


def test_a_token_works_only_on_its_own_municipalitys_host(api, other_api, municipality, other_municipality, moderator):
    token = token_for(municipality, moderator, Role.MODERATOR)
    assert api.get("flags", token=token).status_code == 200
    assert_problem(other_api.get("flags", token=token), 401)
    assert_problem(other_api.get("initiatives", token=token), 401)


def test_a_revoked_token_is_refused(api, municipality, moderator):
    token, raw = api_token_create(municipality=municipality, name="Oud", role="moderator", created_by=moderator)
    api_token_revoke(municipality=municipality, pk=token.pk)
    assert_problem(api.get("flags", token=raw), 401)


def test_a_token_stops_when_its_owner_loses_the_role(api, municipality, make_staff):
    admin = make_staff(Role.ADMIN)
    moderator = make_staff(Role.MODERATOR)
    token = token_for(municipality, moderator, Role.MODERATOR)
    assert api.get("flags", token=token).status_code == 200
    accounts.role_revoke(actor=admin, municipality=municipality, user=moderator, role=Role.MODERATOR)
    assert_problem(api.get("flags", token=token), 401)


def test_using_a_token_records_when(api, municipality, moderator):
    token, raw = api_token_create(municipality=municipality, name="Z", role="moderator", created_by=moderator)
    assert token.last_used_at is None
    api.get("flags", token=raw)
    token.refresh_from_db()
    assert token.last_used_at is not None


# --- role scope ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("moderator", 200), ("admin", 200), ("process_lead", 403), ("specialist", 403), ("council_member", 403)],
)
def test_the_moderation_queue_is_for_moderators(api, world, role, status):
    response = api.get("flags", token=world.tokens[role])
    assert response.status_code == status
    if status == 200:
        flags = response.json()["results"]
        assert [f["initiative"]["id"] for f in flags] == [world.initiative.pk]
        assert "[telefoonnummer]" in flags[0]["reason"] and "reporter" not in flags[0]


def test_a_token_role_limits_even_a_person_with_more_roles(api, municipality, make_staff):
    admin = make_staff(Role.ADMIN)
    token = token_for(municipality, admin, Role.SPECIALIST)
    assert_problem(api.get("flags", token=token), 403)


# --- status changes ------------------------------------------------------------------------------------------


def test_a_moderator_system_publishes_an_initiative_with_a_reason(api, world):
    initiative = world.submitted
    response = api.post(
        f"initiatives/{initiative.pk}/status-changes",
        {"status": "published", "reason": "Voldoet aan de spelregels."},
        token=world.tokens["moderator"],
    )
    assert response.status_code == 201, response.content
    assert response.json()["toStatus"] == "published" and response.json()["fromStatus"] == "submitted"
    change = StatusChange.objects.get(pk=response.json()["id"])
    assert change.actor == world.staff["moderator"] and change.reason == "Voldoet aan de spelregels."
    assert api.get(f"initiatives/{initiative.pk}").status_code == 200


@pytest.mark.parametrize("role", ["specialist", "council_member"])
def test_other_roles_may_not_change_a_status(api, world, role):
    response = api.post(
        f"initiatives/{world.submitted.pk}/status-changes",
        {"status": "published", "reason": "Mag het?"},
        token=world.tokens[role],
    )
    assert_problem(response, 403)
    assert not StatusChange.objects.filter(initiative=world.submitted, to_status="published").exists()


def test_a_status_change_needs_an_allowed_step_and_a_reason(api, world):
    path = f"initiatives/{world.initiative.pk}/status-changes"
    token = world.tokens["process_lead"]
    body = assert_problem(api.post(path, {"status": "published"}, token=token), 400)
    assert [p["name"] for p in body["invalid-params"]] == ["reason"]
    body = assert_problem(api.post(path, {"status": "published", "reason": "Nog een keer."}, token=token), 400)
    assert "geen mogelijke stap" in body["detail"]
    body = assert_problem(api.post(path, {"status": "geweldig", "reason": "x"}, token=token), 400)
    assert [p["name"] for p in body["invalid-params"]] == ["status"]
    assert StatusChange.objects.filter(initiative=world.initiative).count() == 2


def test_another_municipalitys_initiative_cannot_be_moved(other_api, world, other_municipality, make_staff):
    other_admin = make_staff(Role.ADMIN, other_municipality)
    token = token_for(other_municipality, other_admin, Role.ADMIN)
    response = other_api.post(
        f"initiatives/{world.submitted.pk}/status-changes", {"status": "published", "reason": "x"}, token=token
    )
    assert_problem(response, 404)


def test_a_retried_status_change_with_the_same_key_is_done_once(api, world):
    path = f"initiatives/{world.submitted.pk}/status-changes"
    data = {"status": "published", "reason": "Gepubliceerd."}
    token = world.tokens["moderator"]
    first = api.post(path, data, token=token, HTTP_IDEMPOTENCY_KEY="abc-123")
    again = api.post(path, data, token=token, HTTP_IDEMPOTENCY_KEY="abc-123")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert StatusChange.objects.filter(initiative=world.submitted, to_status="published").count() == 1
    other = api.post(path, {**data, "reason": "Anders."}, token=token, HTTP_IDEMPOTENCY_KEY="abc-123")
    assert_problem(other, 422)
    assert_problem(api.post(path, data, token=token, HTTP_IDEMPOTENCY_KEY="met spatie"), 400)


# --- sensing reports ----------------------------------------------------------------------------------------


def test_a_process_lead_system_sends_a_report_that_is_stored_redacted(api, municipality, neighbourhood, lead):
    token = token_for(municipality, lead, Role.PROCESS_LEAD)
    response = api.post(
        "sensing/reports",
        {"id": "M-1", "text": f"Losse stoeptegel, bel {PHONE}", "neighbourhood": neighbourhood.code},
        token=token,
    )
    assert response.status_code == 201, response.content
    assert response.json()["sourceId"] == "M-1"
    text = Text.objects.get(pk=response.json()["id"])
    assert PHONE not in text.text and text.neighbourhood == neighbourhood


def test_a_report_with_wrong_fields_names_them(api, municipality, lead):
    token = token_for(municipality, lead, Role.PROCESS_LEAD)
    body = assert_problem(api.post("sensing/reports", {"text": "", "time": "gisteren"}, token=token), 400)
    assert {p["name"] for p in body["invalid-params"]} == {"id", "text", "time"}
    body = assert_problem(
        api.post("sensing/reports", {"id": "M-2", "text": "Kapot", "postcode": "9999ZZ"}, token=token), 400
    )
    assert [p["name"] for p in body["invalid-params"]] == ["postcode"]
    assert Text.objects.count() == 0


def test_a_moderator_system_may_not_send_reports(api, municipality, moderator):
    token = token_for(municipality, moderator, Role.MODERATOR)
    assert_problem(api.post("sensing/reports", {"id": "1", "text": "x"}, token=token), 403)


def test_a_retried_report_is_stored_once(api, municipality, lead):
    token = token_for(municipality, lead, Role.PROCESS_LEAD)
    data = {"id": "M-9", "text": "Lantaarnpaal kapot."}
    answers = [api.post("sensing/reports", data, token=token, HTTP_IDEMPOTENCY_KEY="k1") for _ in range(2)]
    assert [a.status_code for a in answers] == [201, 201] and answers[0].json() == answers[1].json()
    assert Text.objects.count() == 1


# --- the command --------------------------------------------------------------------------------------------


def test_the_command_creates_lists_and_revokes_tokens(api, municipality, moderator, capsys):
    call_command(
        "api_token",
        "create",
        "--municipality",
        "testdam",
        "--user",
        moderator.email,
        "--role",
        "moderator",
        "--name",
        "Zaaksysteem",
    )
    raw = capsys.readouterr().out.strip()
    assert api.get("flags", token=raw).status_code == 200
    token = ApiToken.objects.get()
    call_command("api_token", "list", "--municipality", "testdam")
    listing = capsys.readouterr().out
    assert "Zaaksysteem" in listing and raw not in listing
    call_command("api_token", "revoke", "--municipality", "testdam", str(token.pk))
    assert api.get("flags", token=raw).status_code == 401
    with pytest.raises(CommandError, match="rol"):
        call_command(
            "api_token",
            "create",
            "--municipality",
            "testdam",
            "--user",
            moderator.email,
            "--role",
            "admin",
            "--name",
            "Te veel",
        )
