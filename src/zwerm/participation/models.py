"""The participation framework: the municipality's verordening (versioned), each process's participation
promise against it, and the input each decision weighed."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel
from zwerm.core.redaction import redact

TEXT_MAX = 5000
BYLAW_TEXT_MAX = 100_000


class Level(models.TextChoices):
    """The participation ladder, lowest first (the order matters: a promise is compared against a minimum)."""

    INFORM = "inform", _("informeren")
    CONSULT = "consult", _("raadplegen")
    ADVISE = "advise", _("adviseren")
    COPRODUCE = "coproduce", _("coproduceren")
    CODECIDE = "codecide", _("meebeslissen")


LEVEL_ORDER = [level.value for level in Level]


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level)


class PolicyPhase(models.TextChoices):
    PREPARATION = "preparation", _("voorbereiding")
    EXECUTION = "execution", _("uitvoering")
    EVALUATION = "evaluation", _("evaluatie")


class Bylaw(AppendOnlyModel):
    """One version of the participatieverordening. A change is a new version; old ones keep their dates."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst van de verordening"), max_length=BYLAW_TEXT_MAX)
    valid_from = models.DateField(_("geldt vanaf"))
    weighing = models.TextField(_("hoe inbreng wordt gewogen en teruggekoppeld"), max_length=TEXT_MAX)
    response_days = models.PositiveSmallIntegerField(_("reactietermijn op inbreng (dagen)"))
    challenge_criteria = models.TextField(_("criteria voor het uitdaagrecht"), max_length=TEXT_MAX)
    challenge_receipt_days = models.PositiveSmallIntegerField(_("ontvangstbevestiging uitdaging binnen (dagen)"))
    challenge_complete_days = models.PositiveSmallIntegerField(_("toets op volledigheid binnen (dagen)"))
    challenge_decision_days = models.PositiveSmallIntegerField(_("besluit op uitdaging binnen (dagen)"))
    evaluation_days = models.PositiveSmallIntegerField(_("evaluatie na afronding binnen (dagen)"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["municipality", "version"], name="unique_bylaw_version")]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class BylawRule(AppendOnlyModel):
    """For one kind of decision: in which policy phases residents take part, and the minimum level."""

    bylaw = models.ForeignKey(Bylaw, on_delete=models.PROTECT, related_name="rules")
    name = models.CharField(_("soort besluit"), max_length=200)
    phases = models.JSONField(default=list)  # PolicyPhase values
    minimum_level = models.CharField(_("minimaal niveau"), max_length=12, choices=Level.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["bylaw", "name"], name="unique_bylaw_rule_name")]

    def __str__(self) -> str:
        return self.name

    def phase_labels(self) -> list[str]:
        return [str(PolicyPhase(p).label) for p in self.phases]


class Promise(AppendOnlyModel):
    """A process's participation promise. A change is a new row: the latest one holds, the older ones stay."""

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")
    rule = models.ForeignKey(BylawRule, on_delete=models.PROTECT, related_name="promises")
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices)
    fixed = models.TextField(_("wat vastligt (de kaders)"), max_length=TEXT_MAX)
    open = models.TextField(_("wat open is"), max_length=TEXT_MAX)
    decides = models.CharField(_("wie besluit"), max_length=200)
    decides_on = models.DateField(_("wanneer het besluit valt"), null=True, blank=True)
    feedback = models.TextField(_("hoe je hoort wat er met je inbreng is gedaan"), max_length=TEXT_MAX)
    below_minimum_reason = models.TextField(
        _("waarom minder dan de verordening vraagt"), max_length=TEXT_MAX, blank=True
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    @property
    def is_below_minimum(self) -> bool:
        return level_rank(self.level) < level_rank(self.rule.minimum_level)


class WeighedInput(AppendOnlyModel):
    """A decision cites a component of its process whose input it weighed, and says what was done with it."""

    decision = models.ForeignKey("processes.Decision", on_delete=models.PROTECT, related_name="+")
    placement = models.ForeignKey("processes.Placement", on_delete=models.PROTECT, related_name="+")
    how = models.TextField(_("wat er met de inbreng is gedaan"), max_length=TEXT_MAX)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decision", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "placement"], name="one_citation_per_decision_placement")
        ]


