"""Start and finish an OpenID Connect log-in; the TOTP step for staff whose provider did not check a
second factor. Every failure answers with a page in Dutch (400, 403 or 503), never a 500."""

import logging
from urllib.parse import urlencode

import jwt
import requests
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.decorators import ratelimit
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session, generate_code_challenge
from mozilla_django_oidc.views import get_next_url

from ..forms import TokenForm
from ..selectors import membership_get
from ..views import PASSWORD_CHECKED_KEY
from . import bsn, services
from .backends import ProviderBackend
from .config import (
    BROKER,
    ID_TOKEN_SESSION_KEY,
    LOGIN_PROVIDER_KEY,
    STAFF,
    Provider,
    provider_get,
    provider_metadata,
)
from .errors import LoginRefused, ProviderUnavailable

logger = logging.getLogger(__name__)

SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _provider_or_404(key: str) -> Provider:
    provider = provider_get(key)
    if provider is None:
        raise Http404(_("Deze manier van inloggen is niet ingeschakeld."))
    return provider


def _misconfigured(request, provider: Provider):
    """DigiD without a BSN hash key: refuse before anything is asked of the broker (start-up refuses too)."""
    if provider.key == BROKER and not bsn.key_configured():
        message = _("Inloggen met %(provider)s is op dit moment niet mogelijk. Log in met je e-mailadres.") % {
            "provider": provider.label
        }
        return _failed(request, provider, message, status=503, reason="ZWERM_BSN_HASH_KEY missing or too short")
    return None


def _failed(request, provider: Provider, message: str, *, status: int, reason: str):
    logger.warning("OpenID Connect log-in via %s failed: %s", provider.key, reason)
    request.session.pop(ID_TOKEN_SESSION_KEY, None)  # nothing of a failed log-in is kept
    login_url = reverse("accounts:staff_login" if provider.key == STAFF else "accounts:login")
    return render(
        request,
        "accounts/oidc/failed.html",
        {"provider": provider, "message": message, "login_url": login_url},
        status=status,
    )


def _unavailable(request, provider: Provider, reason: str):
    message = _(
        "Inloggen via %(provider)s lukt nu niet: de inlogdienst is niet bereikbaar. Probeer het over een paar "
        "minuten opnieuw."
    ) % {"provider": provider.label}
    return _failed(request, provider, message, status=503, reason=reason)


@require_GET
def start(request, provider_key: str):
    """Send the visitor to the provider, with a fresh state, nonce and PKCE challenge in the session."""
    provider = _provider_or_404(provider_key)
    if refusal := _misconfigured(request, provider):
        return refusal
    try:
        metadata = provider_metadata(provider)
    except ProviderUnavailable as error:
        return _unavailable(request, provider, str(error))
    state = get_random_string(32)
    verifier = get_random_string(64)
    params = {
        "response_type": "code",
        "scope": provider.scopes,
        "client_id": provider.client_id,
        "redirect_uri": request.build_absolute_uri(reverse(provider.callback_url_name)),
        "state": state,
        "nonce": get_random_string(32),
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
    }
    if provider.extra.get("acr_values"):
        params["acr_values"] = provider.extra["acr_values"]
    add_state_and_verifier_and_nonce_to_session(request, state, params, verifier)
    # Bind the state to this provider, and remember where to go afterwards (checked to stay on this site).
    request.session["oidc_states"][state].update(provider=provider.key, next=get_next_url(request, "next"))
    request.session.modified = True
    endpoint = metadata["authorization_endpoint"]
    return redirect(f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}")


