from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zwerm.budgets.selectors import (
    budget_process,
    budget_result,
    budget_voter_count,
    count_result_latest,
    district_amount_list,
    project_list_public,
)

from ..choices import BALLOT_TYPES, BUDGET_RULES, BUDGET_STATUSES, PROJECT_FEASIBILITY
from .common import FigureSerializer, GeoJSONPointSerializer, PlaceSerializer, people, public_point, web_url

MONEY = {"max_digits": 12, "decimal_places": 2}


class BudgetSerializer(serializers.Serializer):
    """A participatory budget (buurtbudget): residents propose projects and vote; a fair count decides."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=BUDGET_STATUSES)
    totalAmount = serializers.DecimalField(source="total_amount", **MONEY)
    district = PlaceSerializer(allow_null=True)
    rule = serializers.ChoiceField(choices=BUDGET_RULES)
    ballotType = serializers.ChoiceField(source="ballot_type", choices=BALLOT_TYPES)
    voteClosesAt = serializers.DateTimeField(source="vote_closes_at", allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, budget) -> str:
        return web_url(self.context.get("request"), budget)


class ProjectSerializer(serializers.Serializer):
    """A proposed project: the public copy of its text; who proposed it is never given."""

    id = serializers.IntegerField()
    title = serializers.CharField(source="shown_title")
    description = serializers.CharField(source="shown_description")
    cost = serializers.DecimalField(allow_null=True, **MONEY)
    district = PlaceSerializer(allow_null=True)
    point = serializers.SerializerMethodField(
        help_text="Where it is, rounded to a street or part of a buurt (GeoJSON Point, WGS84); null without a place."
    )
    feasibility = serializers.ChoiceField(choices=PROJECT_FEASIBILITY)
    feasibilityReason = serializers.CharField(source="feasibility_reason", allow_blank=True)
    initiativeId = serializers.IntegerField(source="initiative_id", allow_null=True)

    @extend_schema_field(GeoJSONPointSerializer(allow_null=True))
    def get_point(self, obj) -> dict | None:
        return public_point(obj)


class DistrictAmountSerializer(serializers.Serializer):
    district = PlaceSerializer()
    amount = serializers.DecimalField(**MONEY)


class ProjectResultSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="project.pk")
    title = serializers.CharField(source="project.shown_title")
    funded = serializers.BooleanField()
    fundedUnderOtherRule = serializers.BooleanField(source="funded_under_other_rule")
    votes = serializers.SerializerMethodField()
    explanation = serializers.CharField()

    @extend_schema_field(FigureSerializer)
    def get_votes(self, row) -> dict:
        figure = people(row.votes)
        if not self.context.get("show_figures"):
            figure["value"] = None
            figure["display"] = row.votes_shown
        return figure


class CountResultSerializer(serializers.Serializer):
    """The published count: which projects are funded and why; voter figures only from 5 voters on."""

    countedAt = serializers.DateTimeField(source="count.counted_at")
    publishedAt = serializers.DateTimeField(source="count.published_at")
    rule = serializers.ChoiceField(source="count.rule", choices=BUDGET_RULES)
    ruleName = serializers.CharField(source="rule_name")
    otherRule = serializers.ChoiceField(source="count.other_rule", choices=BUDGET_RULES)
    otherRuleName = serializers.CharField(source="other_rule_name")
    voters = serializers.SerializerMethodField()
    fundedCost = serializers.CharField(source="funded_cost", help_text="Formatted in euros, as on the site.")
    shareWithFunded = serializers.IntegerField(
        source="share_with_funded",
        allow_null=True,
        min_value=0,
        max_value=100,
        help_text="Percentage of voters with at least one funded project.",
    )
    otherShareWithFunded = serializers.IntegerField(
        source="other_share_with_funded", allow_null=True, min_value=0, max_value=100
    )
    projects = serializers.SerializerMethodField()

    @extend_schema_field(FigureSerializer)
    def get_voters(self, result) -> dict:
        return people(result.voters)

    @extend_schema_field(ProjectResultSerializer(many=True))
    def get_projects(self, result) -> list:
        context = {**self.context, "show_figures": result.show_figures}
        return ProjectResultSerializer(result.projects, many=True, context=context).data


class BudgetDetailSerializer(BudgetSerializer):
    description = serializers.CharField(allow_blank=True)
    minProjects = serializers.IntegerField(source="min_projects", allow_null=True, min_value=0)
    maxProjects = serializers.IntegerField(source="max_projects", allow_null=True, min_value=0)
    maxCost = serializers.DecimalField(source="max_cost", allow_null=True, **MONEY)
    points = serializers.IntegerField(allow_null=True, min_value=0)
    process = serializers.SerializerMethodField()
    districtAmounts = serializers.SerializerMethodField()
    voters = serializers.SerializerMethodField()
    projects = serializers.SerializerMethodField()
    result = serializers.SerializerMethodField()

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "required": ["slug", "title"],
            "properties": {"slug": {"type": "string"}, "title": {"type": "string"}},
        }
    )
    def get_process(self, budget) -> dict | None:
        process = budget_process(budget=budget)
        return {"slug": process.slug, "title": process.title} if process is not None else None

    @extend_schema_field(DistrictAmountSerializer(many=True))
    def get_districtAmounts(self, budget) -> list:
        return DistrictAmountSerializer(district_amount_list(budget=budget), many=True).data

    @extend_schema_field(FigureSerializer)
    def get_voters(self, budget) -> dict:
        return people(budget_voter_count(budget=budget))

    @extend_schema_field(ProjectSerializer(many=True))
    def get_projects(self, budget) -> list:
        return ProjectSerializer(project_list_public(budget=budget), many=True).data

    @extend_schema_field(CountResultSerializer(allow_null=True))
    def get_result(self, budget) -> dict | None:
        count = count_result_latest(budget=budget, published=True)
        if count is None:
            return None
        return CountResultSerializer(budget_result(budget=budget, count=count), context=self.context).data
