"""Initiatives residents bring in, and what others and the municipality do with them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.core import disclosure
from zwerm.core.masking import PENDING_TEXT
from zwerm.core.models import AppendOnlyModel, MunicipalityScoped
from zwerm.locations.models import Located

TITLE_MAX = 120
BODY_MAX = 5000
LOCATION_MAX = 200
COMMENT_MAX = 2000
REASON_MAX = 1000
# The target kind of an initiative's photos in zwerm.attachments.
PHOTO_TARGET = "initiative"


class Kind(models.TextChoices):
    INITIATIVE = "initiative", _("initiatief")
    IDEA = "idea", _("idee")
    CONCERN = "concern", _("zorg")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("ingediend")
    PUBLISHED = "published", _("gepubliceerd")
    IN_PROGRESS = "in_progress", _("in behandeling")
    REALISED = "realised", _("gerealiseerd")
    NOT_REALISED = "not_realised", _("niet gerealiseerd")
    WITHDRAWN = "withdrawn", _("ingetrokken")


# Which status may follow which; everything else is refused.
TRANSITIONS = {
    Status.SUBMITTED: {Status.PUBLISHED, Status.NOT_REALISED, Status.WITHDRAWN},
    Status.PUBLISHED: {Status.IN_PROGRESS, Status.REALISED, Status.NOT_REALISED, Status.WITHDRAWN},
    Status.IN_PROGRESS: {Status.PUBLISHED, Status.REALISED, Status.NOT_REALISED, Status.WITHDRAWN},
    Status.REALISED: set(),
    Status.NOT_REALISED: {Status.IN_PROGRESS},
    Status.WITHDRAWN: set(),
}
# While open, residents can support, join and comment.
OPEN_STATUSES = {Status.PUBLISHED, Status.IN_PROGRESS}
# Who may see an initiative: published and not hidden (the public lists' filter and their indexes' condition).
PUBLIC = models.Q(published_at__isnull=False, hidden_reason="")


class Initiative(MunicipalityScoped, Located):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="initiatives")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.INITIATIVE)
    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    body = models.TextField(_("beschrijving"), max_length=BODY_MAX)
    location_description = models.CharField(_("plek"), max_length=LOCATION_MAX, blank=True)
    # What the public sees: the author's text with personal data masked.
    public_title = models.CharField(max_length=TITLE_MAX + 200)
    public_body = models.TextField()
    public_location = models.CharField(max_length=LOCATION_MAX + 200, blank=True)
    masked_kinds = models.JSONField(default=list, blank=True)
    # On while the public text waits for masking (empty until then; pages show "wordt gecontroleerd").
    masking_pending = models.BooleanField(default=False)
    neighbourhood = models.ForeignKey("places.Neighbourhood", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    hidden_reason = models.CharField(max_length=REASON_MAX, blank=True)
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    # PostgreSQL: the public title (weight A) and description (B) as a Dutch full-text vector, kept by a
    # trigger (migration 0003) and GIN-indexed; NULL elsewhere (SQLite searches the texts themselves).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        indexes = [
            models.Index(fields=["municipality", "status", "-published_at"]),
            models.Index(fields=["municipality", "-support_count"]),
            # The public lists' two orders (newest, most supported) over exactly the public rows: page 1 and
            # every keyset page read a few index entries instead of sorting the municipality's initiatives.
            models.Index(
                fields=["municipality", "-published_at", "-id"],
                condition=PUBLIC,
                name="initiative_public_newest",
            ),
            # "Most supported" orders hidden counts as equal (core.disclosure), so the index holds that
            # expression at the default threshold; a municipality that raises the threshold gets a sort instead.
            models.Index(
                F("municipality"),
                disclosure.order_people("support_count", at=disclosure.MINIMUM).desc(),
                F("published_at").desc(),
                F("id").desc(),
                condition=PUBLIC,
                name="initiative_public_supported",
            ),
            # A wijk's list (?district=) filters on the wijk's buurten: the public rows per buurt, newest first,
            # so that a small wijk is not found by walking the whole municipality's newest-first index.
            models.Index(
                fields=["municipality", "neighbourhood", "-published_at", "-id"],
                condition=PUBLIC,
                name="initiative_public_hood",
            ),
        ]

    def __str__(self) -> str:
        return self.public_title or str(PENDING_TEXT)

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.pk])

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    @property
    def shown_title(self) -> str:
        """The public title, or "wordt gecontroleerd" while it waits for masking."""
        return str(self)

    @property
    def shown_body(self) -> str:
        return str(PENDING_TEXT) if self.masking_pending else self.public_body

    @property
    def shown_location(self) -> str:
        return "" if self.masking_pending else self.public_location

    @property
    def is_public(self) -> bool:
        return self.published_at is not None and not self.is_hidden

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES and not self.is_hidden


class Support(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="supports")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "resident"], name="one_support_per_resident")]

    def __str__(self) -> str:
        return f"{self.resident_id} -> {self.initiative_id}"


class Participation(models.Model):
    """A resident who joins (doet mee met) an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="participants")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "resident"], name="one_join_per_resident")]

    def __str__(self) -> str:
        return f"{self.resident_id} -> {self.initiative_id}"


class Follow(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "user"], name="one_follow_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.initiative_id}"


class Comment(MunicipalityScoped):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    body = models.TextField(max_length=COMMENT_MAX)
    public_body = models.TextField()
    masked_kinds = models.JSONField(default=list, blank=True)
    masking_pending = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=REASON_MAX, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # A page of an initiative's top-level comments, newest or oldest first, without sorting them all.
            models.Index(
                fields=["initiative", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_top_level_order",
            ),
            models.Index(fields=["parent", "created_at", "id"], name="comment_reply_order"),
        ]

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    @property
    def shown_body(self) -> str:
        """The public text, or "wordt gecontroleerd" while it waits for masking."""
        return str(PENDING_TEXT) if self.masking_pending else self.public_body


class StatusChange(AppendOnlyModel):
    """The public, append-only history of an initiative's status and the municipality's reasons."""

    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField(max_length=REASON_MAX)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Flag(MunicipalityScoped):
    """A report that an initiative or comment breaks the rules; it waits in the moderation queue."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="flags")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=REASON_MAX)
    resolved_at = models.DateTimeField(null=True, blank=True)


class ModerationAction(AppendOnlyModel):
    """Every hide, restore and dismissal, with the moderator's reason, kept for good."""

    class Action(models.TextChoices):
        HIDE = "hide", _("verborgen")
        RESTORE = "restore", _("teruggezet")
        DISMISS = "dismiss", _("melding afgewezen")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="moderation_actions")
    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(max_length=REASON_MAX)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class MailDelivery(models.Model):
    """Whether the e-mail about a status change or a moderation step went out: the staff member who made the
    change sees it (the mail is sent after the commit, by a background task, so the request that made the
    change cannot know). No addresses and no error text with addresses: only the outcome."""

    class State(models.TextChoices):
        QUEUED = "queued", _("e-mail wordt verstuurd")
        SENT = "sent", _("e-mail verstuurd")
        NOBODY = "nobody", _("geen e-mail nodig (geen ontvangers)")
        FAILED = "failed", _("e-mail niet verstuurd: de mailserver gaf een fout")

    status_change = models.OneToOneField(
        StatusChange, on_delete=models.CASCADE, null=True, blank=True, related_name="mail"
    )
    moderation_action = models.OneToOneField(
        ModerationAction, on_delete=models.CASCADE, null=True, blank=True, related_name="mail"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.state
