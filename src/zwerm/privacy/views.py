"""Privacy pages: a person's own data (download, delete), the purpose step for staff, the admin's log
and settings. Thin: every write goes through `services`."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.dialogues.selectors import dialogue_get, dialogue_list
from zwerm.dialogues.services.personal_data import dialogue_set_keep_votes
from zwerm.processes.selectors import process_list_led_by
from zwerm.processes.services.personal_data import process_set_privacy
from zwerm.web.actions import add_service_errors
from zwerm.web.pagination import paginate, query_without_page

from . import selectors, services
from .decorators import personal_data_purpose_post, read_token
from .forms import DialoguePrivacyForm, EraseConfirmForm, MunicipalityPrivacyForm, ProcessPrivacyForm
from .services.erasure import default_mode

SETTINGS_ROLES = (Role.ADMIN, Role.PROCESS_LEAD)


# --- a person's own data ------------------------------------------------------------------------------


@login_required
@require_GET
def my_data(request):
    return render(request, "privacy/my_data.html", {})


@login_required
@require_GET
def my_data_download(request):
    document = services.personal_data_export(user=request.user)
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"zwerm-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = EraseConfirmForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "privacy/account_delete.html", {"form": form}, status=400)
        after = _after_logout(request)  # read from the session before the erasure ends it
        try:
            services.account_erase(user=request.user, municipality=request.municipality)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect("privacy:account_delete")
        logout(request)
        # Shown on the home page, also when the browser comes back there from the provider's log-out.
        messages.success(request, _("Je account is verwijderd. Bedankt dat je meedeed."))
        return redirect(after)
    return render(request, "privacy/account_delete.html", {"form": form})


def _after_logout(request) -> str:
    """Where the browser goes after the erasure: to the identity provider's log-out when the session came
    from a provider that has one (DigiD through the broker, the staff provider), so that a next visitor on
    this device is not logged in there any more; else home. Asks the accounts app's log-out hook, the
    setting mozilla-django-oidc's own log-out view reads (accounts.oidc.logout.provider_logout_url)."""
    method = getattr(settings, "OIDC_OP_LOGOUT_URL_METHOD", "")
    return import_string(method)(request) if method else reverse("web:home")


# --- staff: the purpose step ------------------------------------------------------------------------------


@login_required
@require_POST
def reveal(request):
    data = read_token(request.POST.get("token", ""))
    if data is None:
        return HttpResponseBadRequest(_("Dit formulier is verlopen. Laad de pagina opnieuw."))
    if not staff_verified(request, *STAFF_ROLES):
        raise PermissionDenied(_("Alleen medewerkers met een tweede factor kunnen persoonsgegevens bekijken."))
    return redirect(personal_data_purpose_post(request, data=data))


# --- the admin: access log and settings --------------------------------------------------------------------


@role_required(Role.ADMIN)
@require_GET
def access_log(request):
    choices = selectors.access_log_staff_choices(municipality=request.municipality)
    try:
        staff_id = int(request.GET.get("medewerker") or 0) or None
    except ValueError:
        staff_id = None
    if staff_id is not None and not 0 < staff_id < 2**63:  # no id the database can hold: no filter
        staff_id = None
    page = paginate(request, selectors.access_log_list(municipality=request.municipality, staff_id=staff_id))
    context = {"page": page, "choices": choices, "staff_id": staff_id, "query": query_without_page(request)}
    return render(request, "privacy/access_log.html", context)


def _settings_context(request, **forms) -> dict:
    municipality = request.municipality
    processes = list(process_list_led_by(municipality=municipality, user=request.user))
    dialogues = list(dialogue_list(municipality=municipality)) if staff_verified(request, Role.ADMIN) else []
    return {
        "is_admin": staff_verified(request, Role.ADMIN),
        "municipality_form": forms.get("municipality_form")
        or MunicipalityPrivacyForm(initial={"contributions_on_erase": default_mode(municipality_id=municipality.pk)}),
        "processes": [
            (
                p,
                forms.get(f"process_{p.pk}")
                or ProcessPrivacyForm(
                    initial={
                        "contributions_on_erase": p.contributions_on_erase,
                        "retention_months": p.retention_months,
                    },
                    prefix=f"p{p.pk}",
                ),
            )
            for p in processes
        ],
        "dialogues": [
            (
                d,
                forms.get(f"dialogue_{d.pk}")
                or DialoguePrivacyForm(
                    initial={"keep_votes_on_erase": d.keep_votes_on_erase, "anonymous_votes": d.anonymous_votes},
                    prefix=f"d{d.pk}",
                ),
            )
            for d in dialogues
        ],
        "runs": selectors.retention_run_list(municipality=municipality)[:5],
    }


@role_required(*SETTINGS_ROLES)
@require_http_methods(["GET", "POST"])
def privacy_settings(request):
    municipality = request.municipality
    if request.method == "GET":
        return render(request, "privacy/settings.html", _settings_context(request))
    target = request.POST.get("target", "")
    kind, _sep, pk = target.partition(":")
    form, name, call = None, "", None
    if kind == "municipality":
        form, name = MunicipalityPrivacyForm(request.POST), "municipality_form"
        call = lambda data: services.privacy_settings_set(  # noqa: E731
            municipality=municipality, actor=request.user, **data
        )
    elif kind == "process" and (process := _process(request, pk)) is not None:
        form, name = ProcessPrivacyForm(request.POST, prefix=f"p{process.pk}"), f"process_{process.pk}"
        call = lambda data: process_set_privacy(process=process, actor=request.user, **data)  # noqa: E731
    elif kind == "dialogue" and (dialogue := _dialogue(request, pk)) is not None:
        form, name = DialoguePrivacyForm(request.POST, prefix=f"d{dialogue.pk}"), f"dialogue_{dialogue.pk}"
        call = lambda data: dialogue_set_keep_votes(dialogue=dialogue, actor=request.user, **data)  # noqa: E731
    if form is None:
        return HttpResponseBadRequest(_("Onbekende instelling."))
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De instelling is opgeslagen."))
            return redirect("privacy:settings")
    return render(request, "privacy/settings.html", _settings_context(request, **{name: form}), status=400)


def _process(request, pk: str):
    for process in process_list_led_by(municipality=request.municipality, user=request.user):
        if str(process.pk) == pk:
            return process
    return None


def _dialogue(request, pk: str):
    if not staff_verified(request, Role.ADMIN) or not pk.isdecimal():
        return None
    return dialogue_get(municipality=request.municipality, pk=int(pk))
