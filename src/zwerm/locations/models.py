"""The location fields that initiatives, budget projects and processes share (an abstract model: no table)."""

from django.db import models

from .points import Point, public_point


class Located(models.Model):
    """An optional point (WGS84, as chosen: staff and the author see it); the public sees `public_point`."""

    location_lon = models.FloatField(null=True, blank=True, editable=False)
    location_lat = models.FloatField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def location(self) -> Point | None:
        if self.location_lon is None or self.location_lat is None:
            return None
        return Point(lon=self.location_lon, lat=self.location_lat)

    @property
    def public_point(self) -> Point | None:
        return public_point(self.location)

    def set_location(self, point: Point | None) -> None:
        self.location_lon = point.lon if point else None
        self.location_lat = point.lat if point else None
