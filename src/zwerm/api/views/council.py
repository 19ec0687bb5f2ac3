"""Progress reports sent to the council (public once sent, for processes that are public)."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics

from zwerm.council.selectors import report_get_public, report_list_public

from ..filters import CouncilReportFilter
from ..serializers.council import CouncilReportDetailSerializer, CouncilReportSerializer
from .base import ID_PARAMETER, PublicView


@extend_schema(tags=["council"], summary="Progress reports sent to the council")
class CouncilReportList(PublicView, generics.ListAPIView):
    serializer_class = CouncilReportSerializer
    filterset_class = CouncilReportFilter

    def get_queryset(self):
        return report_list_public(municipality=self.municipality)


@extend_schema(tags=["council"], summary="One progress report with its content", parameters=[ID_PARAMETER])
class CouncilReportDetail(PublicView, generics.RetrieveAPIView):
    serializer_class = CouncilReportDetailSerializer

    def get_object(self):
        report = report_get_public(municipality=self.municipality, pk=self.kwargs["pk"])
        if report is None:
            raise exceptions.NotFound()
        return report
