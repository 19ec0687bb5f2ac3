"""Pieces shared by every resource: a figure about people, a place, a link to the web page."""

from rest_framework import serializers

from zwerm.core import disclosure

from ..choices import GEOJSON_POINT_TYPES


def people(value: int) -> dict:
    """A figure about people as the public sees it: exact from the threshold (5) on, otherwise value null."""
    return disclosure.people(value).as_dict()


class FigureSerializer(serializers.Serializer):
    """A number of people; below 5 the value is null and the display says so ("minder dan 5")."""

    value = serializers.IntegerField(allow_null=True, min_value=disclosure.MINIMUM)
    display = serializers.CharField()


class GeoJSONPointSerializer(serializers.Serializer):
    """A GeoJSON Point (RFC 7946, WGS84: longitude, latitude). Never the place as chosen: the centre of the grid
    cell it lies in (ZWERM_LOCATION_PUBLIC_GRID_METRES, 100 m by default), a street or part of a buurt."""

    type = serializers.ChoiceField(choices=GEOJSON_POINT_TYPES)
    coordinates = serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2)


def public_point(obj) -> dict | None:
    """The object's public (rounded) point as GeoJSON geometry, or None without a place."""
    point = obj.public_point
    return point.as_geojson() if point is not None else None


class PlaceSerializer(serializers.Serializer):
    """A wijk (WK code) or buurt (BU code), as CBS numbers them."""

    code = serializers.CharField()
    name = serializers.CharField()


def web_url(request, obj) -> str:
    """The object's page on the municipality's site."""
    return request.build_absolute_uri(obj.get_absolute_url()) if request is not None else obj.get_absolute_url()
