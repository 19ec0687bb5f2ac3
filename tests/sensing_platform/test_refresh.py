"""The periodic refresh: themes keep their ids, trends and alerts are stored, failures leave the last model."""

from datetime import datetime, timedelta

from django.core.management import call_command

from tests.foundation.builders import staff_login
from tests.sensing_platform.conftest import ingest_synthetic
from zwerm.accounts.roles import Role
from zwerm.sensing.models import Alert, Refresh, RouterModel, Text, Theme, TrendPoint
from zwerm.sensing.services import refresh_run, sensing_refresh

SPIKE = ("afval", "Centrum", 9, 30)


def mondays_ago(weeks: int) -> datetime:
    """Monday of `weeks` weeks before this one: history from there over `weeks` weeks ends last Sunday."""
    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=today.weekday(), weeks=weeks)


def test_refresh_keeps_theme_ids(themed, municipality, places):
    before = {t.key: set(t.texts.values_list("pk", flat=True)) for t in Theme.objects.filter(active=True)}
    ingest_synthetic(municipality, places, n=40, seed=5, prefix="n")
    second = refresh_run(municipality=municipality)
    assert second.status == "done"
    after = {t.key: set(t.texts.values_list("pk", flat=True)) for t in Theme.objects.filter(active=True)}
    # each old theme's texts mostly sit in a theme with the same key after the refresh
    kept = sum(len(texts & after.get(key, set())) for key, texts in before.items())
    assert kept >= 0.8 * sum(len(texts) for texts in before.values())


def test_refresh_stores_trends_alerts_and_a_router(municipality, places):
    ingest_synthetic(municipality, places, n=150, weeks=10, start=mondays_ago(10), spike=SPIKE)
    run = refresh_run(municipality=municipality)
    assert run.status == "done" and run.model
    assert TrendPoint.objects.filter(municipality=municipality, district__isnull=True).exists()
    assert TrendPoint.objects.filter(municipality=municipality, district__isnull=False).exists()
    assert Alert.objects.filter(municipality=municipality, kind__in=["spike", "emerging"]).exists()
    assert RouterModel.objects.filter(municipality=municipality).exists()
    assert Text.objects.filter(theme__isnull=False).count() > 0.8 * Text.objects.count()


def test_too_few_texts_is_not_an_error(municipality, places):
    ingest_synthetic(municipality, places, n=5)
    run = refresh_run(municipality=municipality)
    assert run.status == "done" and run.themes == 0 and "too few" in run.message


def test_the_task_and_the_command_run_a_refresh(municipality, places):
    ingest_synthetic(municipality, places, n=30)
    sensing_refresh.enqueue(municipality_id=municipality.pk)
    call_command("sensing_refresh", "--municipality", municipality.slug)
    assert Refresh.objects.filter(municipality=municipality, status="done").count() == 2


def test_demo_shows_themes_and_an_alert(municipality, places):
    from zwerm.sensing.demo import build_demo_sensing

    build_demo_sensing(municipality=municipality)
    assert Text.objects.filter(municipality=municipality).count() >= 180
    assert Theme.objects.filter(municipality=municipality, active=True).count() >= 3
    assert Alert.objects.filter(municipality=municipality).exists()


def test_past_alerts_are_kept_as_they_were_raised(municipality, places):
    ingest_synthetic(municipality, places, n=150, weeks=10, start=mondays_ago(13), spike=SPIKE)
    refresh_run(municipality=municipality)
    raised = {a.pk: (a.kind, a.period, a.count, a.expected) for a in Alert.objects.filter(municipality=municipality)}
    assert raised
    ingest_synthetic(municipality, places, n=60, weeks=3, start=mondays_ago(3), seed=4, prefix="later")
    refresh_run(municipality=municipality)
    kept = {a.pk: (a.kind, a.period, a.count, a.expected) for a in Alert.objects.filter(pk__in=list(raised))}
    assert kept == raised


def test_a_name_staff_give_a_theme_stays_across_refreshes(client, make_staff, themed, municipality, places):
    theme = Theme.objects.filter(municipality=municipality, active=True).first()
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    url = f"/signalen/beheer/thema/{theme.pk}/naam"
    response = client.post(url, {"label": "Bladeren op de stoep"}, HTTP_HOST="testdam.localhost")
    assert response.status_code == 302
    ingest_synthetic(municipality, places, n=40, seed=5, prefix="n")
    refresh_run(municipality=municipality)
    theme.refresh_from_db()
    assert theme.label == "Bladeren op de stoep" and theme.renamed
    client.post(url, {"label": "<script>x</script>"}, HTTP_HOST="testdam.localhost")
    theme.refresh_from_db()
    assert theme.label == "Bladeren op de stoep"  # refused, nothing half-saved
    client.post(url, {"label": ""}, HTTP_HOST="testdam.localhost")
    refresh_run(municipality=municipality)
    theme.refresh_from_db()
    assert not theme.renamed and theme.label != "Bladeren op de stoep"  # the engine names it again


def test_council_members_cannot_rename_a_theme(client, make_staff, themed, municipality):
    theme = Theme.objects.filter(municipality=municipality, active=True).first()
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    response = client.post(f"/signalen/beheer/thema/{theme.pk}/naam", {"label": "x"}, HTTP_HOST="testdam.localhost")
    assert response.status_code == 403
