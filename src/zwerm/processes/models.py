"""Open-ended participation processes: phases, hosted components, stakeholders, advice and decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel, MunicipalityScoped
from zwerm.core.personal_data import ErasureMode
from zwerm.locations.models import Located

TEXT_MAX = 5000
REASON_MAX = 2000


class Process(MunicipalityScoped, Located):
    class Status(models.TextChoices):
        DRAFT = "draft", _("in voorbereiding")
        ACTIVE = "active", _("loopt")
        CLOSED = "closed", _("afgerond")

    slug = models.SlugField(_("korte naam"), max_length=80)
    title = models.CharField(_("titel"), max_length=200)
    question = models.CharField(_("vraag"), max_length=500)
    description = models.TextField(_("beschrijving"), max_length=TEXT_MAX)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The buurt the process's place (Located) lies in: for filters and the map; empty without a place.
    location_neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Privacy (AVG): what residents' contributions become when they delete their account, and how long
    # after closing the people behind the contributions are kept (empty: kept).
    contributions_on_erase = models.CharField(
        _("bijdragen van wie het account verwijdert"),
        max_length=10,
        choices=ErasureMode.choices,
        default=ErasureMode.ANONYMISE,
    )
    retention_months = models.PositiveSmallIntegerField(
        _("persoonsgegevens verwijderen na (maanden na afronding)"), null=True, blank=True
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # False for a process another app runs as part of its own procedure (a challenge's assessment): its page
    # and record stay public, but it is not one of the processes residents are invited to in the list.
    listed = models.BooleanField(_("in het overzicht van trajecten"), default=True)
    # Not auto_now_add: a process recorded as history carries the moment it started (core.moments).
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="unique_process_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:detail", args=[self.slug])


class ProcessFollow(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    digest = models.BooleanField(_("één keer per week een overzicht"), default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["process", "user"], name="one_process_follow_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.process_id}"


class Phase(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), max_length=TEXT_MAX, blank=True)
    position = models.PositiveIntegerField(default=0)
    starts_on = models.DateField(_("begint op"), null=True, blank=True)
    ends_on = models.DateField(_("eindigt op"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class PhaseChange(AppendOnlyModel):
    """Every change to the phases, with the process lead's reason: the process learns on the record."""

    class Action(models.TextChoices):
        ADD = "add", _("toegevoegd")
        CHANGE = "change", _("gewijzigd")
        REORDER = "reorder", _("volgorde gewijzigd")
        CLOSE = "close", _("afgesloten")

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="phase_changes")
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="changes")
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(max_length=REASON_MAX)
    snapshot = models.JSONField(default=dict)  # the phase as it was after the change
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Placement(models.Model):
    """A component hosted by a process; `kind` is a key in zwerm.processes.registry.components.

    `object_id` points at the component's own row (a dialogue, a budget, a meeting) in its own app."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="placements")
    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("titel"), max_length=200)
    active_phases = models.ManyToManyField(Phase, blank=True, related_name="active_placements")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_placement_per_component")]

    def __str__(self) -> str:
        return self.title


class Stakeholder(models.Model):
    class Kind(models.TextChoices):
        RESIDENT = "resident", _("inwoner")
        GROUP = "group", _("bewonersgroep")
        ORGANISATION = "organisation", _("organisatie")
        COLLEAGUE = "colleague", _("collega")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    role = models.CharField(_("rol in het traject"), max_length=200)
    # Contact details are personal data: only staff see them.
    contact = models.CharField(_("contactgegevens"), max_length=300, blank=True)
    related_to = models.ManyToManyField("self", blank=True, symmetrical=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class AdviceRequest(models.Model):
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="advice_requests")
    specialist = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    team = models.CharField(_("team"), max_length=200, blank=True)
    question = models.TextField(_("vraag"), max_length=TEXT_MAX)
    deadline = models.DateField(_("uiterste datum"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.question[:60]


class Advice(AppendOnlyModel):
    """A specialist's answer; never edited, a new version may follow."""

    request = models.ForeignKey(AdviceRequest, on_delete=models.PROTECT, related_name="advice")
    version = models.PositiveIntegerField(default=1)
    text = models.TextField(_("advies"), max_length=TEXT_MAX)
    basis = models.TextField(_("wettelijke of beleidsmatige grondslag"), max_length=REASON_MAX)
    conditions = models.TextField(_("voorwaarden"), max_length=REASON_MAX, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["request", "version"]
        constraints = [models.UniqueConstraint(fields=["request", "version"], name="unique_advice_version")]


class Decision(AppendOnlyModel):
    """An entry in the decision log. Corrections are new entries pointing at the one they correct."""

    class DecidedBy(models.TextChoices):
        PROCESS_LEAD = "process_lead", _("procesambtenaar")
        EXECUTIVE = "executive", _("college")
        COUNCIL = "council", _("raad")

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="decisions")
    decided_on = models.DateField(_("datum"))
    decided_by = models.CharField(_("besloten door"), max_length=20, choices=DecidedBy.choices)
    title = models.CharField(_("besluit"), max_length=300)
    alternatives = models.TextField(_("overwogen alternatieven"), max_length=TEXT_MAX, blank=True)
    reasons = models.TextField(_("redenen"), max_length=TEXT_MAX)
    advice = models.ManyToManyField(Advice, blank=True, related_name="decisions")
    corrects = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections")
    outside_scope = models.BooleanField(_("buiten de kaders"), default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "pk"]


class ValueAssessment(AppendOnlyModel):
    """Per decision and value: whether and how the value was weighed."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="assessments")
    value = models.ForeignKey("values.Value", on_delete=models.PROTECT, related_name="+")
    weighed = models.BooleanField(_("meegewogen"))
    explanation = models.TextField(_("hoe"), max_length=REASON_MAX)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "value"], name="one_assessment_per_value")]


class Update(AppendOnlyModel):
    """News from the process lead to followers and participants ("closing the loop")."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="updates")
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("bericht"), max_length=TEXT_MAX)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Meeting(MunicipalityScoped):
    """A simple component: a meeting with date, place and minutes."""

    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("datum en tijd"))
    place = models.CharField(_("plaats"), max_length=300)
    minutes = models.TextField(_("verslag"), max_length=20000, blank=True)
    attendance = models.PositiveIntegerField(_("aantal aanwezigen"), default=0)

    def __str__(self) -> str:
        return self.title


class Survey(MunicipalityScoped):
    """A simple component: a short survey with open questions (one per line)."""

    title = models.CharField(_("titel"), max_length=200)
    questions = models.JSONField(default=list)

    def __str__(self) -> str:
        return self.title


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Emptied by the retention run (and on erasure with "anonymise"): the answers stay, without the person.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = models.JSONField(default=list)
    public_answers = models.JSONField(default=list)  # with personal data masked
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "respondent"], name="one_response_per_resident")]

    def __str__(self) -> str:
        return f"{self.respondent_id} -> {self.survey_id}"
