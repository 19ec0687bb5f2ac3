"""Staff systems call the REST API with an access token of the staff provider, when that is switched on."""

import os
import subprocess
import sys

import pytest
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from zwerm.accounts.oidc.drf import StaffBearerAuthentication
from zwerm.accounts.roles import Role

from .conftest import staff_settings


class WhoAmI(APIView):
    authentication_classes = [StaffBearerAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"id": request.user.pk, "verified": request.user.is_verified()})


def call(token: str | None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    request = APIRequestFactory().get("/api/v1/wie", HTTP_HOST="testdam.localhost", **headers)
    return WhoAmI.as_view()(request)


@pytest.fixture
def api_on(settings, oidc_provider):
    settings.ZWERM_OIDC_STAFF = staff_settings(oidc_provider.issuer, api=True)
    return oidc_provider


@pytest.fixture
def moderator(make_staff):
    return make_staff(Role.MODERATOR)


def test_a_valid_access_token_acts_as_the_staff_member(moderator, api_on):
    token = api_on.access_token_for({"sub": "systeem-1", "email": moderator.email, "email_verified": True})
    response = call(token)
    assert response.status_code == 200
    assert response.data == {"id": moderator.pk, "verified": False}


def test_a_token_whose_claims_show_a_second_factor_counts_as_verified(moderator, api_on):
    token = api_on.access_token_for(
        {"sub": "systeem-1", "email": moderator.email, "email_verified": True, "amr": ["mfa"]}
    )
    assert call(token).data["verified"] is True


def test_an_unknown_token_is_refused(moderator, api_on):
    response = call("verzonnen-token")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_for_someone_without_a_staff_account_is_refused(municipality, api_on):
    token = api_on.access_token_for({"sub": "x", "email": "niemand@gemeente.example", "email_verified": True})
    assert call(token).status_code == 401


def test_without_the_api_setting_tokens_are_not_looked_at(moderator, settings, oidc_provider):
    settings.ZWERM_OIDC_STAFF = staff_settings(oidc_provider.issuer, api=False)
    token = oidc_provider.access_token_for({"sub": "s", "email": moderator.email, "email_verified": True})
    assert call(token).status_code == 401  # anonymous, so IsAuthenticated refuses
    assert oidc_provider.userinfo_requests == 0


def test_a_provider_that_is_down_gives_503(moderator, api_on):
    token = api_on.access_token_for({"sub": "s", "email": moderator.email, "email_verified": True})
    call(token)  # the endpoints are known now
    api_on.stop()
    assert call(token).status_code == 503


def test_the_moderation_queue_of_the_api_opens_for_a_moderators_access_token(
    moderator, other_municipality, api_on, client, monkeypatch
):
    # What ZWERM_OIDC_STAFF_API=true does at start-up (conf/sections/api.py); DRF reads the list when
    # rest_framework.views is imported, so a settings override in a test comes too late for it.
    classes = [*APIView.authentication_classes, StaffBearerAuthentication]
    monkeypatch.setattr(APIView, "authentication_classes", classes)
    token = api_on.access_token_for(
        {"sub": "systeem-1", "email": moderator.email, "email_verified": True, "amr": ["mfa"]}
    )
    without_second_factor = api_on.access_token_for(
        {"sub": "systeem-1", "email": moderator.email, "email_verified": True}
    )

    allowed = client.get("/api/v1/flags", HTTP_HOST="testdam.localhost", HTTP_AUTHORIZATION=f"Bearer {token}")
    refused = client.get("/api/v1/flags", HTTP_HOST="testdam.localhost", HTTP_AUTHORIZATION="Bearer verzonnen")
    elsewhere = client.get("/api/v1/flags", HTTP_HOST="andersum.localhost", HTTP_AUTHORIZATION=f"Bearer {token}")

    unverified = client.get(
        "/api/v1/flags", HTTP_HOST="testdam.localhost", HTTP_AUTHORIZATION=f"Bearer {without_second_factor}"
    )

    assert allowed.status_code == 200, allowed.content
    assert refused.status_code == 401
    assert unverified.status_code == 403  # staff work needs a second factor, also through the API
    assert elsewhere.status_code == 403  # the moderator holds no role in the other municipality


def test_the_setting_adds_the_bearer_class_to_the_api(tmp_path):
    env = {
        **os.environ,
        "ZWERM_OIDC_STAFF_ENABLED": "true",
        "ZWERM_OIDC_STAFF_ISSUER": "https://login.gemeente.example",
        "ZWERM_OIDC_STAFF_CLIENT_ID": "zwerm",
        "ZWERM_OIDC_STAFF_CLIENT_SECRET": "geheim",
        "DJANGO_SETTINGS_MODULE": "zwerm.conf.settings",
    }
    script = "from django.conf import settings; print(settings.REST_FRAMEWORK['DEFAULT_AUTHENTICATION_CLASSES'])"
    off = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    on = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "ZWERM_OIDC_STAFF_API": "true"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "StaffBearerAuthentication" not in off.stdout and off.returncode == 0
    assert "zwerm.accounts.oidc.drf.StaffBearerAuthentication" in on.stdout
