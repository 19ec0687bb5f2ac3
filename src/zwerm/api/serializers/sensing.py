from rest_framework import serializers

from zwerm.core import disclosure

from ..choices import SENSING_ALERT_KINDS
from .common import FigureSerializer, PlaceSerializer

ID_MAX = 200
TEXT_MAX = 10_000


class ThemeRefSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable across refreshes, e.g. T3.")
    label = serializers.CharField()


class SensingThemeSerializer(ThemeRefSerializer):
    """A theme 5 or more people wrote about in the period; themes with fewer are left out."""

    count = serializers.IntegerField(
        min_value=disclosure.MINIMUM,
        help_text="People who wrote about it in the period, each counted once; reports of unknown people "
        "count together as one at most.",
    )


class SensingDistrictSerializer(serializers.Serializer):
    """People who wrote in the wijk in the period, each counted once; below 5 the value is null."""

    district = PlaceSerializer()
    count = FigureSerializer()


class SensingAlertSerializer(serializers.Serializer):
    """Something that starts to move: a new theme or a spike, with 5 or more people behind it."""

    kind = serializers.ChoiceField(choices=SENSING_ALERT_KINDS)
    theme = ThemeRefSerializer()
    district = PlaceSerializer(allow_null=True)
    period = serializers.CharField(help_text="ISO week, e.g. 2026-W07.")
    count = serializers.IntegerField(
        min_value=disclosure.MINIMUM, help_text="People who wrote about the theme in that week."
    )


class ReportInputSerializer(serializers.Serializer):
    """One report (melding) from the municipality's own system; only its redacted text is kept."""

    id = serializers.CharField(max_length=ID_MAX, help_text="The report's number in the sending system.")
    text = serializers.CharField(max_length=TEXT_MAX)
    time = serializers.DateTimeField(required=False, allow_null=True, help_text="When it was reported.")
    neighbourhood = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Buurt code (BU...) or name."
    )
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=20, help_text="Only the postcode.")
    category = serializers.CharField(required=False, allow_blank=True, max_length=200)
    url = serializers.CharField(required=False, allow_blank=True, max_length=300)


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sourceId = serializers.CharField(source="source_id")
    theme = serializers.CharField(allow_null=True, help_text="The theme key it was assigned to, if any.")
    category = serializers.CharField(allow_null=True, help_text="The category the router predicts, if any.")
    needsPerson = serializers.BooleanField(source="needs_person")
