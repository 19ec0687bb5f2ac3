"""Participatory budgets with their projects and published count."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics

from zwerm.budgets.selectors import budget_get, budget_is_public, budget_list, budget_list_public

from ..filters import BudgetFilter
from ..serializers.budgets import BudgetDetailSerializer, BudgetSerializer
from .base import ID_PARAMETER, PublicView


@extend_schema(tags=["budgets"], summary="Participatory budgets")
class BudgetList(PublicView, generics.ListAPIView):
    serializer_class = BudgetSerializer
    filterset_class = BudgetFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the document is made without a database
            return budget_list(municipality=None)
        return budget_list_public(municipality=self.municipality)


@extend_schema(tags=["budgets"], summary="One budget with its projects and published result", parameters=[ID_PARAMETER])
class BudgetDetail(PublicView, generics.RetrieveAPIView):
    serializer_class = BudgetDetailSerializer

    def get_object(self):
        budget = budget_get(municipality=self.municipality, pk=self.kwargs["pk"])
        if budget is None or not budget_is_public(budget=budget):
            raise exceptions.NotFound()
        return budget
