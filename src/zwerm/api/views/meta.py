"""The OpenAPI document, and problem+json for paths under /api/v1/ that do not exist."""

from django.utils import translation
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import exceptions
from rest_framework.views import APIView

from .base import ApiMixin


class OpenApiDocument(ApiMixin, SpectacularJSONAPIView):
    """GET /api/v1/openapi.json, for everyone; always in Dutch, so it equals docs/api/openapi.json."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("nl"):
            return super().dispatch(request, *args, **kwargs).render()


class NotFound(ApiMixin, APIView):
    """Any other path under /api/v1/: 404 problem+json (not the site's HTML page), whatever the method."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options", "trace"]
    schema = None  # not an operation of the API

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound()
