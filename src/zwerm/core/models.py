"""The tenant (Municipality) and the base every domain row builds on."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

gm_code_validator = RegexValidator(r"^GM\d{4}$", _("Een gemeentecode ziet eruit als GM0344."))


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("korte naam"), unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, unique=True, validators=[gm_code_validator])
    theme_class = models.CharField(
        _("thema-klasse"),
        max_length=100,
        default="voorbeeld-theme",
        help_text=_("De CSS-klasse van het NL Design System-thema van de gemeente."),
    )
    theme_stylesheet = models.CharField(
        _("thema-stylesheet"),
        max_length=300,
        blank=True,
        help_text=_("Pad of adres van de eigen stylesheet van de gemeente (optioneel)."),
    )
    welcome_title = models.CharField(_("welkomsttitel"), max_length=200, blank=True)
    welcome_text = models.TextField(_("welkomsttekst"), max_length=2000, blank=True)
    contact_email = models.EmailField(_("contactadres"), blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MunicipalityHost(models.Model):
    """A host name that serves one municipality (the request resolves the tenant by it)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="hosts")
    hostname = models.CharField(_("hostnaam"), max_length=253, unique=True)

    def __str__(self) -> str:
        return self.hostname


class MunicipalityScoped(models.Model):
    """Every domain row belongs to one municipality; selectors filter on it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class AppendOnlyError(Exception):
    pass


class AppendOnlyModel(models.Model):
    """History that residents and the council rely on: rows are added, never changed or removed."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only")


class IdempotencyKey(MunicipalityScoped):
    """A submission already handled: a retry with the same key gets the first answer, not a second row.

    Written in the same transaction as what it guards, so a key exists exactly when its write does.
    `owner` says whose key it is ("user:12", "session:...", "token:..."); rows expire after
    IDEMPOTENCY_KEY_HOURS (see zwerm.core.idempotency)."""

    owner = models.CharField(max_length=80)
    key = models.CharField(max_length=100)
    scope = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64, blank=True)
    result = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "owner", "key"], name="core_idempotency_key_once"),
        ]
        indexes = [models.Index(fields=["created_at"], name="core_idempotency_created")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"
