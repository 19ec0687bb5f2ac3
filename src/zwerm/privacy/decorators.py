"""The "toon persoonsgegevens" step for staff pages (other apps use it through this module).

A staff page that shows personal data asks `personal_data_gate(request, scope=..., what=...)`. Until the
staff member has said why they look (the form in "privacy/_reveal.html", posted to `privacy:reveal`), the
gate is closed and the page shows the data hidden. Once a purpose is given it stays valid for
ZWERM_PRIVACY_REVEAL_MINUTES for that scope, and every showing is logged with who, what, when and why."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from zwerm.core.redaction import redact

from .forms import PurposeForm
from .services import personal_data_access_log

SESSION_KEY = "zwerm_privacy_purposes"
SIGNING_SALT = "zwerm.privacy.reveal"


@dataclass(frozen=True)
class PersonalDataGate:
    visible: bool
    scope: str
    what: str
    token: str  # signed scope, description and return address for the purpose form
    action: str = ""  # where the purpose form posts; empty: privacy:reveal (the Django admin has its own)

    def __bool__(self) -> bool:
        return self.visible

    @property
    def form(self) -> PurposeForm:
        return PurposeForm(auto_id="id_purpose_%s")


def _key(request, scope: str) -> str:
    return f"{request.municipality.pk}:{scope}"


SEARCH_PARAMETERS = ("q", "term", "zoek", "search")  # what a staff member typed to find someone (term: autocomplete)


def logged_path(request) -> str:
    """The page for the access log, without what was searched for: the log must not become a copy of the
    personal data it guards (an e-mail address typed into the admin's search box, say)."""
    if not request.GET:
        return request.path
    query = [
        (key, "…" if key in SEARCH_PARAMETERS else redact(value).text)
        for key, values in request.GET.lists()
        for value in values
    ]
    return f"{request.path}?{urlencode(query)}"


def personal_data_gate(request, *, scope: str, what: str) -> PersonalDataGate:
    """Open (and logged) when this staff member gave a purpose for `scope` recently; closed otherwise."""
    grant = request.session.get(SESSION_KEY, {}).get(_key(request, scope))
    visible = bool(grant) and grant["until"] > time.time()
    if visible:
        personal_data_access_log(
            municipality=request.municipality,
            staff=request.user,
            scope=scope,
            what=what,
            purpose=grant["purpose"],
            explanation=grant["explanation"],
            path=logged_path(request),
        )
    token = signing.dumps({"scope": scope, "what": what, "next": request.get_full_path()}, salt=SIGNING_SALT)
    return PersonalDataGate(visible=visible, scope=scope, what=what, token=token)


def personal_data_grant(request, *, scope: str, purpose: str, explanation: str) -> None:
    """Remember the purpose for this scope for a few minutes (the showing itself is logged by the gate)."""
    grants = {key: grant for key, grant in request.session.get(SESSION_KEY, {}).items() if grant["until"] > time.time()}
    minutes = settings.ZWERM_PRIVACY_REVEAL_MINUTES
    grants[_key(request, scope)] = {"purpose": purpose, "explanation": explanation, "until": time.time() + minutes * 60}
    request.session[SESSION_KEY] = grants


def personal_data_purpose_post(request, *, data: dict) -> str:
    """The purpose form was posted with a valid token (`data`): remember the purpose, or put the form's
    errors in messages; returns the page to go back to (the one that asked)."""
    target = data["next"]
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    form = PurposeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return target
    personal_data_grant(
        request,
        scope=data["scope"],
        purpose=form.cleaned_data["purpose"],
        explanation=form.cleaned_data["explanation"].strip(),
    )
    return target


def read_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=SIGNING_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
