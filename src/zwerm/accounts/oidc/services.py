"""Writes for OpenID Connect log-ins: link the provider's person to an account, roles from claims, the
provider's second factor. Called by the backend once the provider's tokens have been checked."""

import logging
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality

from ..models import ExternalIdentity, IdentityProviderDevice, Membership, RoleAssignment, User
from ..roles import Role
from .bsn import InvalidBsn, bsn_hash, subject_hash
from .config import Provider
from .errors import LoginRefused

logger = logging.getLogger(__name__)

DIGID_EMAIL_DOMAIN = "digid.invalid"  # RFC 2606: never delivered; DigiD gives no e-mail address


def mfa_satisfied(*, provider: Provider, id_claims: dict | None) -> bool:
    """True when the ID token says the provider itself checked a second factor (`amr` or `acr`)."""
    if not id_claims:
        return False
    amr = id_claims.get("amr") or []
    amr = {amr} if isinstance(amr, str) else {str(value) for value in amr}
    accepted_amr = set(provider.extra.get("mfa_amr", []))
    accepted_acr = set(provider.extra.get("mfa_acr", []))
    return bool(amr & accepted_amr) or str(id_claims.get("acr", "")) in accepted_acr


def provider_device_for(*, user: User, provider: Provider) -> IdentityProviderDevice:
    """The device that stands for the provider's second factor in django-otp (one per user)."""
    device, _created = IdentityProviderDevice.objects.get_or_create(
        user=user, name=provider.label[:64], defaults={"confirmed": True}
    )
    return device


# --- staff -------------------------------------------------------------------------------------------


def role_map_parse(entries: list[str]) -> list[tuple[str, str, str]]:
    """Parse ZWERM_OIDC_STAFF_ROLE_MAP entries `group=municipality-slug:role` into (group, slug, role)."""
    parsed = []
    for entry in entries:
        group, _sep, target = entry.partition("=")
        slug, _sep, role = target.partition(":")
        group, slug, role = group.strip(), slug.strip(), role.strip()
        if not (group and slug and role) or role not in Role.values or role == Role.RESIDENT:
            logger.error("ZWERM_OIDC_STAFF_ROLE_MAP: ignoring %r (expected group=municipality-slug:staff-role)", entry)
            continue
        parsed.append((group, slug, role))
    return parsed


def _claim_groups(provider: Provider, claims: dict) -> set[str] | None:
    claim = provider.extra.get("roles_claim")
    if not claim or not provider.extra.get("role_map"):
        return None  # no mapping configured: the provider grants no roles
    value = claims.get(claim) or []
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return {str(item) for item in value}


def _roles_sync(*, provider: Provider, claims: dict, user: User) -> bool:
    """Make the mapped roles follow the provider's groups; roles outside the mapping are left alone.

    Returns whether a role was withdrawn."""
    groups = _claim_groups(provider, claims)
    withdrawn = False
    if groups is None:
        return withdrawn
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    for group, slug, role in role_map_parse(provider.extra["role_map"]):
        municipality = municipalities.get(slug)
        if municipality is None:
            logger.error("ZWERM_OIDC_STAFF_ROLE_MAP: no municipality with slug %r", slug)
            continue
        if group in groups:
            Membership.objects.get_or_create(user=user, municipality=municipality)
            RoleAssignment.objects.get_or_create(user=user, municipality=municipality, role=role)
        else:
            deleted, _rows = RoleAssignment.objects.filter(user=user, municipality=municipality, role=role).delete()
            withdrawn = withdrawn or bool(deleted)
    return withdrawn


def _verified_email(provider: Provider, claims: dict) -> str:
    email = str(claims.get("email") or "").strip().lower()
    verified = claims.get("email_verified") in (True, "true")
    if not email or (provider.extra.get("require_email_verified", True) and not verified):
        raise LoginRefused(
            _("De inlogdienst gaf geen bevestigd e-mailadres door. Vraag de beheerder van de inlogdienst om hulp."),
            reason="no verified e-mail claim",
        )
    return email


def _display_name(claims: dict, email: str) -> str:
    name = " ".join(str(claims.get("name") or "").split())
    return (name or email.split("@")[0])[:60]


