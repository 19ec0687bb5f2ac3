"""Writes for accounts: registration, log-in links, roles and second factors."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from sesame.utils import get_query_string

from zwerm.core.mail import send_mass_mail
from zwerm.core.models import Municipality
from zwerm.core.text import clean_text

from .models import Membership, RoleAssignment, RoleChange, User
from .roles import Role
from .selectors import user_has_role


def _check_neighbourhood(*, municipality: Municipality, neighbourhood) -> None:
    if neighbourhood is not None and neighbourhood.municipality_id != municipality.id:
        raise ValidationError({"neighbourhood": _("Kies een buurt in deze gemeente.")})


def _display_name_cleaned(display_name: str) -> str:
    try:
        return clean_text(display_name, field_label=_("je naam"), max_length=60, single_line=True)
    except ValidationError as error:
        raise ValidationError({"display_name": error.messages}) from None


def resident_register(*, municipality: Municipality, email: str, display_name: str, neighbourhood=None) -> User:
    """A resident joins `municipality`; an existing account (same e-mail) just gains the membership.

    For trusted callers (commands, the demo, tests); a visitor's registration form goes through
    `registration_request`, which never changes an existing account."""
    _check_neighbourhood(municipality=municipality, neighbourhood=neighbourhood)
    display_name = _display_name_cleaned(display_name)
    email = email.strip().lower()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(email=email, display_name=display_name)
        membership, created = Membership.objects.get_or_create(
            user=user, municipality=municipality, defaults={"neighbourhood": neighbourhood}
        )
        if not created and neighbourhood is not None and membership.neighbourhood_id is None:
            membership.neighbourhood = neighbourhood
            membership.save(update_fields=["neighbourhood"])
    return user


def membership_set_neighbourhood(*, user: User, municipality: Municipality, neighbourhood) -> Membership:
    _check_neighbourhood(municipality=municipality, neighbourhood=neighbourhood)
    membership, _created = Membership.objects.update_or_create(
        user=user, municipality=municipality, defaults={"neighbourhood": neighbourhood}
    )
    return membership


def registration_request(
    *, municipality: Municipality, email: str, display_name: str, neighbourhood, link_base: str, next_url: str = ""
) -> None:
    """A visitor registers: a new address gets an account and a log-in link. A known address gets only a log-in
    link, within the per-recipient limit: whoever typed it learns nothing and changes nothing of that account
    (no membership, no buurt, no name); its owner chooses their buurt after logging in."""
    _check_neighbourhood(municipality=municipality, neighbourhood=neighbourhood)
    display_name = _display_name_cleaned(display_name)
    existing = User.objects.filter(email__iexact=email.strip()).first()
    if existing is None:
        user = resident_register(
            municipality=municipality, email=email, display_name=display_name, neighbourhood=neighbourhood
        )
    elif existing.is_active:
        user = existing
    else:
        return
    login_link_send(user=user, municipality=municipality, link_base=link_base, next_url=next_url)


def _recipient_within_limit(user: User) -> bool:
    """At most ZWERM_LOGIN_LINKS_PER_RECIPIENT_PER_HOUR log-in links to one account per clock hour, however many
    addresses ask: so nobody can flood someone's mailbox by typing their address (the per-address limit of
    django-ratelimit does not stop many senders)."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return True
    key = f"zwerm:login-links-to:{user.pk}:{int(time.time() // 3600)}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, 3600)
        count = 1
    return count <= settings.ZWERM_LOGIN_LINKS_PER_RECIPIENT_PER_HOUR


def login_link_send(*, user: User, municipality: Municipality, link_base: str, next_url: str = "") -> bool:
    """E-mail `user` a one-time log-in link (valid for SESAME_MAX_AGE seconds); link_base is the link view URL.

    False (and nothing sent) when the account already got its hourly number of links."""
    if not _recipient_within_limit(user):
        return False
    query = get_query_string(user)
    if next_url:
        query += "&" + urlencode({"next": next_url})
    context = {
        "user": user,
        "municipality": municipality,
        "link": f"{link_base}{query}",
        "minutes": settings.SESAME_MAX_AGE // 60,
    }
    subject = _("Je inloglink voor %(name)s") % {"name": municipality.name}
    send_mass_mail([(subject, render_to_string("accounts/email/login_link.txt", context), None, [user.email])])
    return True


def require_admin(*, user, municipality: Municipality) -> None:
    """Raises PermissionDenied unless `user` is an admin of `municipality` (a precondition for other apps' writes)."""
    if not (user.is_authenticated and user_has_role(user=user, municipality=municipality, roles=Role.ADMIN)):
        raise PermissionDenied(_("Alleen een beheerder kan dit doen."))


def role_grant(*, actor: User, municipality: Municipality, user: User, role: str) -> RoleAssignment:
    if not user_has_role(user=actor, municipality=municipality, roles=Role.ADMIN):
        raise PermissionDenied(_("Alleen een beheerder kan rollen toekennen."))
    if role not in Role.values or role == Role.RESIDENT:
        raise ValidationError({"role": _("Kies een bestaande rol.")})
    with transaction.atomic():
        Membership.objects.get_or_create(user=user, municipality=municipality)
        assignment, created = RoleAssignment.objects.get_or_create(
            user=user, municipality=municipality, role=role, defaults={"granted_by": actor}
        )
        if created:
            RoleChange.objects.create(
                municipality=municipality, user=user, role=role, kind=RoleChange.Kind.GRANT, actor=actor
            )
    return assignment


def role_revoke(*, actor: User, municipality: Municipality, user: User, role: str) -> None:
    if not user_has_role(user=actor, municipality=municipality, roles=Role.ADMIN):
        raise PermissionDenied(_("Alleen een beheerder kan rollen intrekken."))
    if actor.pk == user.pk and role == Role.ADMIN:
        raise ValidationError(_("Je kunt je eigen beheerdersrol niet intrekken."))
    with transaction.atomic():
        deleted, _rows = RoleAssignment.objects.filter(user=user, municipality=municipality, role=role).delete()
        if deleted:
            RoleChange.objects.create(
                municipality=municipality, user=user, role=role, kind=RoleChange.Kind.REVOKE, actor=actor
            )


def staff_user_create(*, email: str, display_name: str, password: str, technical_admin: bool = False) -> User:
    """A staff account logs in with a password and a second factor (TOTP).

    A technical administrator (`technical_admin`) also reaches the Django admin of the whole installation
    (/beheer/django/), as `zwerm createsuperuser` would make one."""
    validate_password(password)
    if technical_admin:
        return User.objects.create_superuser(email=email, display_name=display_name, password=password)
    return User.objects.create_user(email=email, display_name=display_name, password=password)


def totp_device_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for `user`; it counts once a first code is confirmed."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator-app"), confirmed=False)


def totp_device_confirm(*, device: TOTPDevice, token: str) -> TOTPDevice:
    if not device.verify_token(token.strip()):
        raise ValidationError({"token": _("Deze code klopt niet. Kijk of de tijd op je telefoon goed staat.")})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def role_bootstrap_admin(*, municipality: Municipality, user: User) -> RoleAssignment:
    """The first admin of a municipality (set-up and demo only): refused once it has an admin."""
    if RoleAssignment.objects.filter(municipality=municipality, role=Role.ADMIN).exists():
        raise PermissionDenied(_("Deze gemeente heeft al een beheerder; die kent rollen toe."))
    Membership.objects.get_or_create(user=user, municipality=municipality)
    return RoleAssignment.objects.create(user=user, municipality=municipality, role=Role.ADMIN)
