from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sensing", "0004_theme_forecast"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="renamed",
            field=models.BooleanField(default=False),
        ),
    ]
