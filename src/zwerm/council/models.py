"""The council's hold on processes: frames (kaders), questions on the record, frozen progress and district reports."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel, MunicipalityScoped

TEXT_MAX = 5000


class Frame(AppendOnlyModel):
    """A kader set by the council or the executive. A change is a new frame that replaces the old one."""

    class Kind(models.TextChoices):
        BUDGET = "budget", _("budget")
        LEGAL = "legal", _("juridisch kader")
        POLICY = "policy", _("beleidskader")
        SCOPE = "scope", _("wat wel en niet open staat voor inspraak")
        DEADLINE = "deadline", _("deadline")

    class SetBy(models.TextChoices):
        COUNCIL = "council", _("raad")
        EXECUTIVE = "executive", _("college")

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    description = models.TextField(_("omschrijving"), max_length=TEXT_MAX)
    budget = models.DecimalField(_("budget (euro)"), max_digits=14, decimal_places=2, null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    set_by = models.CharField(_("vastgesteld door"), max_length=10, choices=SetBy.choices)
    source_reference = models.CharField(_("bron (besluit, kenmerk)"), max_length=300)
    source_date = models.DateField(_("datum van het besluit"))
    replaces = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]


class Spending(AppendOnlyModel):
    """Money committed within a process, against its budget frame."""

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=14, decimal_places=2)
    description = models.CharField(_("waarvoor"), max_length=300)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class Question(models.Model):
    """A council member's written question; the process lead's answer is final once given."""

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("vraag"), max_length=TEXT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("antwoord"), max_length=TEXT_MAX, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class SentOnce(models.Model):
    """What both kinds of report share: content as data, who made it, and who sent it to the council.

    Once `sent_at` is set the report is frozen: services/sending.py refuses every later change."""

    content = models.JSONField()  # the report as data; HTML, PDF and JSON are renderings of it
    generated_at = models.DateTimeField(auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["-generated_at"]

    @property
    def is_frozen(self) -> bool:
        return self.sent_at is not None


class Report(SentOnce):
    """A progress report generated from the process record (Open Raadsinformatie vocabulary where it fits)."""

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.process_id} @ {self.generated_at:%Y-%m-%d}"


class CouncilFollow(models.Model):
    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["process", "member"], name="one_council_follow")]

    def __str__(self) -> str:
        return f"{self.member_id} -> {self.process_id}"


class DistrictReport(MunicipalityScoped, SentOnce):
    """What moves in one wijk (or in every wijk, district None) over the last weeks, from sensing's public figures.

    Generated by a process lead or admin; frozen (never changed) once sent to the council."""

    district = models.ForeignKey("places.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    weeks = models.PositiveSmallIntegerField(_("aantal weken"))  # the last `weeks` weeks up to period_end
    period_start = models.DateField(_("eerste dag van de periode"))
    period_end = models.DateField(_("laatste dag van de periode"))

    class Meta(SentOnce.Meta):  # said explicitly: the first base's Meta (MunicipalityScoped) has no ordering
        pass

    def __str__(self) -> str:
        return f"{self.district_id or 'alle wijken'} {self.period_start}..{self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse("council:district_report", kwargs={"pk": self.pk})
