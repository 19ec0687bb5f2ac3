"""Finding 6, second half: when the mail server fails, the moderator does not see success.

The e-mail about a status change or a moderation step is sent after the commit by a background task, so the
request that made the change knows only what the task has recorded (`MailDelivery`). Through the real path:
the staff form, the service's transaction, the task after commit and an e-mail backend that fails."""

from smtplib import SMTPException

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from tests.foundation.builders import make_initiative, staff_login
from zwerm.initiatives.models import MailDelivery

HOST = "testdam.localhost"


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise SMTPException("421 service not available")


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"


def _publish(client, initiative):
    return client.post(
        f"/initiatieven/{initiative.pk}/status",
        {"to_status": "published", "reason": "Voldoet aan de spelregels."},
        HTTP_HOST=HOST,
        follow=True,
    )


@pytest.mark.django_db(transaction=True)  # tasks run after a real commit, as in the demo's in-process queue
def test_the_moderator_is_told_that_the_mail_failed(
    client, municipality, resident, neighbourhood, moderator, failing_mail
):
    initiative = make_initiative(municipality, resident, neighbourhood, title="Bankjes bij de bus")
    staff_login(client, moderator)
    page = _publish(client, initiative).content.decode()
    assert "De status is gewijzigd." in page
    assert "De e-mail aan de indiener is niet verstuurd: de mailserver gaf een fout." in page
    assert "heeft een e-mail gekregen" not in page
    assert MailDelivery.objects.get(status_change__initiative=initiative).state == MailDelivery.State.FAILED
    # The status history keeps saying so for staff, not for the public.
    assert (
        "E-mail niet verstuurd: de mailserver gaf een fout"
        in client.get(f"/initiatieven/{initiative.pk}", HTTP_HOST=HOST).content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_a_sent_mail_is_confirmed(client, municipality, resident, neighbourhood, moderator):
    initiative = make_initiative(municipality, resident, neighbourhood, title="Bankjes bij de bus")
    staff_login(client, moderator)
    page = _publish(client, initiative).content.decode()
    assert "De indiener heeft een e-mail gekregen." in page
    assert MailDelivery.objects.get(status_change__initiative=initiative).state == MailDelivery.State.SENT


def test_with_a_worker_the_history_shows_the_failure_later(
    client, municipality, resident, neighbourhood, moderator, failing_mail, django_capture_on_commit_callbacks
):
    """With the production queue the mail goes out after the answer: the page says it is on its way, and the
    status history shows the failure once the worker tried."""
    initiative = make_initiative(municipality, resident, neighbourhood, title="Bankjes bij de bus")
    staff_login(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        page = _publish(client, initiative).content.decode()
    assert "De e-mail aan de indiener wordt verstuurd" in page
    detail = client.get(f"/initiatieven/{initiative.pk}", HTTP_HOST=HOST).content.decode()
    assert "E-mail niet verstuurd: de mailserver gaf een fout" in detail
    public = Client().get(f"/initiatieven/{initiative.pk}", HTTP_HOST=HOST).content.decode()
    assert "E-mail niet verstuurd" not in public


@pytest.mark.django_db(transaction=True)
def test_a_hidden_comment_whose_mail_failed_is_not_reported_as_told(
    client, municipality, resident, neighbourhood, moderator, failing_mail
):
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Speeltuin")
    staff_login(client, moderator)
    page = client.post(
        f"/initiatieven/{initiative.pk}/verbergen",
        {"reason": "Persoonlijke aanval."},
        HTTP_HOST=HOST,
        follow=True,
    ).content.decode()
    assert "De e-mail aan de indiener is niet verstuurd" in page
