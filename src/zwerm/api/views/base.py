"""What every API view shares: the API-Version header, only the methods it declares, strict credentials."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.views import APIView

from ..filters import MAX_ID
from ..permissions import StaffRole

ID_PARAMETER = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, OpenApiParameter.PATH, description="The id."
)
IDEMPOTENCY_PARAMETER = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[!-~]+$"},
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Makes a retry safe: the same key with the same body answers as the first time (with "
        "Idempotent-Replayed: true) and stores nothing twice; the same key with another body answers 422."
    ),
)


class ApiMixin:
    """Mixed into every view of the API (also the OpenAPI document and the 404 for unknown paths)."""

    # Only what the view declares: TRACE, OPTIONS, HEAD and the rest answer 405 (problem+json).
    http_method_names = ["get"]

    @property
    def municipality(self):
        # None only while drf-spectacular generates the document without a real request.
        return getattr(self.request, "municipality", None)

    def perform_authentication(self, request):
        """Credentials that no authentication class accepts are refused, not ignored (401)."""
        request.user  # noqa: B018  (authenticates)
        if request.successful_authenticator is None and request.headers.get("Authorization"):
            raise exceptions.AuthenticationFailed(
                _("Gebruik 'Authorization: Bearer <sleutel>' met een geldige sleutel van deze gemeente.")
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = settings.ZWERM_API_VERSION
        return response


class PublicView(ApiMixin, GenericAPIView):
    """Anonymous read access; a valid token may be sent but changes nothing."""


class StaffView(ApiMixin, GenericAPIView):
    """Token (or OIDC) access for the roles in `staff_roles`; admin fits every staff role."""

    permission_classes = [StaffRole]
    staff_roles: tuple = ()


class PublicResource(ApiMixin, APIView):
    """Anonymous read access to one resource or a short list that needs no pages."""
