from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..choices import DECIDED_BY, FRAME_KINDS, FRAME_SET_BY, PHASE_CHANGE_ACTIONS, PROCESS_PUBLIC_STATUSES
from .common import FigureSerializer, GeoJSONPointSerializer, PlaceSerializer, people, public_point, web_url


class ProcessSerializer(serializers.Serializer):
    """A participation process that runs or has closed (drafts are not public)."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    question = serializers.CharField()
    status = serializers.ChoiceField(choices=PROCESS_PUBLIC_STATUSES)
    district = PlaceSerializer(allow_null=True)
    point = serializers.SerializerMethodField(
        help_text="Where it is, rounded to a street or part of a buurt (GeoJSON Point, WGS84); null without a place."
    )
    createdAt = serializers.DateTimeField(source="created_at")
    closedAt = serializers.DateTimeField(source="closed_at", allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, process) -> str:
        return web_url(self.context.get("request"), process)

    @extend_schema_field(GeoJSONPointSerializer(allow_null=True))
    def get_point(self, obj) -> dict | None:
        return public_point(obj)


class PhaseChangeSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=PHASE_CHANGE_ACTIONS)
    reason = serializers.CharField()
    createdAt = serializers.DateTimeField(source="created_at")


class PhaseSerializer(serializers.Serializer):
    """A phase with why it was added, changed or closed."""

    id = serializers.IntegerField(source="phase.pk")
    title = serializers.CharField(source="phase.title")
    description = serializers.CharField(source="phase.description", allow_blank=True)
    position = serializers.IntegerField(source="phase.position", min_value=0)
    startsOn = serializers.DateField(source="phase.starts_on", allow_null=True)
    endsOn = serializers.DateField(source="phase.ends_on", allow_null=True)
    closedAt = serializers.DateTimeField(source="phase.closed_at", allow_null=True)
    current = serializers.BooleanField(source="is_current")
    changes = PhaseChangeSerializer(many=True)


class ComponentSerializer(serializers.Serializer):
    """Something the process hosts (dialogue, budget, meeting, survey, initiative) and how many took part."""

    kind = serializers.CharField(source="placement.kind")
    kindLabel = serializers.CharField(source="kind_label")
    title = serializers.CharField(source="placement.title")
    active = serializers.BooleanField(source="is_active", help_text="Open for taking part in the current phase.")
    participants = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(FigureSerializer)
    def get_participants(self, record) -> dict:
        return people(record.summary.get("participants", 0))

    def get_url(self, record) -> str:
        request = self.context.get("request")
        if not record.url:
            return ""
        return request.build_absolute_uri(record.url) if request is not None else record.url


class ProcessParticipationSerializer(serializers.Serializer):
    followers = serializers.SerializerMethodField()
    participants = serializers.SerializerMethodField()
    components = serializers.IntegerField(min_value=0)
    updates = serializers.IntegerField(min_value=0)
    adviceRequests = serializers.IntegerField(source="advice_requests", min_value=0)
    adviceAnswered = serializers.IntegerField(source="advice_answered", min_value=0)
    decisions = serializers.IntegerField(min_value=0)

    @extend_schema_field(FigureSerializer)
    def get_followers(self, figures) -> dict:
        return people(figures.followers)

    @extend_schema_field(FigureSerializer)
    def get_participants(self, figures) -> dict:
        return figures.participants_public.as_dict()


class FrameSerializer(serializers.Serializer):
    """A kader in force, set by the council or the executive."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=FRAME_KINDS)
    description = serializers.CharField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    setBy = serializers.ChoiceField(source="set_by", choices=FRAME_SET_BY)
    sourceReference = serializers.CharField(source="source_reference")
    sourceDate = serializers.DateField(source="source_date")


class ProcessDetailSerializer(ProcessSerializer):
    """A process with its phases, components, participation figures and kaders (from its public record)."""

    description = serializers.CharField()
    phases = PhaseSerializer(many=True)
    components = ComponentSerializer(many=True)
    participation = ProcessParticipationSerializer()
    frames = FrameSerializer(many=True)


class AssessmentSerializer(serializers.Serializer):
    value = serializers.CharField(source="value.name")
    weighed = serializers.BooleanField()
    explanation = serializers.CharField()


class DecisionSerializer(serializers.Serializer):
    """An entry in the decision log; a correction is a new entry that points at the one it corrects."""

    id = serializers.IntegerField()
    decidedOn = serializers.DateField(source="decided_on")
    decidedBy = serializers.ChoiceField(source="decided_by", choices=DECIDED_BY)
    title = serializers.CharField()
    reasons = serializers.CharField()
    alternatives = serializers.CharField(allow_blank=True)
    outsideScope = serializers.BooleanField(source="outside_scope")
    corrects = serializers.IntegerField(source="corrects_id", allow_null=True)
    correctedBy = serializers.SerializerMethodField()
    assessments = AssessmentSerializer(many=True, source="assessments.all")

    def get_correctedBy(self, decision) -> list[int]:
        return [c.pk for c in decision.corrections.all()]
