"""Processes with their phases, components, participation figures, kaders and decision log."""

from dataclasses import dataclass

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics

from zwerm.council.selectors import frame_list
from zwerm.processes.selectors import decision_list, process_get, process_is_visible, process_list, process_record

from ..filters import ProcessFilter
from ..serializers.processes import DecisionSerializer, ProcessDetailSerializer, ProcessSerializer
from .base import PublicView

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 80},
    OpenApiParameter.PATH,
    description="The process's short name.",
)


def visible_process_or_404(view, slug: str):
    process = process_get(municipality=view.municipality, slug=slug)
    if process is None or not process_is_visible(process=process):
        raise exceptions.NotFound()  # drafts are not public, not even to a token
    return process


@dataclass(frozen=True)
class ProcessPage:
    """A process with the parts of its public record the API shows."""

    process: object
    phases: tuple
    components: tuple
    participation: object
    frames: list

    def __getattr__(self, name):
        return getattr(self.process, name)


@extend_schema(tags=["processes"], summary="Running and closed processes")
class ProcessList(PublicView, generics.ListAPIView):
    serializer_class = ProcessSerializer
    filterset_class = ProcessFilter

    def get_queryset(self):
        return process_list(municipality=self.municipality)


@extend_schema(
    tags=["processes"], summary="One process with its phases, components and kaders", parameters=[SLUG_PARAMETER]
)
class ProcessDetail(PublicView, generics.RetrieveAPIView):
    serializer_class = ProcessDetailSerializer

    def get_object(self):
        process = visible_process_or_404(self, self.kwargs["slug"])
        record = process_record(process=process)
        return ProcessPage(
            process=process,
            phases=record.phases,
            components=record.placements,
            participation=record.participation,
            frames=list(frame_list(process=process)),
        )


@extend_schema(tags=["processes"], summary="The decision log of a process", parameters=[SLUG_PARAMETER])
class ProcessDecisionList(PublicView, generics.ListAPIView):
    serializer_class = DecisionSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return decision_list(process=None)
        return decision_list(process=visible_process_or_404(self, self.kwargs["slug"]))
