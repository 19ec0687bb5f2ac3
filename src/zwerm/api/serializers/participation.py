from rest_framework import serializers

from zwerm.core.redaction import redact

from ..choices import CHALLENGE_STATES, CHALLENGE_STEPS, CHALLENGER_KINDS, DEADLINE_STATES
from .common import PlaceSerializer, web_url


class MaskedText(serializers.CharField):
    """Text residents or staff wrote, with personal data (phone numbers, e-mail addresses) masked."""

    def to_representation(self, value):
        return redact(value or "").text


class ChallengeDeadlineSerializer(serializers.Serializer):
    """One of the verordening's terms: receipt, completeness check or decision."""

    key = serializers.ChoiceField(choices=("receipt", "complete", "decision"))
    dueOn = serializers.DateField(source="due_on")
    doneOn = serializers.DateField(source="done_on", allow_null=True)
    state = serializers.ChoiceField(choices=DEADLINE_STATES)


class ChallengeEventSerializer(serializers.Serializer):
    """One step of the procedure (append-only history)."""

    step = serializers.ChoiceField(choices=CHALLENGE_STEPS)
    note = MaskedText(allow_blank=True)
    createdAt = serializers.DateTimeField(source="created_at")


class ChallengeDecisionSerializer(serializers.Serializer):
    title = serializers.CharField()
    decidedOn = serializers.DateField(source="decided_on")


class ChallengeSerializer(serializers.Serializer):
    """A challenge under the uitdaagrecht, as the public register shows it."""

    id = serializers.IntegerField()
    task = MaskedText()
    challengerKind = serializers.ChoiceField(source="challenger_kind", choices=CHALLENGER_KINDS)
    challengerName = MaskedText(source="challenger_name")
    district = PlaceSerializer(allow_null=True)
    state = serializers.ChoiceField(choices=CHALLENGE_STATES)
    submittedAt = serializers.DateTimeField(source="submitted_at")
    bylawVersion = serializers.IntegerField(source="bylaw.version")
    url = serializers.SerializerMethodField()

    def get_url(self, challenge) -> str:
        return web_url(self.context.get("request"), challenge)


class ChallengeDetailSerializer(ChallengeSerializer):
    plan = MaskedText()
    involvement = MaskedText()
    cost = serializers.DecimalField(max_digits=12, decimal_places=2)
    municipalityCost = serializers.DecimalField(source="municipality_cost", max_digits=12, decimal_places=2)
    processSlug = serializers.SlugField(source="process.slug", allow_null=True, default=None)
    decision = ChallengeDecisionSerializer(allow_null=True)
    conditions = MaskedText(allow_blank=True)
    evaluateOn = serializers.DateField(source="evaluate_on", allow_null=True)
    deadlines = ChallengeDeadlineSerializer(many=True)
    events = ChallengeEventSerializer(many=True, source="events.all")
