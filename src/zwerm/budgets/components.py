"""The budget as a component that processes can host (registered in BudgetsConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Budget, VoteRecord
from .selectors import budget_district_ids, budget_voter_count, project_list


class BudgetComponent:
    key = "budget"
    label = _("Buurtbudget")

    def summary(self, placement) -> dict:
        budget = Budget.objects.filter(pk=placement.object_id).first()
        if budget is None:
            return {"participants": 0}
        voters = budget_voter_count(budget=budget)
        return {
            "participants": voters,
            "voters": voters,
            "projects": project_list(budget=budget).count(),
            "status": budget.status,
        }

    def participant_ids(self, placement) -> list[int]:
        """Who voted (the register of voters, never what they voted; voters with a vote code have no account)."""
        return list(VoteRecord.objects.filter(budget_id=placement.object_id).values_list("voter_id", flat=True))

    def url(self, placement) -> str:
        return reverse("budgets:detail", args=[placement.object_id])

    def belongs_to(self, object_id: int, municipality) -> bool:
        return Budget.objects.filter(pk=object_id, municipality=municipality).exists()

    def district_ids(self, object_ids: list[int]) -> dict[int, set[int]]:
        """The wijk a budget is for, or the wijken it sets an amount aside for."""
        return budget_district_ids(budget_ids=object_ids)
