"""Privacy records: the municipality's default for erased accounts, and append-only logs of staff access
to personal data, of account erasures and of retention runs (what was done, in counts, never whose)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel, MunicipalityScoped
from zwerm.core.personal_data import ErasureMode


class PrivacySettings(MunicipalityScoped):
    """One per municipality: what contributions outside any process become when an account is deleted."""

    contributions_on_erase = models.CharField(
        _("bijdragen buiten een traject"), max_length=10, choices=ErasureMode.choices, default=ErasureMode.ANONYMISE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_privacy_settings_per_municipality")]


class Purpose(models.TextChoices):
    MODERATION = "moderation", _("Een melding of bijdrage modereren")
    CONTACT = "contact", _("Contact opnemen met de betrokkene")
    REQUEST = "request", _("Een verzoek of klacht van de betrokkene afhandelen")
    ACCOUNTS = "accounts", _("Rollen en accounts beheren")
    OTHER = "other", _("Anders (licht toe)")


class PersonalDataAccess(AppendOnlyModel):
    """A staff member saw personal data: who, what, when and why."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scope = models.CharField(max_length=100)  # stable key of what was opened, e.g. "stakeholders:12"
    what = models.CharField(_("welke gegevens"), max_length=300)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    explanation = models.CharField(_("toelichting"), max_length=300, blank=True)
    path = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "staff", "-created_at"])]


class AccountErasure(AppendOnlyModel):
    """An account was deleted at the person's request: when, and how much was anonymised or removed."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    counts = models.JSONField(default=dict)  # per app: {"geanonimiseerd": 3, ...}; never who
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class RetentionRun(AppendOnlyModel):
    """One run of the retention task for one municipality, with what it did per process."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    trigger = models.CharField(max_length=20)  # task | command
    processes = models.JSONField(default=list)  # [{"process": id, "title", "closed_at", "months", "counts"}]
    totals = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