@require_GET
def callback(request, provider_key: str):
    """The provider sends the visitor back here with a code; exchange it, check the tokens, log in."""
    provider = _provider_or_404(provider_key)
    if refusal := _misconfigured(request, provider):
        return refusal
    request.session.pop(ID_TOKEN_SESSION_KEY, None)  # a new log-in: no ID token of an earlier one may stay
    states = request.session.get("oidc_states") or {}
    entry = states.pop(request.GET.get("state", ""), None)  # a state works once
    request.session.modified = True
    if request.GET.get("error"):
        message = _("Inloggen via %(provider)s is afgebroken. Probeer het opnieuw.") % {"provider": provider.label}
        return _failed(request, provider, message, status=400, reason="provider returned an error")
    if entry is None or entry.get("provider") != provider.key or not request.GET.get("code"):
        message = _("Deze inlogpoging is verlopen of niet compleet. Begin opnieuw met inloggen.")
        return _failed(request, provider, message, status=400, reason="unknown state")

    refused = _("Het antwoord van de inlogdienst klopt niet, dus je bent niet ingelogd. Begin opnieuw met inloggen.")
    try:
        backend = ProviderBackend(provider)
        user = backend.authenticate(request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier"))
    except ProviderUnavailable as error:
        return _unavailable(request, provider, str(error))
    except requests.HTTPError as error:
        status = error.response.status_code if error.response is not None else 502
        if status >= 500:
            return _unavailable(request, provider, f"provider answered {status}")
        return _failed(request, provider, refused, status=400, reason=f"provider refused the code ({status})")
    except requests.RequestException as error:
        return _unavailable(request, provider, type(error).__name__)
    except (SuspiciousOperation, jwt.PyJWTError) as error:
        return _failed(request, provider, refused, status=400, reason=str(error))
    except LoginRefused as error:
        return _failed(request, provider, error.message, status=403, reason=error.reason)
    if user is None:
        return _failed(request, provider, refused, status=400, reason="no user")

    id_token = request.session.get(ID_TOKEN_SESSION_KEY)  # kept by the backend only for log-out at the provider
    login(request, user, backend=SESSION_BACKEND)
    request.session[LOGIN_PROVIDER_KEY] = provider.key
    if id_token:  # login() empties the session when another account was logged in here
        request.session[ID_TOKEN_SESSION_KEY] = id_token
    logger.info("OpenID Connect log-in via %s: user %s", provider.key, user.pk)
    next_url = entry.get("next")
    if provider.key == STAFF:
        return _staff_second_factor(request, provider, backend.id_claims, next_url)
    messages.success(request, _("Je bent ingelogd met %(provider)s.") % {"provider": provider.label})
    target = next_url or reverse("web:home")
    if not membership_get(user=user, municipality=request.municipality):
        return redirect(f"{reverse('accounts:profile')}?{urlencode({'next': target})}")
    return redirect(target)


def _staff_second_factor(request, provider: Provider, id_claims: dict | None, next_url: str | None):
    """Staff roles need a second factor: the provider's own (amr/acr in the ID token), else our TOTP step."""
    target = next_url or reverse("web:staff_home")
    user = request.user
    if services.mfa_satisfied(provider=provider, id_claims=id_claims):
        otp_login(request, services.provider_device_for(user=user, provider=provider))
        messages.success(request, _("Je bent ingelogd als medewerker."))
        return redirect(target)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        messages.info(request, _("Vul nog de code uit je authenticator-app in."))
        return redirect(f"{reverse('accounts:oidc_staff_code')}?{urlencode({'next': target})}")
    # The provider's log-in stands in for the password: this session may link a first authenticator.
    request.session[PASSWORD_CHECKED_KEY] = user.pk
    messages.info(request, _("Koppel eerst een authenticator-app; daarna kun je als medewerker werken."))
    return redirect(f"{reverse('accounts:totp_setup')}?{urlencode({'next': target})}")


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user", rate="20/h", method="POST")
def staff_code(request):
    """The TOTP code after a log-in at the staff provider that did not check a second factor itself."""
    provider = _provider_or_404(STAFF)
    target = get_next_url(request, "next") or reverse("web:staff_home")
    if request.session.get(LOGIN_PROVIDER_KEY) != STAFF:
        # Only after the staff provider: an e-mail-link session must not reach staff pages with a code alone.
        messages.error(request, _("Log in als medewerker om je code in te vullen."))
        return redirect("accounts:staff_login")
    if request.user.is_verified():
        return redirect(target)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is None:
            form.add_error("token", _("Vul de geldige code van zes cijfers uit je authenticator-app in."))
        else:
            otp_login(request, device)
            messages.success(request, _("Je bent ingelogd als medewerker."))
            return redirect(target)
    return render(request, "accounts/oidc/staff_code.html", {"form": form, "provider": provider, "next": target})
