"""What budgets hold about a person, registered with `zwerm.core.personal_data.registry`."""

from zwerm.core.personal_data import IN_OFFICE, Erasure, Retention, iso

from .models import Budget, CountResult, Project, VoteRecord
from .services.personal_data import budgets_personal_data_erase, budgets_personal_data_retain

BALLOTS_NOTE = (
    "Stembiljetten zijn geheim: een stembiljet bevat geen verwijzing naar een persoon, dus ook Zwerm weet "
    "niet wat je hebt gestemd. Hieronder staat alleen in welke buurtbudgetten je hebt gestemd. Na het "
    "verwijderen van je account blijft je stembiljet meetellen, en verdwijnt ook de registratie dat je hebt gestemd."
)


class BudgetsPersonalData:
    key = "budgets"
    label = "Buurtbudgetten"
    # What erasure does to each model of this app (tests/privacy/test_registry_complete.py).
    models = {
        "budgets.Budget": IN_OFFICE,
        "budgets.Project": "proposer detached, only the masked text kept; or removed while proposals are open",
        "budgets.VoteRecord": "deleted (the ballot never pointed at the person)",
        "budgets.CountResult": IN_OFFICE,
        "budgets.Ballot": "no reference to a person by construction (ADR 0021)",
        "budgets.BallotChoice": "no reference to a person by construction (ADR 0021)",
    }

    def export(self, user) -> dict:
        return {
            "voorgestelde_projecten": [
                {
                    "id": p.pk,
                    "buurtbudget": p.budget.title,
                    "titel": p.title,
                    "beschrijving": p.description,
                    "kosten": str(p.cost) if p.cost is not None else None,
                    "haalbaarheid": p.feasibility,
                    "ingediend_op": iso(p.created_at),
                }
                for p in Project.objects.filter(proposer=user).select_related("budget").order_by("pk")
            ],
            "stembiljetten": BALLOTS_NOTE,
            "gestemd_in": [
                {"buurtbudget": r.budget_id, "titel": r.budget.title}
                for r in VoteRecord.objects.filter(voter=user).select_related("budget").order_by("budget_id")
            ],
            "buurtbudgetten_opgezet": [
                {"id": b.pk, "titel": b.title, "aangemaakt_op": iso(b.created_at)}
                for b in Budget.objects.filter(created_by=user).order_by("pk")
            ],
            "tellingen_uitgevoerd": [
                {"buurtbudget": c.budget_id, "geteld_op": iso(c.counted_at)}
                for c in CountResult.objects.filter(counted_by=user).order_by("pk")
            ],
        }

    def erase(self, erasure: Erasure) -> dict[str, int]:
        return budgets_personal_data_erase(erasure=erasure)

    def retention(self, retention: Retention) -> dict[str, int]:
        return budgets_personal_data_retain(retention=retention)
