"""Dialogues (Pol.is-style opinion mapping) inside the municipality: statements, votes, snapshots."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.masking import PENDING_TEXT
from zwerm.core.models import MunicipalityScoped

QUESTION_MAX = 500
CONTEXT_MAX = 5000
STATEMENT_MAX = 280  # short statements, as in Pol.is


class Dialogue(MunicipalityScoped):
    class Moderation(models.TextChoices):
        BEFORE = "before", _("stellingen pas zichtbaar na goedkeuring")
        AFTER = "after", _("stellingen meteen zichtbaar")

    title = models.CharField(_("titel"), max_length=200)
    question = models.CharField(_("vraag"), max_length=QUESTION_MAX)
    context = models.TextField(_("achtergrond"), max_length=CONTEXT_MAX, blank=True)
    moderation = models.CharField(_("moderatie"), max_length=10, choices=Moderation.choices, default=Moderation.BEFORE)
    opens_at = models.DateTimeField(_("open vanaf"), default=timezone.now)
    closes_at = models.DateTimeField(_("sluit op"), null=True, blank=True)
    allow_anonymous = models.BooleanField(_("meedoen zonder account"), default=False)
    ask_district = models.BooleanField(_("vraag naar de wijk"), default=True)
    # When a participant deletes their account: their votes stay as anonymous votes, or are removed.
    keep_votes_on_erase = models.BooleanField(
        _("stemmen blijven anoniem staan als iemand het account verwijdert"), default=True
    )
    # The promise that nobody can tell who voted what (ADR 0029): participants are kept under a keyed
    # pseudonym instead of an account or cookie, ids are random and times are cut to the day.
    anonymous_votes = models.BooleanField(
        _("anoniem stemmen: stemmen zijn niet tot personen te herleiden"), default=False
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Coalesced recomputation: set by votes, cleared by the task that recomputes.
    needs_analysis = models.BooleanField(default=False)
    imported_from = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogues:detail", args=[self.pk])

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)


class Participant(models.Model):
    """Someone taking part: a logged-in resident, or an anonymous cookie identity where allowed."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    anonymous_key = models.UUIDField(null=True, blank=True)
    # Dialogues with anonymous votes: a keyed hash of the account or cookie (never the account or cookie
    # itself), so that a participant finds their votes again; erasure and retention clear it.
    pseudonym = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001 (NULLs differ: unique when set)
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    external_id = models.BigIntegerField(null=True, blank=True)  # participant id in an imported export
    created_at = models.DateTimeField(default=timezone.now)  # the day only in dialogues with anonymous votes

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "user"], name="one_participant_per_user"),
            models.UniqueConstraint(fields=["dialogue", "anonymous_key"], name="one_participant_per_cookie"),
            models.UniqueConstraint(fields=["dialogue", "pseudonym"], name="one_participant_per_pseudonym"),
        ]

    def __str__(self) -> str:
        return f"participant {self.pk}"


def new_anonymous_key():
    return uuid.uuid4()


class Statement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("wacht op moderatie")
        APPROVED = "approved", _("zichtbaar")
        REJECTED = "rejected", _("afgewezen")

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="statements")
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Dialogues with anonymous votes keep no author participant (that would tie the statement's time to the
    # author's votes), only a keyed hash of their own: statements of one author belong together.
    author_key = models.CharField(max_length=64, blank=True, default="", db_index=True)
    text = models.CharField(max_length=STATEMENT_MAX)
    public_text = models.CharField(max_length=STATEMENT_MAX + 200)
    masked_kinds = models.JSONField(default=list, blank=True)
    # On while the public text waits for the masking task (empty until then; nobody votes on it yet).
    masking_pending = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    is_seed = models.BooleanField(default=False)
    is_meta = models.BooleanField(default=False)
    moderation_reason = models.CharField(max_length=500, blank=True)
    external_id = models.BigIntegerField(null=True, blank=True)
    # Votes at the last analysis (not live): the order in which statements are offered, and the counts the
    # results were computed from. Counting every vote of a large dialogue on each request was the slow part.
    vote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)  # the day only in dialogues with anonymous votes

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.shown_text

    @property
    def shown_text(self) -> str:
        """The public text, or "wordt gecontroleerd" while it waits for masking."""
        return str(PENDING_TEXT) if self.masking_pending else self.public_text


class Vote(models.Model):
    """One vote per participant and statement; a changed vote replaces it (the latest counts)."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("eens")
        DISAGREE = -1, _("oneens")
        PASS = 0, _("sla over")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=Value.choices)
    updated_at = models.DateTimeField(default=timezone.now)  # set by each cast; the day only where votes are anonymous

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "statement"], name="one_vote_per_statement"),
            models.CheckConstraint(condition=models.Q(value__in=[-1, 0, 1]), name="vote_value_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}:{self.statement_id}={self.value}"


class Snapshot(models.Model):
    """A stored analysis, so that a results page never waits for the math."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="snapshots")
    created_at = models.DateTimeField(auto_now_add=True)
    n_votes = models.PositiveIntegerField()
    status = models.CharField(max_length=20)
    result = models.JSONField()  # engine result as data, keyed by statement and participant pks
    state = models.JSONField(null=True, blank=True)  # engine state for a warm start
    seconds = models.FloatField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"{self.dialogue_id} @ {self.created_at:%Y-%m-%d %H:%M}"
