"""The values a municipality names explicitly, and how each decision weighed them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import MunicipalityScoped


class Value(MunicipalityScoped):
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("wat we ermee bedoelen"), max_length=2000)
    position = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="unique_value_name")]

    def __str__(self) -> str:
        return self.name
