"""The participation framework: the municipality's verordening (versioned), each process's participation
promise against it, and the input each decision weighed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel

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
    created_at = models.DateTimeField(auto_now_add=True)

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
