"""A challenge's assessment process leaves the public list of processes (it is found through the register)."""

from django.db import migrations


def unlist(apps, schema_editor):
    Challenge = apps.get_model("participation", "Challenge")
    Process = apps.get_model("processes", "Process")
    ids = Challenge.objects.filter(process__isnull=False).values_list("process_id", flat=True)
    Process.objects.filter(pk__in=list(ids)).update(listed=False)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0006_mirroranswer_count_mirroranswer_one_tally_per_score"),
        ("processes", "0005_listed_and_history_moments"),
    ]

    operations = [migrations.RunPython(unlist, migrations.RunPython.noop)]
