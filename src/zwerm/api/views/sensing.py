"""Sensing: the public aggregates of /signalen/, and reports (meldingen) from the municipality's systems."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from zwerm.accounts.roles import Role
from zwerm.sensing.selectors import public_overview
from zwerm.sensing.services import report_receive

from ..serializers.common import people
from ..serializers.sensing import (
    ReportInputSerializer,
    ReportSerializer,
    SensingAlertSerializer,
    SensingDistrictSerializer,
    SensingThemeSerializer,
)
from .base import IDEMPOTENCY_PARAMETER, PublicResource, StaffView
from .writes import answer_once

REPORT_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)  # as the CSV import on /signalen/beheer/import


def _place(place) -> dict | None:
    return {"code": place.code, "name": place.name} if place is not None else None


class SensingOverviewView(PublicResource):
    """A part of the public overview of the last 12 weeks: a short list (no pages)."""

    serializer_class = None

    def get(self, request):
        overview = public_overview(municipality=self.municipality)
        return Response(self.serializer_class(self.rows(overview), many=True).data)


@extend_schema(
    tags=["sensing"],
    summary="Themes 5 or more people wrote about in the last 12 weeks",
    responses=SensingThemeSerializer(many=True),
)
class SensingThemeList(SensingOverviewView):
    serializer_class = SensingThemeSerializer

    def rows(self, overview):
        return [
            {"key": r["theme"].key, "label": r["theme"].label, "count": r["count"].value} for r in overview["themes"]
        ]


@extend_schema(
    tags=["sensing"],
    summary="People who wrote, per wijk, in the last 12 weeks (below 5 not given)",
    responses=SensingDistrictSerializer(many=True),
)
class SensingDistrictList(SensingOverviewView):
    serializer_class = SensingDistrictSerializer

    def rows(self, overview):
        return [{"district": _place(r["district"]), "count": people(r["count"].value)} for r in overview["districts"]]


@extend_schema(
    tags=["sensing"],
    summary="What starts to move: new themes and spikes with 5 or more people behind them",
    responses=SensingAlertSerializer(many=True),
)
class SensingAlertList(SensingOverviewView):
    serializer_class = SensingAlertSerializer

    def rows(self, overview):
        return [
            {
                "kind": alert.kind,
                "theme": {"key": alert.theme.key, "label": alert.theme.label},
                "district": _place(alert.district),
                "period": alert.period,
                "count": alert.people.value,
            }
            for alert in overview["spikes"]
        ]


def _answer(text) -> dict:
    return ReportSerializer(
        {
            "id": text.pk,
            "source_id": text.source_id,
            "theme": text.theme.key if text.theme_id else None,
            "category": text.category or None,
            "needs_person": text.needs_person,
        }
    ).data


@extend_schema(tags=["sensing"])
class ReportCreate(StaffView):
    http_method_names = ["post"]
    staff_roles = REPORT_ROLES
    serializer_class = ReportInputSerializer

    @extend_schema(
        summary="Send one report (melding) from the municipality's own system (process lead)",
        request=ReportInputSerializer,
        responses={201: ReportSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def post(self, request):
        data = ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        payload = {k: v for k, v in data.validated_data.items() if v not in (None, "")}
        if "time" in payload:
            payload["time"] = payload["time"].isoformat()
        return answer_once(
            request,
            scope="api.sensing.report",
            action=lambda: report_receive(municipality=self.municipality, payload=payload),
            answer=_answer,
        )
