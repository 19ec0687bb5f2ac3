"""Migration budgets.0003: ballots that held their voter become a register row and an anonymous ballot."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from zwerm.budgets import selectors

from ..foundation.builders import make_resident

BEFORE, AFTER = [("budgets", "0002_budget_count_variant")], [("budgets", "0003_secret_ballot")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_existing_ballots_move_to_the_register_and_lose_their_voter(voting_budget, municipality, neighbourhood):
    voters = [make_resident(municipality, neighbourhood) for _ in range(3)]
    projects = list(selectors.project_list(budget=voting_budget, feasibility="feasible"))
    old = migrate(BEFORE)
    OldBallot, OldChoice = old.get_model("budgets", "Ballot"), old.get_model("budgets", "BallotChoice")
    for i, voter in enumerate(voters):
        ballot = OldBallot.objects.create(budget_id=voting_budget.pk, voter_id=voter.pk)
        OldChoice.objects.create(ballot=ballot, project_id=projects[i].pk, points=1)
    try:
        new = migrate(AFTER)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    Ballot = new.get_model("budgets", "Ballot")
    assert {f.name for f in Ballot._meta.get_fields()} >= {"id", "budget", "district"}
    assert "voter" not in {f.name for f in Ballot._meta.get_fields()}
    assert "created_at" not in {f.name for f in Ballot._meta.get_fields()}
    for voter in voters:
        assert selectors.has_voted(budget=voting_budget, user=voter)
    chosen = sorted(c for b in selectors.budget_rule_ballots(budget=voting_budget) for c in b.projects)
    assert chosen == sorted(str(p.pk) for p in projects[:3])