def staff_user_for_claims(*, provider: Provider, claims: dict) -> User:
    """The staff account for the provider's person: by the link made at the first log-in (`iss` + `sub`),
    else by the verified e-mail address of an existing account, which is then linked.

    An account is only created when the role mapping gives the person a role. Refused (LoginRefused,
    nothing saved) when no account fits, the account is off, or it ends up without any staff role."""
    subject = str(claims["sub"])
    with transaction.atomic():
        identity = (
            ExternalIdentity.objects.select_related("user")
            .filter(provider=ExternalIdentity.Provider.STAFF, issuer=provider.issuer, subject=subject)
            .first()
        )
        if identity is None:
            email = _verified_email(provider, claims)
            user = User.objects.filter(email__iexact=email).first()
            groups = _claim_groups(provider, claims) or set()
            if user is None and any(group in groups for group, *_rest in role_map_parse(provider.extra["role_map"])):
                user = User.objects.create_user(email=email, display_name=_display_name(claims, email))
            if user is None:
                raise LoginRefused(
                    _("Er is geen medewerkersaccount met dit e-mailadres. Vraag een beheerder om je toe te voegen."),
                    reason="no staff account for the e-mail claim",
                )
            if ExternalIdentity.objects.filter(
                user=user, provider=ExternalIdentity.Provider.STAFF, issuer=provider.issuer
            ).exists():
                # The address moved to another person at the provider: never hand them this account.
                raise LoginRefused(
                    _("Dit medewerkersaccount is al gekoppeld aan een ander account bij de inlogdienst."),
                    reason="account linked to another subject",
                )
            identity = ExternalIdentity.objects.create(
                user=user, provider=ExternalIdentity.Provider.STAFF, issuer=provider.issuer, subject=subject
            )
        user = identity.user
        if not user.is_active:
            raise LoginRefused(_("Dit account is uitgeschakeld."), reason="inactive account")
        withdrawn = _roles_sync(provider=provider, claims=claims, user=user)
        if not RoleAssignment.objects.filter(user=user).exists():
            refusal = LoginRefused(
                _("Je hebt geen rol als medewerker in Zwerm. Vraag een beheerder om je een rol te geven."),
                reason="no staff role",
            )
            if not withdrawn:
                raise refusal  # nothing of this attempt is kept
        else:
            refusal = None
            identity.last_login_at = timezone.now()
            identity.save(update_fields=["last_login_at"])
    if refusal is not None:
        raise refusal  # after the commit: the provider withdrew the roles, and they stay withdrawn
    return user


# --- residents through the DigiD broker ------------------------------------------------------------------


def _resident_create() -> User:
    # Nothing derived from the BSN: a random address under .invalid and a neutral name.
    return User.objects.create_user(
        email=f"digid-{uuid.uuid4().hex}@{DIGID_EMAIL_DOMAIN}",
        display_name=f"{_('Inwoner')} {1000 + secrets.randbelow(9000)}",
    )


def resident_user_for_claims(*, provider: Provider, claims: dict) -> User:
    """The resident's account for a DigiD log-in: the same BSN always gives the same account.

    The BSN is checked with the 11-test and kept only as a keyed hash; the broker's `sub` too.
    Never looked up by e-mail address."""
    raw_bsn = claims.get(provider.extra.get("bsn_claim", "bsn"))
    if not raw_bsn:
        raise LoginRefused(
            _("DigiD gaf geen burgerservicenummer door. Probeer het opnieuw of log in met je e-mailadres."),
            reason="no BSN claim",
        )
    try:
        hashed_bsn = bsn_hash(str(raw_bsn))
    except InvalidBsn:
        raise LoginRefused(
            _(
                "Het burgerservicenummer dat DigiD doorgaf is niet geldig. Probeer het opnieuw of log in met je "
                "e-mailadres."
            ),
            reason="BSN fails the 11-test",
        ) from None
    subject = subject_hash(issuer=provider.issuer, subject=str(claims["sub"]))
    for _attempt in range(2):  # a second try when two first log-ins of one person race
        try:
            with transaction.atomic():
                return _resident_link(provider=provider, hashed_bsn=hashed_bsn, subject=subject)
        except IntegrityError:
            continue
    raise LoginRefused(_("Inloggen lukte niet. Probeer het opnieuw."), reason="concurrent first log-in")


def _resident_link(*, provider: Provider, hashed_bsn: str, subject: str) -> User:
    broker = ExternalIdentity.Provider.BROKER
    by_subject = ExternalIdentity.objects.filter(provider=broker, issuer=provider.issuer, subject=subject).first()
    if by_subject is not None and by_subject.bsn_hash != hashed_bsn:
        raise LoginRefused(_("Inloggen lukte niet. Probeer het opnieuw."), reason="sub and BSN disagree")
    identity = (
        by_subject
        or ExternalIdentity.objects.select_related("user").filter(provider=broker, bsn_hash=hashed_bsn).first()
    )
    if identity is None:
        identity = ExternalIdentity(
            user=_resident_create(), provider=broker, issuer=provider.issuer, subject=subject, bsn_hash=hashed_bsn
        )
    elif not identity.user.is_active:
        raise LoginRefused(_("Dit account is uitgeschakeld."), reason="inactive account")
    # The broker's `sub` may change (a new broker, pairwise ids); the BSN decides who it is.
    identity.issuer, identity.subject = provider.issuer, subject
    identity.last_login_at = timezone.now()
    identity.save()
    return identity.user
