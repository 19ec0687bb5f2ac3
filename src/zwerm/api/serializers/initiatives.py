from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zwerm.attachments.selectors import public_image_urls
from zwerm.core.redaction import redact

from ..choices import INITIATIVE_KINDS, INITIATIVE_PUBLIC_STATUSES, INITIATIVE_STATUSES
from .common import FigureSerializer, GeoJSONPointSerializer, PlaceSerializer, people, public_point, web_url

REASON_MAX = 1000


class ImageSerializer(serializers.Serializer):
    """A photo that is public with the initiative: where to get it, and its alternative text."""

    url = serializers.CharField()
    alt = serializers.CharField()


class InitiativeListSerializer(serializers.ListSerializer):
    """Looks up the photos of a whole page at once (one query, not one per initiative)."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        if items:
            self.context["images"] = public_image_urls(
                municipality=items[0].municipality_id, kind="initiative", object_ids=[item.pk for item in items]
            )
        return super().to_representation(items)


class InitiativeSerializer(serializers.Serializer):
    """A published initiative: the public copy of its text (personal data masked), never its author."""

    class Meta:
        list_serializer_class = InitiativeListSerializer

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=INITIATIVE_KINDS)
    title = serializers.CharField(source="shown_title")
    body = serializers.CharField(source="shown_body")
    location = serializers.CharField(source="public_location", allow_blank=True)
    status = serializers.ChoiceField(choices=INITIATIVE_PUBLIC_STATUSES)
    neighbourhood = PlaceSerializer()
    district = PlaceSerializer(source="neighbourhood.district")
    point = serializers.SerializerMethodField(
        help_text="Where it is, rounded to a street or part of a buurt (GeoJSON Point, WGS84); null without a place."
    )
    publishedAt = serializers.DateTimeField(source="published_at")
    supporters = serializers.SerializerMethodField()
    commentCount = serializers.IntegerField(source="comment_count", min_value=0)
    url = serializers.SerializerMethodField()
    images = serializers.SerializerMethodField()

    @extend_schema_field(FigureSerializer)
    def get_supporters(self, initiative) -> dict:
        return people(initiative.support_count)

    @extend_schema_field(ImageSerializer(many=True))
    def get_images(self, initiative) -> list:
        """The visible photos (hidden ones never), as absolute URLs with their alternative text."""
        images = self.context.get("images")
        if images is None:
            images = public_image_urls(
                municipality=initiative.municipality_id, kind="initiative", object_ids=[initiative.pk]
            )
        request = self.context.get("request")
        return [
            {
                "url": request.build_absolute_uri(image["url"]) if request is not None else image["url"],
                "alt": image["alt"],
            }
            for image in images.get(initiative.pk, [])
        ]

    def get_url(self, initiative) -> str:
        return web_url(self.context.get("request"), initiative)

    @extend_schema_field(GeoJSONPointSerializer(allow_null=True))
    def get_point(self, obj) -> dict | None:
        return public_point(obj)


class StatusChangeSerializer(serializers.Serializer):
    """One step in an initiative's public history, with the municipality's reason (no names)."""

    id = serializers.IntegerField()
    fromStatus = serializers.ChoiceField(source="from_status", choices=INITIATIVE_STATUSES, allow_null=True)
    toStatus = serializers.ChoiceField(source="to_status", choices=INITIATIVE_STATUSES)
    reason = serializers.CharField()
    createdAt = serializers.DateTimeField(source="created_at")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["fromStatus"] = data["fromStatus"] or None  # the first step comes from nowhere
        return data


class StatusChangeInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=INITIATIVE_PUBLIC_STATUSES, help_text="The next status.")
    reason = serializers.CharField(
        max_length=REASON_MAX, help_text="Why, in words the author and followers understand (they see it)."
    )


class FlagInitiativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(source="shown_title")
    status = serializers.ChoiceField(choices=INITIATIVE_STATUSES)
    hidden = serializers.BooleanField(source="is_hidden")


class FlagCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    body = serializers.CharField(source="shown_body")
    hidden = serializers.BooleanField(source="is_hidden")


class FlagSerializer(serializers.Serializer):
    """An open flag in the moderation queue; who flagged it is not given, personal data in the reason masked."""

    id = serializers.IntegerField()
    createdAt = serializers.DateTimeField(source="created_at")
    reason = serializers.SerializerMethodField()
    initiative = FlagInitiativeSerializer()
    comment = FlagCommentSerializer(allow_null=True)

    def get_reason(self, flag) -> str:
        return redact(flag.reason).text
