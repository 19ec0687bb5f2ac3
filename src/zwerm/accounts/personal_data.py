"""The account's own personal data: e-mail address, name, memberships, roles, log-in traces.

Registered with `zwerm.core.personal_data.registry` in AccountsConfig.ready(). Erasing an account
anonymises the user row in place, irreversibly (no e-mail address or name is kept): append-only history
(status changes, advice, decisions) keeps pointing at it and keeps working."""

import uuid
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user

from zwerm.core.models import IdempotencyKey
from zwerm.core.personal_data import PLACEHOLDER_NAME, Erasure, Retention, iso

from .models import Membership, RoleAssignment, User

PLACEHOLDER_EMAIL = "verwijderde-deelnemer@zwerm.invalid"
ERASED_DOMAIN = "verwijderd.invalid"


def placeholder_user() -> User:
    """The one shared account that anonymised contributions point at; it can never log in."""
    user, created = User.objects.get_or_create(
        email=PLACEHOLDER_EMAIL, defaults={"display_name": PLACEHOLDER_NAME, "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def is_erased(user) -> bool:
    return user.email == PLACEHOLDER_EMAIL or user.email.endswith("@" + ERASED_DOMAIN)


def _session_keys(user_id: int) -> list[str]:
    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user_id):
            keys.append(session.session_key)
    return keys


def _end_sessions(keys: list[str]) -> None:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()  # also clears a cached session


def _identities(user) -> list:
    """Links to outside identity providers (OIDC, DigiD broker)."""
    return list(user.external_identities.all())


class AccountsPersonalData:
    key = "accounts"
    label = "Account"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "accounts.User": "anonymised in place: random address, placeholder name, no password",
        "accounts.Membership": "deleted",
        "accounts.RoleAssignment": "deleted",
        "accounts.RoleChange": "kept (append-only role history, in office); points at the anonymised account",
        "accounts.ExternalIdentity": "deleted",
        "accounts.IdentityProviderDevice": "deleted (a second-factor device)",
        "otp_totp.TOTPDevice": "deleted",
        "otp_static.StaticDevice": "deleted",
        "axes.AccessAttempt": "rows with the account's address deleted",
        "axes.AccessFailureLog": "rows with the account's address deleted",
        "axes.AccessLog": "rows with the account's address deleted",
        "sessions.Session": "the account's sessions deleted",
        "core.IdempotencyKey": "the account's keys (owner user:<id>, with the address) deleted",
        "admin.LogEntry": "changes to this account deleted; changes made by it (technical administrator) kept",
    }

    def export(self, user) -> dict:
        memberships = Membership.objects.filter(user=user).select_related("municipality", "neighbourhood")
        roles = RoleAssignment.objects.filter(user=user).select_related("municipality")
        return {
            "e-mailadres": user.email,
            "naam_die_anderen_zien": user.display_name,
            "aangemaakt_op": iso(user.date_joined),
            "laatst_ingelogd": iso(user.last_login),
            "lidmaatschappen": [
                {
                    "gemeente": m.municipality.name,
                    "buurt": m.neighbourhood.name if m.neighbourhood else None,
                    "sinds": iso(m.created_at),
                }
                for m in memberships
            ],
            "rollen": [{"gemeente": r.municipality.name, "rol": r.role, "sinds": iso(r.granted_at)} for r in roles],
            "tweede_factor_ingesteld": any(True for _device in devices_for_user(user, confirmed=True)),
            # Only that a link exists: the stored subject and BSN are keyed hashes, meaningless to read.
            "inloggen_via": [
                {"dienst": identity.provider, "sinds": iso(identity.created_at)} for identity in _identities(user)
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        user = erasure.user
        email = user.email
        counts = {
            "lidmaatschappen": Membership.objects.filter(user=user).delete()[0],
            "rollen": RoleAssignment.objects.filter(user=user).delete()[0],
        }
        identities = _identities(user)
        for identity in identities:
            identity.delete()
        counts["inlogkoppelingen"] = len(identities)
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        counts["apparaten"] = len(devices)
        # django-axes keeps the typed address of failed and successful staff log-ins.
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=email).delete()
        # Retried submissions are keyed "user:<id>" together with the address they went to.
        counts["idempotentiesleutels"] = IdempotencyKey.objects.filter(owner=f"user:{user.pk}").delete()[0]
        # The Django admin's history of changes to this account names it (object_repr).
        counts["beheerhistorie"] = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).delete()[0]
        keys = _session_keys(user.pk)
        user.email = f"verwijderd-{uuid.uuid4().hex}@{ERASED_DOMAIN}"
        user.display_name = PLACEHOLDER_NAME
        user.set_unusable_password()  # also invalidates every e-mail log-in link (sesame hashes it)
        user.is_active = user.is_staff = user.is_superuser = False
        user.last_login = None
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        Session.objects.filter(session_key__in=keys).delete()
        transaction.on_commit(lambda: _end_sessions(keys))
        counts["sessies"] = len(keys)
        return counts

    def retention(self, retention: Retention) -> dict[str, int]:
        return {}  # the account lives as long as the person keeps it
