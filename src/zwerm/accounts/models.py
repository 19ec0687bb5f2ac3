from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from zwerm.core.models import Municipality

from .roles import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person; what they may do depends on their memberships and roles per municipality."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(_("naam die anderen zien"), max_length=60)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]
    objects = UserManager()

    def __str__(self) -> str:
        return self.display_name or self.email


class Membership(models.Model):
    """A user's place in one municipality: their buurt, chosen by themselves."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "municipality"], name="one_membership_per_municipality")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.municipality_id}"


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "municipality", "role"], name="one_assignment_per_role")]

    def __str__(self) -> str:
        return f"{self.user}: {self.role}"


class RoleChange(models.Model):
    """Append-only: each role an admin granted or revoked. A revocation deletes the RoleAssignment, so the
    municipality's account of staff actions (core.staff_actions) reads this history, not the assignments."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("toegekend")
        REVOKE = "revoke", _("ingetrokken")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["municipality", "at"], name="role_change_by_time")]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.role}"


class ExternalIdentity(models.Model):
    """A log-in at an outside identity provider (OpenID Connect), linked to one user.

    For the DigiD broker only keyed hashes are kept: `subject` is the HMAC of the provider's `sub` and
    `bsn_hash` the HMAC of the BSN (accounts.oidc.bsn); the BSN itself is never stored."""

    class Provider(models.TextChoices):
        STAFF = "staff", _("inlogdienst voor medewerkers")
        BROKER = "broker", _("DigiD")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    provider = models.CharField(max_length=20, choices=Provider.choices)
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    bsn_hash = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "issuer", "subject"], name="one_user_per_external_subject"),
            models.UniqueConstraint(
                fields=["provider", "bsn_hash"], condition=~models.Q(bsn_hash=""), name="one_user_per_bsn"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} via {self.provider}"


class IdentityProviderDevice(Device):
    """The staff identity provider's own second factor, as django-otp sees it.

    Created when the provider's ID token shows multi-factor authentication (`amr`/`acr`), so that
    `request.user.is_verified()` holds for that session. It never accepts a code typed in Zwerm."""

    def verify_token(self, token) -> bool:
        return False