class Challenge(models.Model):
    """A challenge under the uitdaagrecht: residents, as a group or organisation, offer to take over a task.

    The fields below `state` follow the procedure; every step is also kept as a `ChallengeEvent` (append-only),
    which is the public register's history."""

    class ChallengerKind(models.TextChoices):
        GROUP = "group", _("bewonersgroep")
        ORGANISATION = "organisation", _("organisatie")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("ingediend")
        RECEIVED = "received", _("ontvangst bevestigd")
        INCOMPLETE = "incomplete", _("aanvulling gevraagd")
        ASSESSMENT = "assessment", _("in beoordeling")
        GRANTED = "granted", _("toegekend")
        REFUSED = "refused", _("afgewezen")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    bylaw = models.ForeignKey(Bylaw, on_delete=models.PROTECT, related_name="challenges")
    task = models.CharField(_("welke taak"), max_length=200)
    plan = models.TextField(_("jullie plan"), max_length=TEXT_MAX)
    involvement = models.TextField(_("hoe jullie de buurt betrekken"), max_length=TEXT_MAX)
    cost = models.DecimalField(_("wat het jullie kost (euro per jaar)"), max_digits=12, decimal_places=2)
    municipality_cost = models.DecimalField(
        _("wat het de gemeente nu kost (euro per jaar, schatting)"), max_digits=12, decimal_places=2
    )
    challenger_kind = models.CharField(_("wie jullie zijn"), max_length=20, choices=ChallengerKind.choices)
    challenger_name = models.CharField(_("naam van de groep of organisatie"), max_length=200)
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Emptied on erasure: the challenge is the group's, not one person's, and stays in the register.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now)  # or the moment given (core.moments)
    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decision = models.ForeignKey(
        "processes.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    conditions = models.TextField(_("voorwaarden van de afspraak"), max_length=TEXT_MAX, blank=True)
    evaluate_on = models.DateField(_("evaluatie op"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return self.task

    def get_absolute_url(self) -> str:
        return reverse("participation:challenge", args=[self.pk])

    @property
    def public_plan(self) -> str:
        """The plan as the public sees it: phone numbers, e-mail addresses and the like masked."""
        return redact(self.plan).text

    @property
    def public_involvement(self) -> str:
        return redact(self.involvement).text


class ChallengeContact(models.Model):
    """A named contact person of the challengers; personal data, seen by staff only."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)

    def __str__(self) -> str:
        return self.name


class ChallengeEvent(AppendOnlyModel):
    """One step of the procedure, as the public register shows it."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("ingediend")
        RECEIVED = "received", _("ontvangst bevestigd")
        INCOMPLETE = "incomplete", _("aanvulling gevraagd")
        COMPLETE = "complete", _("volledig bevonden; beoordeling begonnen")
        CONVERSATION = "conversation", _("gesprek met de indieners")
        DECIDED = "decided", _("besluit genomen")
        COUNCIL = "council", _("raad geïnformeerd")
        AGREEMENT = "agreement", _("afspraak gemaakt")

    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="events")
    step = models.CharField(max_length=14, choices=Step.choices)
    note = models.TextField(_("toelichting"), max_length=TEXT_MAX, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class Evaluation(AppendOnlyModel):
    """After a process closes: the promise set against what happened. A later evaluation adds to the record."""

    class Kept(models.TextChoices):
        KEPT = "kept", _("waargemaakt")
        PARTLY = "partly", _("deels waargemaakt")
        NOT_KEPT = "not_kept", _("niet waargemaakt")

    process = models.ForeignKey("processes.Process", on_delete=models.PROTECT, related_name="+")
    promise = models.ForeignKey(Promise, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kept = models.CharField(_("is de belofte waargemaakt"), max_length=10, choices=Kept.choices)
    account = models.TextField(_("wat er gebeurde, tegen de belofte"), max_length=TEXT_MAX)
    residents_said = models.TextField(_("wat inwoners over het traject zeiden"), max_length=TEXT_MAX, blank=True)
    lessons = models.TextField(_("wat we leren"), max_length=TEXT_MAX)
    figures = models.JSONField(default=dict)  # reach, input, decisions and deadlines as they were (no personal data)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]


class MirrorStatement(models.Model):
    """A statement of the staff self-assessment (zelfscan), under one characteristic; retired, never deleted."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    characteristic = models.CharField(_("kenmerk"), max_length=100)
    text = models.CharField(_("stelling"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class MirrorParticipation(AppendOnlyModel):
    """That a staff member took part in a quarter's self-assessment; never what they answered."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    quarter = models.CharField(max_length=7)  # "2026-Q4"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "quarter", "user"], name="one_self_assessment_per_quarter")
        ]


class MirrorAnswer(models.Model):
    """How many people gave one score (1 = helemaal niet mee eens ... 5 = helemaal mee eens) to a statement in a
    quarter, per team: a tally, never one row per person, so no order, id or time can tie an answer to the
    `MirrorParticipation` written in the same transaction."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    quarter = models.CharField(max_length=7)
    statement = models.ForeignKey(MirrorStatement, on_delete=models.PROTECT, related_name="answers")
    team = models.CharField(_("team of afdeling"), max_length=100, blank=True)
    score = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "quarter", "statement", "team", "score"], name="one_tally_per_score"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quarter} {self.statement_id}: {self.score} x{self.count}"


class YearlyReport(models.Model):
    """The yearly participation report: regenerated until it is sent to the council, then frozen and public."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    content = models.JSONField(default=dict)
    generated_at = models.DateTimeField()
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="one_yearly_report_per_year")]

    def __str__(self) -> str:
        return f"{self.year}"

    @property
    def is_frozen(self) -> bool:
        return self.sent_at is not None


class ResidentSurvey(models.Model):
    """The short evaluation survey residents answer after a process closes (optional: the lead opens it).

    The questions are fixed (see `RESIDENT_SURVEY_QUESTIONS` in services/resident_survey.py), so processes
    can be compared in the yearly report. Answers are anonymous by construction, like the self-assessment:
    choices are tallies, texts rows without a person, time or ordered id; `ResidentSurveyRespondent` only
    says that someone answered (once)."""

    process = models.OneToOneField("processes.Process", on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    closes_on = models.DateField(_("open tot en met"))

    def __str__(self) -> str:
        return f"{self.process_id} -> {self.closes_on}"


class ResidentSurveyRespondent(AppendOnlyModel):
    """That a resident answered the process's evaluation survey; never what they answered."""

    survey = models.ForeignKey(ResidentSurvey, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="one_survey_answer_per_resident")]


class ResidentSurveyTally(models.Model):
    """How many residents gave one answer to one question (a tally: no row per person)."""

    survey = models.ForeignKey(ResidentSurvey, on_delete=models.CASCADE, related_name="tallies")
    question = models.CharField(max_length=30)
    answer = models.CharField(max_length=30)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "question", "answer"], name="one_tally_per_survey_answer")
        ]

    def __str__(self) -> str:
        return f"{self.question}={self.answer} x{self.count}"


class ResidentSurveyComment(models.Model):
    """An optional text answer: a random id and no time, so nothing ties it to the respondent row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(ResidentSurvey, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(max_length=TEXT_MAX)

    def __str__(self) -> str:
        return self.public_text[:60]

    @property
    def public_text(self) -> str:
        return redact(self.text).text
