"""Pieces shared by every resource: a figure about people, a place, a link to the web page."""

from rest_framework import serializers

from zwerm.core import disclosure


def people(value: int) -> dict:
    """A figure about people as the public sees it: exact from the threshold (5) on, otherwise value null."""
    return disclosure.people(value).as_dict()


class FigureSerializer(serializers.Serializer):
    """A number of people; below 5 the value is null and the display says so ("minder dan 5")."""

    value = serializers.IntegerField(allow_null=True, min_value=disclosure.MINIMUM)
    display = serializers.CharField()


class PlaceSerializer(serializers.Serializer):
    """A wijk (WK code) or buurt (BU code), as CBS numbers them."""

    code = serializers.CharField()
    name = serializers.CharField()


def web_url(request, obj) -> str:
    """The object's page on the municipality's site."""
    return request.build_absolute_uri(obj.get_absolute_url()) if request is not None else obj.get_absolute_url()
