"""Images and documents that belong to something else (an initiative, a budget project, ...).

The files themselves live in the storage named "attachments" (Django's storage API: a folder on disk by
default, S3-compatible storage as an option); a row holds their names, never the name the file had on the
uploader's computer. Which thing an attachment belongs to is a registered target kind plus its id (see
registry.py), so this app needs none of the apps it serves."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import AppendOnlyModel, MunicipalityScoped

ALT_TEXT_MAX = 250
REASON_MAX = 1000


class Attachment(MunicipalityScoped):
    class Kind(models.TextChoices):
        IMAGE = "image", _("afbeelding")
        DOCUMENT = "document", _("document")

    target_kind = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Who uploaded it: a resident's own files go when they erase their account (see personal_data.py).
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # For an image its alternative text; for a document what it holds (the link's text).
    alt_text = models.CharField(_("beschrijving"), max_length=ALT_TEXT_MAX)
    file_name = models.CharField(max_length=200)  # in the attachments storage: the image as published, or the PDF
    card_name = models.CharField(max_length=200, blank=True)  # images: the card-size rendition
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    card_width = models.PositiveIntegerField(null=True, blank=True)
    card_height = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    hidden_reason = models.CharField(max_length=REASON_MAX, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["target_kind", "target_id", "position"], name="attachment_target")]

    def __str__(self) -> str:
        return self.alt_text

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    @property
    def is_image(self) -> bool:
        return self.kind == self.Kind.IMAGE

    def get_absolute_url(self) -> str:
        return reverse("attachments:file", args=[self.pk])

    @property
    def card_url(self) -> str:
        return reverse("attachments:card", args=[self.pk]) if self.card_name else self.get_absolute_url()


class AttachmentModeration(AppendOnlyModel):
    """Every hide and restore of an attachment, with the moderator's reason, kept for good (the attachment
    itself may go later, when its uploader erases their account: the record stays with its target)."""

    class Action(models.TextChoices):
        HIDE = "hide", _("verborgen")
        RESTORE = "restore", _("teruggezet")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    attachment = models.ForeignKey(
        Attachment, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderation"
    )
    target_kind = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(max_length=REASON_MAX)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
