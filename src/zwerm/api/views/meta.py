"""The root of the API (what it offers), the OpenAPI document, and problem+json for paths under /api/v1/
that do not exist."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from .base import ApiMixin


class OpenApiDocument(ApiMixin, SpectacularJSONAPIView):
    """GET /api/v1/openapi.json, for everyone; always in Dutch, so it equals docs/api/openapi.json."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("nl"):
            return super().dispatch(request, *args, **kwargs).render()


# The collections a caller can start from (URL name, what it holds); items are reached from their collection.
RESOURCES = (
    ("initiatives", "Published initiatives, ideas and concerns, with their status history."),
    ("processes", "Participation processes, with their phases and decision log."),
    ("dialogues", "Dialogues with their opinion groups and common ground."),
    ("budgets", "Participatory budgets, their projects and published results."),
    ("council_reports", "Progress and district reports sent to the council."),
    ("challenges", "Challenges (uitdaagrecht) with their deadlines and history."),
    ("sensing_themes", "What moves in the municipality: themes, counted in people (never fewer than 5)."),
    ("sensing_districts", "The same picture per wijk."),
    ("sensing_alerts", "Alerts when something starts to move (staff token)."),
    ("sensing_reports", "Deliver a melding from the municipality's own systems (staff token, POST)."),
    ("flags", "Flags on initiatives waiting for moderation (staff token)."),
)


class Root(ApiMixin, APIView):
    """GET /api/v1/: the resources, the OpenAPI document and the documentation, as links."""

    schema = None  # a map of the API, not an operation of it

    def get(self, request):
        absolute = request.build_absolute_uri
        return Response(
            {
                "name": "Zwerm API",
                "version": settings.ZWERM_API_VERSION,
                "openapi": absolute(reverse("api:openapi")),
                "documentation": f"{settings.ZWERM_SOURCE_URL}/docs/api/README.md",
                "resources": [
                    {"name": name, "href": absolute(reverse(f"api:{name}")), "description": description}
                    for name, description in RESOURCES
                ],
            }
        )


class NotFound(ApiMixin, APIView):
    """Any other path under /api/v1/: 404 problem+json (not the site's HTML page), whatever the method."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options", "trace"]
    schema = None  # not an operation of the API

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound()
