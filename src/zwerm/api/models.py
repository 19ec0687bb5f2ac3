"""Tokens with which the municipality's own systems call the REST API; only a hash of each is kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.accounts.roles import Role
from zwerm.core.models import MunicipalityScoped


class ApiToken(MunicipalityScoped):
    """A token acts for `created_by` within one municipality, limited to one staff role.

    It works only while that person still holds the role there and until it is revoked. The token itself
    is shown once, when it is made; the database keeps its SHA-256 hash (the token is 256 random bits, so
    a fast hash is enough), so a copy of the database does not let anyone call the API."""

    name = models.CharField(_("naam"), max_length=100)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
