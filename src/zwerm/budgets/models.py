"""Participatory budgets (buurtbudget): projects residents propose, secret ballots, and stored counts.

The count itself lives in `budgets/rules/` (no Django); these rows feed it and keep its outcome."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.masking import PENDING_TEXT
from zwerm.core.models import MunicipalityScoped
from zwerm.locations.models import Located

TITLE_MAX = 200
TEXT_MAX = 5000
REASON_MAX = 2000
MONEY = {"max_digits": 12, "decimal_places": 2}
# The target kind of a project's photos and documents in zwerm.attachments.
PROJECT_ATTACHMENT_TARGET = "budget_project"


class Budget(MunicipalityScoped):
    class Status(models.TextChoices):
        PROPOSALS = "proposals", _("voorstellen indienen")
        REVIEW = "review", _("beoordelen")
        VOTING = "voting", _("stemmen")
        COUNTING = "counting", _("tellen")
        RESULT = "result", _("uitslag")

    class Rule(models.TextChoices):
        GREEDY = "greedy", _("meeste stemmen eerst")
        MES = "mes", _("methode van gelijke delen")

    class Eligibility(models.TextChoices):
        RESIDENT = "resident", _("ingelogde inwoners van het gebied")
        CODE = "code", _("stemcode per adres")

    class BallotType(models.TextChoices):
        APPROVAL = "approval", _("projecten aankruisen")
        CUMULATIVE = "cumulative", _("punten verdelen")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    description = models.TextField(_("beschrijving"), max_length=TEXT_MAX, blank=True)
    total_amount = models.DecimalField(_("bedrag"), **MONEY)
    # The wijk the budget is for; empty: the whole municipality (or per wijk, see DistrictAmount).
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rule = models.CharField(_("telmethode"), max_length=10, choices=Rule.choices, default=Rule.MES)
    # How MES is completed (rules.COMPLETIONS), whether the greedy fill-up follows, and by how much
    # the per-voter budget is raised each time; variants.py names the combinations for staff.
    completion = models.CharField(_("aanvulling"), max_length=20, blank=True, default="add1")
    fill_up = models.BooleanField(_("restgeld aanvullen op volgorde van stemmen"), default=True)
    completion_step = models.DecimalField(_("verhoging per stap"), default=1, **MONEY)
    ballot_type = models.CharField(_("soort stembiljet"), max_length=12, choices=BallotType.choices)
    min_projects = models.PositiveIntegerField(_("minimaal aantal projecten"), null=True, blank=True)
    max_projects = models.PositiveIntegerField(_("maximaal aantal projecten"), null=True, blank=True)
    max_cost = models.DecimalField(_("maximale totale kosten"), null=True, blank=True, **MONEY)
    points = models.PositiveIntegerField(_("punten per stembiljet"), null=True, blank=True)
    min_votes = models.PositiveIntegerField(_("minimaal aantal stemmen per project"), default=0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSALS)
    vote_closes_at = models.DateTimeField(_("stemmen sluit op"), null=True, blank=True)
    # Who may vote: logged-in residents of the area (one ballot per account), or whoever holds an unused
    # vote code (one per address, sent by letter). See docs/budgets-eligibility.md.
    eligibility = models.CharField(
        _("wie mag stemmen"), max_length=10, choices=Eligibility.choices, default=Eligibility.RESIDENT
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:detail", args=[self.pk])

    def voting_is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.status == self.Status.VOTING and (self.vote_closes_at is None or at < self.vote_closes_at)


class DistrictAmount(models.Model):
    """Per-district budgets: the part of the budget set aside for one wijk, counted on its own."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="district_amounts")
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("bedrag"), **MONEY)

    class Meta:
        ordering = ["district__name"]
        constraints = [models.UniqueConstraint(fields=["budget", "district"], name="one_amount_per_district")]

    def __str__(self) -> str:
        return f"{self.district_id}: {self.amount}"


class Project(MunicipalityScoped, Located):
    class Feasibility(models.TextChoices):
        PENDING = "pending", _("wordt beoordeeld")
        FEASIBLE = "feasible", _("haalbaar")
        INFEASIBLE = "infeasible", _("niet haalbaar")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="projects")
    # Who proposed it is personal data: kept for contact by staff, never shown on public pages or exports.
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    initiative_id = models.PositiveBigIntegerField(null=True, blank=True)  # turned from this initiative
    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    description = models.TextField(_("beschrijving"), max_length=TEXT_MAX)
    # What the public sees: the text with personal data masked.
    public_title = models.CharField(max_length=TITLE_MAX + 200)
    public_description = models.TextField()
    masked_kinds = models.JSONField(default=list, blank=True)
    # On while the public text waits for the masking task (empty until then; see zwerm.core.masking).
    masking_pending = models.BooleanField(default=False)
    cost = models.DecimalField(_("kosten"), null=True, blank=True, **MONEY)
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The buurt the project's place (Located) lies in: for filters and the map; empty without a place.
    location_neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    feasibility = models.CharField(max_length=12, choices=Feasibility.choices, default=Feasibility.PENDING)
    feasibility_reason = models.TextField(_("toelichting"), max_length=REASON_MAX, blank=True)
    advice_request_id = models.PositiveBigIntegerField(null=True, blank=True)  # in the hosting process
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "initiative_id"],
                condition=models.Q(initiative_id__isnull=False),
                name="one_project_per_initiative",
            ),
        ]

    def __str__(self) -> str:
        return self.shown_title

    @property
    def shown_title(self) -> str:
        """The public title, or "wordt gecontroleerd" while it waits for masking."""
        return str(PENDING_TEXT) if self.masking_pending else self.public_title

    @property
    def shown_description(self) -> str:
        return str(PENDING_TEXT) if self.masking_pending else self.public_description


class Ballot(models.Model):
    """One secret ballot: what was chosen, in which wijk. It has no reference to a person at all, no time
    and a random id, so nothing (no join, no order, no timestamp) ties it to the register of who voted
    (`VoteRecord`). A cast ballot is final: changing it would need such a tie."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    def __str__(self) -> str:
        return "ballot"


class BallotChoice(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    points = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="one_choice_per_project"),
            models.CheckConstraint(condition=models.Q(points__gte=1), name="choice_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id}={self.points}"


class VoteRecord(models.Model):
    """The register: only that this person has voted in this budget (one ballot per person, "je hebt al
    gestemd"). Written in the same transaction as the ballot; no time, a random id; erasure deletes it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="+")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["budget", "voter"], name="one_ballot_per_resident")]

    def __str__(self) -> str:
        return "vote record"


class CountResult(models.Model):
    """A stored count: the outcome of the budget's rule with every explanation, and the other rule's
    outcome for comparison. Only figures, never who voted what."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="counts")
    rule = models.CharField(max_length=10, choices=Budget.Rule.choices)
    completion = models.CharField(max_length=20, blank=True)
    outcome = models.JSONField()
    other_rule = models.CharField(max_length=10, choices=Budget.Rule.choices)
    other_outcome = models.JSONField()
    voters = models.PositiveIntegerField()
    counted_at = models.DateTimeField(auto_now_add=True)
    counted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-counted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.budget_id} @ {self.counted_at:%Y-%m-%d %H:%M}"


class VoteCode(models.Model):
    """One vote code (stemcode), sent by letter to one address. Only a keyed hash of the code is kept, never
    the code or the address; `used` says it has voted. The ballot does not know the code (ADR 0021)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["budget", "code_hash"], name="one_code_hash_per_budget")]

    def __str__(self) -> str:
        return "vote code"
