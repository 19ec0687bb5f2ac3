"""Initiatives: the public list and page, their status history, and status changes by staff."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response

from zwerm.accounts.roles import Role
from zwerm.initiatives.selectors import (
    InitiativeFilters,
    initiative_get_for_user,
    initiative_list,
    initiative_status_history,
    moderation_queue,
)
from zwerm.initiatives.services import initiative_status_change

from ..filters import InitiativeFilter
from ..permissions import StaffRole
from ..serializers.initiatives import (
    FlagSerializer,
    InitiativeSerializer,
    StatusChangeInputSerializer,
    StatusChangeSerializer,
)
from .base import ID_PARAMETER, IDEMPOTENCY_PARAMETER, PublicResource, PublicView, StaffView
from .writes import answer_once

STATUS_ROLES = (Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN)
MODERATION_ROLES = (Role.MODERATOR, Role.ADMIN)


def public_initiative_or_404(view, pk: int):
    initiative = initiative_get_for_user(municipality=view.municipality, pk=pk, user=view.request.user)
    if initiative is None or not initiative.is_public:
        raise exceptions.NotFound()
    return initiative


@extend_schema(tags=["initiatives"], summary="Published initiatives")
class InitiativeList(PublicView, generics.ListAPIView):
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        return initiative_list(municipality=self.municipality, filters=InitiativeFilters())


@extend_schema(tags=["initiatives"], summary="One published initiative", parameters=[ID_PARAMETER])
class InitiativeDetail(PublicView, generics.RetrieveAPIView):
    serializer_class = InitiativeSerializer

    def get_object(self):
        return public_initiative_or_404(self, self.kwargs["pk"])


@extend_schema(tags=["initiatives"], parameters=[ID_PARAMETER])
class InitiativeStatusChanges(PublicResource):
    """GET: the public history of a published initiative. POST (staff): the next status, with a reason."""

    http_method_names = ["get", "post"]
    staff_roles = STATUS_ROLES

    def get_permissions(self):
        return [StaffRole()] if self.request.method == "POST" else super().get_permissions()

    @extend_schema(summary="Status history of a published initiative", responses=StatusChangeSerializer(many=True))
    def get(self, request, pk: int):
        history = initiative_status_history(initiative=public_initiative_or_404(self, pk))
        return Response(StatusChangeSerializer(history, many=True).data)

    @extend_schema(
        summary="Change the status of an initiative (moderator, process lead)",
        request=StatusChangeInputSerializer,
        responses={201: StatusChangeSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def post(self, request, pk: int):
        # Staff also move initiatives that are not public yet (submitted ones get published).
        initiative = initiative_get_for_user(municipality=self.municipality, pk=pk, user=request.user, as_staff=True)
        if initiative is None:
            raise exceptions.NotFound()
        data = StatusChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return answer_once(
            request,
            scope="api.initiatives.status-change",
            action=lambda: initiative_status_change(
                initiative=initiative,
                actor=request.user,
                to_status=data.validated_data["status"],
                reason=data.validated_data["reason"],
            ),
            answer=lambda change: StatusChangeSerializer(change).data,
        )


@extend_schema(tags=["moderation"], summary="The moderation queue: open flags (moderator)")
class FlagList(StaffView, generics.ListAPIView):
    serializer_class = FlagSerializer
    staff_roles = MODERATION_ROLES

    def get_queryset(self):
        return moderation_queue(municipality=self.municipality)
