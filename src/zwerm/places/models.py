"""Wijken and buurten by their CBS codes (WKxxxxxx, BUxxxxxxxx), per municipality, with their shapes."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import MunicipalityScoped

district_code_validator = RegexValidator(r"^WK\d{6}$", _("Een wijkcode ziet eruit als WK034401."))
neighbourhood_code_validator = RegexValidator(r"^BU\d{8}$", _("Een buurtcode ziet eruit als BU03440101."))


class District(MunicipalityScoped):
    code = models.CharField(_("wijkcode"), max_length=8, unique=True, validators=[district_code_validator])
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(MunicipalityScoped):
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="neighbourhoods")
    code = models.CharField(_("buurtcode"), max_length=10, unique=True, validators=[neighbourhood_code_validator])
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Postcode(MunicipalityScoped):
    """A six-character postcode (1234AB) and the buurt it lies in, for postcode -> buurt lookup."""

    postcode = models.CharField(max_length=6)
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "postcode"], name="one_buurt_per_postcode")]


class Shape(models.Model):
    """An area's shape, kept beside the wijk or buurt (not in its row, so the many queries that join a buurt
    never carry its geometry): GeoJSON geometry text in WGS84, Polygon or MultiPolygon (see places.geometry
    and ADR 0025); `outline`, the same simplified for drawing maps; and the bounding box, which narrows a
    point-in-polygon look-up to a few candidates in SQL."""

    geometry = models.TextField(_("vorm (GeoJSON, WGS84)"))
    outline = models.TextField(_("vereenvoudigde vorm voor kaarten"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class DistrictShape(Shape):
    district = models.OneToOneField(District, on_delete=models.CASCADE, primary_key=True, related_name="shape")

    class Meta:
        verbose_name = _("vorm van een wijk")
        verbose_name_plural = _("vormen van wijken")

    def __str__(self) -> str:
        return str(self.district)


class NeighbourhoodShape(Shape):
    neighbourhood = models.OneToOneField(
        Neighbourhood, on_delete=models.CASCADE, primary_key=True, related_name="shape"
    )

    class Meta:
        verbose_name = _("vorm van een buurt")
        verbose_name_plural = _("vormen van buurten")

    def __str__(self) -> str:
        return str(self.neighbourhood)
