"""/api/v1/...: plural nouns, no trailing slashes; every other path under /api/v1 answers 404 problem+json."""

from django.urls import include, path, re_path, register_converter

from .views import budgets, council, dialogues, initiatives, meta, participation, processes, sensing


class IdConverter:
    """A database id: at most 18 digits, so that a lookup never overflows the database's integers."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "api_id")

v1 = [
    path("", meta.Root.as_view(), name="root"),
    path("openapi.json", meta.OpenApiDocument.as_view(), name="openapi"),
    path("initiatives", initiatives.InitiativeList.as_view(), name="initiatives"),
    path("initiatives/<api_id:pk>", initiatives.InitiativeDetail.as_view(), name="initiative"),
    path(
        "initiatives/<api_id:pk>/status-changes",
        initiatives.InitiativeStatusChanges.as_view(),
        name="initiative_status_changes",
    ),
    path("flags", initiatives.FlagList.as_view(), name="flags"),
    path("processes", processes.ProcessList.as_view(), name="processes"),
    path("processes/<slug:slug>", processes.ProcessDetail.as_view(), name="process"),
    path("processes/<slug:slug>/decisions", processes.ProcessDecisionList.as_view(), name="process_decisions"),
    path("dialogues", dialogues.DialogueList.as_view(), name="dialogues"),
    path("dialogues/<api_id:pk>", dialogues.DialogueDetail.as_view(), name="dialogue"),
    path("budgets", budgets.BudgetList.as_view(), name="budgets"),
    path("budgets/<api_id:pk>", budgets.BudgetDetail.as_view(), name="budget"),
    path("council-reports", council.CouncilReportList.as_view(), name="council_reports"),
    path("council-reports/<api_id:pk>", council.CouncilReportDetail.as_view(), name="council_report"),
    path("challenges", participation.ChallengeList.as_view(), name="challenges"),
    path("challenges/<api_id:pk>", participation.ChallengeDetail.as_view(), name="challenge"),
    path("sensing/themes", sensing.SensingThemeList.as_view(), name="sensing_themes"),
    path("sensing/districts", sensing.SensingDistrictList.as_view(), name="sensing_districts"),
    path("sensing/alerts", sensing.SensingAlertList.as_view(), name="sensing_alerts"),
    path("sensing/reports", sensing.ReportCreate.as_view(), name="sensing_reports"),
]

app_name = "api"
urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^v1(?:/.*)?$", meta.NotFound.as_view(), name="not_found"),
]
