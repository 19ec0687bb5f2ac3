"""A secret ballot by construction (issue 13).

Before: a ballot row held the voter. After: the ballot (random id, no time, no person) and a separate
register (`VoteRecord`: this person voted in this budget). Existing ballots are moved over in a random
order, so neither the ids nor the order of the new rows follow the old ones."""

import random
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def split_ballots(apps, schema_editor):
    OldBallot = apps.get_model("budgets", "Ballot")
    OldChoice = apps.get_model("budgets", "BallotChoice")
    NewBallot = apps.get_model("budgets", "SecretBallot")
    NewChoice = apps.get_model("budgets", "SecretBallotChoice")
    VoteRecord = apps.get_model("budgets", "VoteRecord")
    old = list(OldBallot.objects.values_list("pk", "budget_id", "district_id", "voter_id"))
    choices: dict[int, list[tuple[int, int]]] = {}
    for ballot_id, project_id, points in OldChoice.objects.values_list("ballot_id", "project_id", "points"):
        choices.setdefault(ballot_id, []).append((project_id, points))
    VoteRecord.objects.bulk_create(
        VoteRecord(id=uuid.uuid4(), budget_id=budget_id, voter_id=voter_id)
        for _, budget_id, _, voter_id in sorted(old, key=lambda row: (row[1], row[3]))
    )
    rng = random.SystemRandom()
    rng.shuffle(old)
    for pk, budget_id, district_id, _ in old:
        ballot = NewBallot.objects.create(id=uuid.uuid4(), budget_id=budget_id, district_id=district_id)
        NewChoice.objects.bulk_create(
            NewChoice(id=uuid.uuid4(), ballot=ballot, project_id=project_id, points=points)
            for project_id, points in choices.get(pk, [])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0002_budget_count_variant"),
        ("places", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SecretBallot",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                (
                    "budget",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="budgets.budget"
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="places.district",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="SecretBallotChoice",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("points", models.PositiveIntegerField(default=1)),
                (
                    "ballot",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="budgets.secretballot"
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="budgets.project"
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="VoteRecord",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                (
                    "budget",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="budgets.budget"
                    ),
                ),
                (
                    "voter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
        ),
        migrations.RunPython(split_ballots, migrations.RunPython.noop),
        migrations.DeleteModel(name="BallotChoice"),
        migrations.DeleteModel(name="Ballot"),
        migrations.RenameModel(old_name="SecretBallot", new_name="Ballot"),
        migrations.RenameModel(old_name="SecretBallotChoice", new_name="BallotChoice"),
        migrations.AlterField(
            model_name="ballot",
            name="budget",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="ballots", to="budgets.budget"
            ),
        ),
        migrations.AlterField(
            model_name="ballotchoice",
            name="ballot",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="choices", to="budgets.ballot"
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotchoice",
            constraint=models.UniqueConstraint(fields=("ballot", "project"), name="one_choice_per_project"),
        ),
        migrations.AddConstraint(
            model_name="ballotchoice",
            constraint=models.CheckConstraint(condition=models.Q(("points__gte", 1)), name="choice_points_positive"),
        ),
        migrations.AddConstraint(
            model_name="voterecord",
            constraint=models.UniqueConstraint(fields=("budget", "voter"), name="one_ballot_per_resident"),
        ),
    ]
