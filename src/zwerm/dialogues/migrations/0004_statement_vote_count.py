from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_votes(apps, schema_editor):
    """Existing statements get the votes they have now (the next analysis keeps the count)."""
    Statement = apps.get_model("dialogues", "Statement")
    Vote = apps.get_model("dialogues", "Vote")
    votes = Vote.objects.filter(statement=OuterRef("pk")).order_by().values("statement").annotate(n=Count("pk"))
    Statement.objects.update(vote_count=Coalesce(Subquery(votes.values("n")[:1]), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0003_statement_masking_pending"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="vote_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(count_votes, migrations.RunPython.noop),
    ]
