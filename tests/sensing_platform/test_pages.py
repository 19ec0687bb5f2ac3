"""The staff dashboard (roles, drill-down, export) and the public page (aggregates only, never under 5)."""

import re

import pytest
from django.utils import timezone

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.sensing.models import Text, Theme
from zwerm.sensing.services import text_ingest

HOST = "testdam.localhost"


def _get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def test_anonymous_visitors_are_sent_to_log_in(client, municipality):
    response = _get(client, "/signalen/beheer")
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_residents_are_refused(resident_client):
    assert _get(resident_client, "/signalen/beheer").status_code == 403
    assert _get(resident_client, "/signalen/beheer/teksten").status_code == 403
    assert _get(resident_client, "/signalen/beheer/export.csv").status_code == 403


def test_staff_of_another_municipality_are_refused(client, make_staff, other_municipality):
    outsider = make_staff(Role.ADMIN, in_municipality=other_municipality)
    client.force_login(outsider)
    assert _get(client, "/signalen/beheer").status_code == 403


def test_the_dashboard_shows_themes_sparklines_wijken_and_alerts(client, make_staff, themed):
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    response = _get(client, "/signalen/beheer")
    body = response.content.decode()
    assert response.status_code == 200
    theme = Theme.objects.filter(active=True).first()
    assert theme.label in body
    assert "<polyline" in body and "Zuid" in body and "Noord" in body
    assert 'style="' not in body and "<script>" not in body  # CSP: no inline styles or scripts


def test_a_council_member_sees_aggregates_but_not_the_texts(client, make_staff, themed):
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    theme = Theme.objects.filter(active=True).first()
    assert _get(client, "/signalen/beheer").status_code == 200
    detail = _get(client, f"/signalen/beheer/thema/{theme.pk}")
    assert detail.status_code == 200
    sample = Text.objects.filter(theme=theme).first().text
    assert sample not in detail.content.decode()
    assert _get(client, "/signalen/beheer/teksten").status_code == 403


def test_a_process_lead_can_drill_down_to_texts(client, make_staff, themed):
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    theme = Theme.objects.filter(active=True).first()
    text = Text.objects.filter(theme=theme).order_by("-occurred_at", "-pk").first()
    response = _get(client, f"/signalen/beheer/teksten?thema={theme.pk}")
    assert response.status_code == 200
    assert text.text[:40] in response.content.decode()


def test_the_csv_export(client, make_staff, themed):
    staff_login(client, make_staff(Role.COUNCIL_MEMBER))
    response = _get(client, "/signalen/beheer/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("thema;label;wijkcode") and len(lines) > 10


def test_the_public_page_hides_small_counts_and_all_texts(client, municipality, districts, places, residents_write):
    noord, zuid = districts["WK000101"], districts["WK000102"]
    hood_noord = next(h for h in places if h.district_id == noord.pk)
    hood_zuid = next(h for h in places if h.district_id == zuid.pk)
    residents_write(hood_noord, people=7, texts=7)
    residents_write(hood_zuid, people=3, texts=6)
    for i in range(9):  # reports of unknown people add nobody to a wijk that has known people
        text_ingest(
            municipality=municipality,
            channel="report",
            source_id=f"z{i}",
            neighbourhood=hood_zuid,
            text=f"Geheime klacht nummer {i}",
            occurred_at=timezone.now(),
        )
    response = client.get("/signalen/", HTTP_HOST=HOST)
    body = response.content.decode()
    assert response.status_code == 200
    zuid_row = re.search(r"Zuid</th><td[^>]*>([^<]*)<", body).group(1)
    noord_row = re.search(r"Noord</th><td[^>]*>([^<]*)<", body).group(1)
    assert zuid_row == "minder dan 5" and noord_row == "7"
    assert "Geheime klacht" not in body and "De container bij" not in body


@pytest.mark.parametrize("role", [Role.PROCESS_LEAD, Role.ADMIN])
def test_import_and_tokens_pages_open_for_their_roles(client, make_staff, municipality, role):
    staff_login(client, make_staff(role))
    assert _get(client, "/signalen/beheer/import").status_code == 200
    expected = 200 if role == Role.ADMIN else 403
    assert _get(client, "/signalen/beheer/koppelingen").status_code == expected


def test_a_token_is_shown_once(client, make_staff, municipality):
    staff_login(client, make_staff(Role.ADMIN))
    response = client.post("/signalen/beheer/koppelingen", {"label": "Fixi"}, HTTP_HOST=HOST)
    assert response.status_code == 200 and "<code>" in response.content.decode()
    assert "<code>" not in _get(client, "/signalen/beheer/koppelingen").content.decode()


def test_the_dashboard_reads_in_a_bounded_number_of_queries(client, make_staff, themed, django_assert_max_num_queries):
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    with django_assert_max_num_queries(25):
        assert _get(client, "/signalen/beheer").status_code == 200


def test_asking_for_a_refresh_only_queues_it(
    client, make_staff, municipality, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from zwerm.sensing.models import Refresh

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/signalen/beheer/verversen", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert not Refresh.objects.exists()
    queued = DBTaskResult.objects.get(task_path="zwerm.sensing.services.refresh.sensing_refresh")
    assert queued.args_kwargs["kwargs"] == {"municipality_id": municipality.pk}
