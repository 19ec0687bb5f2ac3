"""Sensing in the platform: texts from every channel, the themes found in them, trends and alerts.

Only redacted text is ever stored here (the engine masks personal data before anything else
happens); a text keeps its channel, its time, its buurt (never an address) and a link back to its
source. The engine's fitted theme model and the router are kept as pickles in BinaryFields on the
refresh that made them: one row per refresh, so assignment always uses the model of the latest
successful refresh and an auditor can see which model was used when.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import MunicipalityScoped


class Channel(models.TextChoices):
    INITIATIVE = "initiative", _("initiatief")
    COMMENT = "comment", _("reactie")
    STATEMENT = "statement", _("stelling")
    REPORT = "report", _("melding")
    SURVEY = "survey", _("antwoord op vragenlijst")
    API = "api", _("melding via koppeling")


class Refresh(MunicipalityScoped):
    """One periodic rebuild of the themes, with the fitted models it produced."""

    class Status(models.TextChoices):
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    finished_at = models.DateTimeField(null=True, blank=True)
    texts = models.PositiveIntegerField(default=0)
    themes = models.PositiveIntegerField(default=0)
    alerts = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    message = models.TextField(blank=True)
    # pickle of zwerm.sensing.engine.themes.ThemeModel; written only by our own refresh, read by ingest
    model = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"


class RouterModel(MunicipalityScoped):
    """A router trained on labelled history (imported reports with their category)."""

    categories = models.JSONField(default=list)
    trained_on = models.PositiveIntegerField()
    threshold = models.FloatField()
    model = models.BinaryField(editable=False)  # pickle of zwerm.sensing.engine.routing.Router

    class Meta:
        ordering = ["-created_at", "-pk"]


class Theme(MunicipalityScoped):
    """A theme keeps its key across refreshes while it continues (the engine matches old and new)."""

    key = models.CharField(max_length=20)  # the engine's stable id, e.g. "T3"
    label = models.CharField(_("label"), max_length=200)
    terms = models.JSONField(default=list)
    size = models.PositiveIntegerField(default=0)
    examples = models.JSONField(default=list)  # pks of typical texts
    mood = models.FloatField(null=True, blank=True)
    mood_n = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)  # False once a refresh no longer finds it
    # Set by each refresh (engine/forecast.py): {"weeks": [{"week", "expected", "low", "high"}, ...],
    # "reason": "season" | "trend" | "season+trend" | "level", "season": ratio, "trend": ratio, "recent": mean}
    forecast = models.JSONField(default=dict, blank=True)
    renamed = models.BooleanField(default=False)  # staff chose the label; refreshes keep it
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-active", "-size", "key"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="sensing_one_theme_per_key")]

    def __str__(self) -> str:
        return self.label


class ReportImport(MunicipalityScoped):
    """One CSV import of reports (meldingen), with what was accepted and refused and why.

    An upload is stored in chunks (`ReportImportChunk`) and imported by a background task
    (`report_import_run`), which writes its progress here; the chunks are deleted when it is done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    filename = models.CharField(max_length=255)
    source = models.CharField(max_length=100, blank=True)  # e.g. "Signalen", "Fixi"
    encoding = models.CharField(max_length=20, blank=True)
    delimiter = models.CharField(max_length=5, blank=True)
    read = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    messages = models.JSONField(default=list)  # [{"row", "message", "refused"}]
    error = models.TextField(blank=True)  # the file as a whole could not be read
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    size = models.PositiveBigIntegerField(default=0)  # bytes uploaded
    processed = models.PositiveIntegerField(default=0)  # rows handled so far (progress while running)
    position = models.PositiveBigIntegerField(default=0)  # bytes of the file read so far (progress while running)
    mapping = models.JSONField(default=dict)  # the column names the staff member gave (for the task)

    class Meta:
        ordering = ["-created_at", "-pk"]

    @property
    def percent_read(self) -> int:
        """How far into the file the import is, 0-100 (the number of rows is known only at the end)."""
        return min(100, self.position * 100 // self.size) if self.size else 0


class ReportImportChunk(models.Model):
    """A piece of an uploaded CSV file, kept only until the background import has read it. Pieces keep both
    the request and the database from holding a 50 MB value at once."""

    report_import = models.ForeignKey(ReportImport, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["report_import", "index"]
        constraints = [models.UniqueConstraint(fields=["report_import", "index"], name="sensing_import_chunk_once")]

    def __str__(self) -> str:
        return f"{self.report_import_id}:{self.index}"


class Text(MunicipalityScoped):
    """One text from one channel, redacted; never the raw text, never an address."""

    channel = models.CharField(max_length=20, choices=Channel.choices)
    source_id = models.CharField(max_length=200)
    source_url = models.CharField(max_length=300, blank=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    neighbourhood = models.ForeignKey("places.Neighbourhood", on_delete=models.SET_NULL, null=True, related_name="+")
    district = models.ForeignKey("places.District", on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField()  # redacted
    redacted_kinds = models.JSONField(default=list)  # kinds masked, never the data
    language = models.CharField(max_length=5, blank=True)
    mood = models.FloatField(null=True, blank=True)
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="texts")
    similarity = models.FloatField(null=True, blank=True)
    duplicate_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    label = models.CharField(max_length=200, blank=True)  # category given by the source (labelled history)
    category = models.CharField(max_length=200, blank=True)  # category predicted by the router
    category_confidence = models.FloatField(null=True, blank=True)
    needs_person = models.BooleanField(default=False)
    report_import = models.ForeignKey(ReportImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "channel", "source_id"], name="sensing_one_text_per_source")
        ]
        indexes = [models.Index(fields=["municipality", "theme", "-occurred_at"])]


class TrendPoint(MunicipalityScoped):
    """Count of one theme in one wijk (or all, district=None) in one ISO week, against what was expected."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="trend_points")
    district = models.ForeignKey("places.District", on_delete=models.CASCADE, null=True, related_name="+")
    period = models.CharField(max_length=10)  # ISO week "2026-W07"
    count = models.PositiveIntegerField()
    expected = models.FloatField()
    score = models.FloatField()
    q_value = models.FloatField()
    kind = models.CharField(max_length=10)

    class Meta:
        ordering = ["period"]
        indexes = [models.Index(fields=["municipality", "theme", "district", "period"])]


class Alert(MunicipalityScoped):
    """An emerging theme, a spike or a decline, with the numbers behind it."""

    class Kind(models.TextChoices):
        EMERGING = "emerging", _("nieuw en groeiend")
        SPIKE = "spike", _("piek")
        DECLINE = "decline", _("daling")

    refresh = models.ForeignKey(Refresh, on_delete=models.CASCADE, related_name="alert_rows")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="alerts")
    district = models.ForeignKey("places.District", on_delete=models.CASCADE, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    period = models.CharField(max_length=10)
    count = models.PositiveIntegerField()
    expected = models.FloatField()
    p_value = models.FloatField()
    q_value = models.FloatField()
    ratio = models.FloatField(null=True)
    explanation = models.CharField(max_length=300)

    class Meta:
        ordering = ["-period", "-count"]


class ApiToken(MunicipalityScoped):
    """A token with which a staff system posts reports to /signalen/api/meldingen; only its hash is kept."""

    label = models.CharField(_("naam"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
