from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zwerm.core import disclosure
from zwerm.dialogues.selectors import (
    dialogue_by_district,
    dialogue_latest_snapshot,
    dialogue_participation_cached,
    result_public,
    statement_public_texts,
    statement_vote_counts,
)

from ..choices import VOTE_DIRECTIONS
from .common import FigureSerializer, people, web_url


class DialogueSerializer(serializers.Serializer):
    """A dialogue (opinion mapping): a question, statements, and votes agree / disagree / pass."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    question = serializers.CharField()
    opensAt = serializers.DateTimeField(source="opens_at")
    closesAt = serializers.DateTimeField(source="closes_at", allow_null=True)
    open = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_open(self, dialogue) -> bool:
        return dialogue.is_open()

    def get_url(self, dialogue) -> str:
        return web_url(self.context.get("request"), dialogue)


class DialogueParticipationSerializer(serializers.Serializer):
    participants = FigureSerializer(help_text="People who voted.")
    votes = serializers.IntegerField(min_value=0)
    statements = serializers.IntegerField(min_value=0, help_text="Approved statements.")


class RepresentativeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The statement.")
    text = serializers.CharField()
    direction = serializers.ChoiceField(choices=VOTE_DIRECTIONS)
    share = serializers.IntegerField(min_value=0, max_value=100, help_text="Percentage of the group voting so.")


class GroupSerializer(serializers.Serializer):
    number = serializers.IntegerField(min_value=1)
    size = FigureSerializer()
    statements = RepresentativeSerializer(many=True, help_text="What this group stands for.")


class CommonGroundSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The statement.")
    text = serializers.CharField()
    share = serializers.IntegerField(min_value=0, max_value=100)


class ConsensusSerializer(serializers.Serializer):
    agree = CommonGroundSerializer(many=True)
    disagree = CommonGroundSerializer(many=True)


class DivisiveSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The statement.")
    text = serializers.CharField()
    perGroup = serializers.ListField(
        child=serializers.IntegerField(min_value=-100, max_value=100), help_text="Net agreement per group, in %."
    )


class DistrictParticipationSerializer(serializers.Serializer):
    district = serializers.CharField()
    participants = serializers.IntegerField(min_value=5)


class ResultsSerializer(serializers.Serializer):
    """The latest analysis: opinion groups, common ground, what divides; only with 5 or more participants."""

    analysedAt = serializers.DateTimeField()
    groups = GroupSerializer(many=True)
    consensus = ConsensusSerializer()
    divisive = DivisiveSerializer(many=True)
    districts = DistrictParticipationSerializer(many=True, help_text="Wijken with 5 or more participants.")


class DialogueDetailSerializer(DialogueSerializer):
    context = serializers.CharField(allow_blank=True)
    participation = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()

    @extend_schema_field(DialogueParticipationSerializer)
    def get_participation(self, dialogue) -> dict:
        figures = dialogue_participation_cached(dialogue=dialogue)
        return DialogueParticipationSerializer(
            {
                "participants": figures["participants"].as_dict(),
                "votes": figures["votes"],
                "statements": figures["statements"],
            }
        ).data

    @extend_schema_field(ResultsSerializer(allow_null=True))
    def get_results(self, dialogue) -> dict | None:
        results = dialogue_results(dialogue)
        return ResultsSerializer(results).data if results is not None else None


def dialogue_results(dialogue) -> dict | None:
    """What the results page shows, as data (no map of participants); None until there is a usable
    analysis with at least 5 participants."""
    snapshot = dialogue_latest_snapshot(dialogue=dialogue)
    if snapshot is None or snapshot.status != "ok":
        return None
    if not disclosure.is_public(dialogue_participation_cached(dialogue=dialogue)["participant_count"]):
        return None
    texts = statement_public_texts(dialogue=dialogue)
    result = result_public(result=snapshot.result, vote_counts=statement_vote_counts(dialogue=dialogue))

    def statement(sid) -> dict | None:
        text = texts.get(int(sid))
        return {"id": int(sid), "text": text} if text is not None else None

    groups = []
    for group in result["groups"]:
        rows = []
        for r in group["representative"]:
            found = statement(r["statement"])
            if found:
                share = r["pa"] if r["direction"] == "agree" else r.get("pd", 0)
                rows.append({**found, "direction": r["direction"], "share": round(100 * share)})
        groups.append({"number": group["id"] + 1, "size": people(group["size"]), "statements": rows})
    consensus = {
        direction: [
            {**found, "share": round(100 * c["p_success"])}
            for c in result["consensus"][direction]
            if (found := statement(c["statement"]))
        ]
        for direction in VOTE_DIRECTIONS
    }
    divisive = [
        {**found, "perGroup": [round(100 * v) for v in d["net_agreement"]]}
        for d in result.get("divisive", [])[:5]
        if (found := statement(d["statement"]))
    ]
    districts = [
        {"district": row["district"], "participants": row["participants"]}
        for row in dialogue_by_district(dialogue=dialogue)
    ]
    return {
        "analysedAt": snapshot.created_at,
        "groups": groups,
        "consensus": consensus,
        "divisive": divisive,
        "districts": districts,
    }
