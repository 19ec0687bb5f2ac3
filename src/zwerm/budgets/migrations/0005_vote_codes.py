import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0004_project_masking_pending"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="budget",
            name="eligibility",
            field=models.CharField(
                choices=[("resident", "ingelogde inwoners van het gebied"), ("code", "stemcode per adres")],
                default="resident",
                max_length=10,
                verbose_name="wie mag stemmen",
            ),
        ),
        migrations.CreateModel(
            name="VoteCode",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("code_hash", models.CharField(max_length=64)),
                ("used", models.BooleanField(default=False)),
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
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("budget", "code_hash"), name="one_code_hash_per_budget")
                ],
            },
        ),
    ]
