"""Log-in by e-mail link for residents; password + second factor for staff; the resident's profile."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.decorators import ratelimit
from mozilla_django_oidc.views import OIDCLogoutView
from sesame.utils import get_user as sesame_get_user

from zwerm.core.limits import login_link_rate
from zwerm.core.selectors import municipality_base_url

from . import selectors, services
from .forms import LoginLinkForm, ProfileForm, RegisterForm, StaffLoginForm, TokenForm
from .lockout import second_factor_wait, wait_words


def _safe_next(request, default="web:home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse(default)


def _link_base(request) -> str:
    """The log-in link's address, on one of the municipality's own host names (never the request's Host)."""
    return municipality_base_url(municipality=request.municipality, request=request) + reverse("accounts:link")


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=login_link_rate, method="POST")
def register(request):
    form = RegisterForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_request(
                municipality=request.municipality,
                email=form.cleaned_data["email"],
                display_name=form.cleaned_data["display_name"],
                neighbourhood=form.cleaned_data["neighbourhood"],
                link_base=_link_base(request),
                next_url=_safe_next(request, "initiatives:create"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The same answer for a new and a known address, so nobody learns who has an account.
            return redirect("accounts:link_sent")
    return render(request, "accounts/register.html", {"form": form, "next": request.GET.get("next", "")})


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=login_link_rate, method="POST")
def login_view(request):
    form = LoginLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = selectors.user_get_by_email(email=form.cleaned_data["email"])
        if user is not None and user.is_active:
            services.login_link_send(
                user=user,
                municipality=request.municipality,
                link_base=_link_base(request),
                next_url=_safe_next(request),
            )
        # The same answer either way, so nobody learns who has an account.
        return redirect("accounts:link_sent")
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


def link_sent(request):
    return render(request, "accounts/link_sent.html")


@require_http_methods(["GET", "POST"])
def link(request):
    """A log-in link asks for one click first, so that mail scanners do not use it up."""
    if request.method == "GET":
        user = sesame_get_user(request, update_last_login=False)
        if user is None:
            return render(request, "accounts/link_invalid.html", {"form": LoginLinkForm()}, status=400)
        return render(request, "accounts/link_confirm.html", {"link_user": user, "next": request.GET.get("next", "")})
    user = sesame_get_user(request)
    if user is None:
        return render(request, "accounts/link_invalid.html", {"form": LoginLinkForm()}, status=400)
    login(request, user, backend="sesame.backends.ModelBackend")
    messages.success(request, _("Je bent ingelogd. Welkom, %(name)s!") % {"name": user.display_name})
    if not selectors.membership_get(user=user, municipality=request.municipality):
        return redirect(f"{reverse('accounts:profile')}?next={_safe_next(request)}")
    return redirect(_safe_next(request))


class LogoutView(OIDCLogoutView):
    """Ends the Zwerm session; after a log-in at a provider with an end-session endpoint, the browser then
    goes there to end that session too (OIDC_OP_LOGOUT_URL_METHOD, accounts.oidc.logout)."""

    http_method_names = ["post"]

    def post(self, request):
        response = super().post(request)
        messages.success(request, _("Je bent uitgelogd."))
        return response


logout_view = LogoutView.as_view()


@require_http_methods(["GET", "POST"])
def staff_login(request):
    form = StaffLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["email"].lower(), password=form.cleaned_data["password"]
        )
        if user is None:
            form.add_error(None, _("Het e-mailadres of wachtwoord klopt niet."))
        elif TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            # While the account waits after wrong codes, django-otp checks no code at all, not even the right one.
            wait = second_factor_wait(user=user)
            token = form.cleaned_data["token"].strip()
            device = match_token(user, token) if wait is None and token else None
            if wait is not None:
                form.add_error("token", _locked_message(wait))
            elif device is None:
                form.add_error("token", _("Vul de geldige code van zes cijfers uit je authenticator-app in."))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                otp_login(request, device)
                messages.success(request, _("Je bent ingelogd als medewerker."))
                return redirect(_safe_next(request, "web:staff_home"))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            # Only this session, which just gave the password, may link a first authenticator.
            request.session[PASSWORD_CHECKED_KEY] = user.pk
            messages.info(request, _("Koppel eerst een authenticator-app; daarna kun je als medewerker werken."))
            return redirect(f"{reverse('accounts:totp_setup')}?next={_safe_next(request, 'web:staff_home')}")
    return render(request, "accounts/staff_login.html", {"form": form, "next": request.GET.get("next", "")})


def _locked_message(wait) -> str:
    return _(
        "Er is te vaak een verkeerde code ingevuld. Je account wacht nu %(wait)s: probeer het daarna opnieuw "
        "met de code die je app dan toont."
    ) % {"wait": wait_words(wait)}


PASSWORD_CHECKED_KEY = "zwerm_password_checked_user"  # noqa: S105 (a session key)


@login_required
@require_http_methods(["GET", "POST"])
def totp_setup(request):
    """Link a first authenticator: only right after a password log-in, and only when none is linked yet.

    (A session from an e-mail link must never be able to add a second factor of its own.)"""
    if (
        request.session.get(PASSWORD_CHECKED_KEY) != request.user.pk
        or TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    ):
        messages.error(request, _("Log eerst in met je wachtwoord om een authenticator-app te koppelen."))
        return redirect("accounts:staff_login")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or services.totp_device_start(
        user=request.user
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_device_confirm(device=device, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            otp_login(request, device)
            request.session.pop(PASSWORD_CHECKED_KEY, None)
            messages.success(request, _("Je authenticator-app is gekoppeld."))
            return redirect(_safe_next(request, "web:staff_home"))
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "qr_svg": svg, "secret": secret, "next": request.GET.get("next", "")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    membership = selectors.membership_get(user=request.user, municipality=request.municipality)
    initial = {"neighbourhood": membership.neighbourhood_id} if membership else {}
    form = ProfileForm(request.POST or None, municipality=request.municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.membership_set_neighbourhood(
            user=request.user, municipality=request.municipality, neighbourhood=form.cleaned_data["neighbourhood"]
        )
        messages.success(request, _("Je buurt is opgeslagen."))
        return redirect(_safe_next(request, "accounts:profile"))
    roles = selectors.user_roles(user=request.user, municipality=request.municipality)
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "membership": membership, "roles": sorted(roles), "next": request.GET.get("next", "")},
    )
