from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sensing", "0003_report_import_in_background"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="forecast",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
