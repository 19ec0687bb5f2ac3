"""REST API access for staff systems with an access token of the staff provider (ZWERM_OIDC_STAFF_API).

`Authorization: Bearer <access token>`: the token is checked by asking the provider's userinfo endpoint
(mozilla-django-oidc's way), and the person is linked to a staff account exactly as at an interactive
log-in. `request.user.is_verified()` is true only when those claims show a second factor (amr/acr)."""

import requests
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from mozilla_django_oidc.contrib.drf import OIDCAuthentication
from rest_framework import exceptions, status

from . import services
from .backends import ProviderBackend
from .config import STAFF, provider_get
from .errors import LoginRefused, ProviderUnavailable


class ProviderDown(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "De inlogdienst is nu niet bereikbaar; probeer het later opnieuw."
    default_code = "identity_provider_unavailable"


class StaffBearerAuthentication(OIDCAuthentication):
    www_authenticate_realm = "api"

    def __init__(self, backend=None):
        # The backend is built per request (it discovers the provider's endpoints), not at start-up.
        self.backend = backend

    def authenticate(self, request):
        provider = provider_get(STAFF)
        if provider is None or not provider.extra.get("api"):
            return None
        access_token = self.get_access_token(request)
        if not access_token:
            return None
        try:
            backend = self.backend or ProviderBackend(provider)
            user = backend.get_or_create_user(access_token, None, None)
        except ProviderUnavailable:
            raise ProviderDown() from None
        except requests.HTTPError as error:
            if error.response is not None and error.response.status_code < 500:
                raise exceptions.AuthenticationFailed(_("Het toegangstoken is niet (meer) geldig.")) from None
            raise ProviderDown() from None
        except requests.RequestException:
            raise ProviderDown() from None
        except SuspiciousOperation:
            raise exceptions.AuthenticationFailed(_("Het toegangstoken is niet (meer) geldig.")) from None
        except LoginRefused as refused:
            raise exceptions.AuthenticationFailed(refused.message) from None
        if user is None:
            raise exceptions.AuthenticationFailed(_("Het toegangstoken is niet (meer) geldig."))
        # Views and guards ask request.user.is_verified() (django-otp); answer it from the token's claims.
        verified = services.mfa_satisfied(provider=provider, id_claims=backend.claims)
        user.otp_device = None
        user.is_verified = lambda: verified
        return user, access_token


class StaffBearerScheme(OpenApiAuthenticationExtension):
    target_class = "zwerm.accounts.oidc.drf.StaffBearerAuthentication"
    name = "oidcStaff"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An access token of the municipality's staff identity provider (OpenID Connect).",
        }
