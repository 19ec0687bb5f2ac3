"""The corpus of Dutch personal data never reaches the public: not on a page, in the API, open data or an
e-mail; held back as "wordt gecontroleerd" until the masking task has run; gone after erasure."""

import pytest
from django.core import mail

from tests.foundation.builders import make_initiative, make_resident
from tests.opendata.helpers import body, get
from zwerm.initiatives import services as initiatives
from zwerm.initiatives.models import Comment, Initiative
from zwerm.privacy.services.erasure import account_erase

from .corpus import NAME_CASES, PATTERN_CASES, READABLE

HOST = "testdam.localhost"
CORPUS_TEXT = "\n\n".join(text for text, _ in PATTERN_CASES)
LEAKS = [leak for _, leaks in PATTERN_CASES for leak in leaks]


def public_outputs(client, initiative) -> dict[str, str]:
    """Every public text path that shows an initiative and its comments."""
    paths = {
        "page": initiative.get_absolute_url(),
        "list": "/initiatieven/",
        "api list": "/api/v1/initiatives",
        "api detail": f"/api/v1/initiatives/{initiative.pk}",
        "open data csv": "/open-data/initiatieven.csv",
        "open data json": "/open-data/initiatieven.json",
    }
    return {name: body(get(client, path, HOST)).decode("utf-8") for name, path in paths.items()}


def leaked(outputs: dict[str, str], leaks) -> dict[str, list[str]]:
    found = {name: [leak for leak in leaks if leak in text] for name, text in outputs.items()}
    return {name: leaks for name, leaks in found.items() if leaks}


@pytest.fixture
def corpus_initiative(municipality, resident, neighbourhood, moderator, other_resident):
    initiative = make_initiative(
        municipality, resident, neighbourhood, publish_by=moderator, title="Bel 06.12.34.56.78", body=CORPUS_TEXT
    )
    initiatives.comment_create(initiative=initiative, author=other_resident, body=CORPUS_TEXT[:2000])
    return initiative


def test_the_corpus_leaks_on_no_public_path(client, corpus_initiative):
    outputs = public_outputs(client, corpus_initiative)
    assert leaked(outputs, [*LEAKS, "12.34.56"]) == {}
    assert "[telefoonnummer]" in outputs["page"] and "[adres]" in outputs["api detail"]


def test_the_author_keeps_their_own_text_and_staff_see_it(corpus_initiative):
    stored = Initiative.objects.get(pk=corpus_initiative.pk)
    assert stored.body == CORPUS_TEXT and "Kerkstraat 5" not in stored.public_body
    assert {"phone", "street_house_number", "name", "email"} <= set(stored.masked_kinds)


def test_ordinary_text_reaches_the_public_unchanged(client, municipality, resident, neighbourhood, moderator):
    text = "\n\n".join(READABLE)
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator, body=text)
    assert Initiative.objects.get(pk=initiative.pk).public_body == text
    api = get(client, f"/api/v1/initiatives/{initiative.pk}", HOST).json()
    assert api["body"] == text


def test_names_are_masked_in_the_background_and_held_back_until_then(
    names_on,
    client,
    municipality,
    resident,
    other_resident,
    neighbourhood,
    moderator,
    django_capture_on_commit_callbacks,
):
    text = " ".join(t for t, _ in NAME_CASES) + " Groet, Piet Jansen"
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comment = initiatives.comment_create(initiative=initiative, author=other_resident, body=text)
    assert Comment.objects.get(pk=comment.pk).masking_pending
    page = body(get(client, initiative.get_absolute_url(), HOST)).decode()
    assert "wordt gecontroleerd" in page and "Maria" not in page and "Jansen" not in page

    mail.outbox.clear()
    for callback in callbacks:  # the masking task, then the e-mails: as a worker would run them
        callback()
    comment.refresh_from_db()
    assert not comment.masking_pending and "[naam]" in comment.public_body
    page = body(get(client, initiative.get_absolute_url(), HOST)).decode()
    for leak in ("Maria", "Vries", "Piet", "Jansen"):
        assert leak not in page and all(leak not in m.body for m in mail.outbox)


def test_an_initiative_published_before_its_masking_ran_shows_wordt_gecontroleerd(
    names_on, client, municipality, resident, neighbourhood, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        initiative = make_initiative(
            municipality,
            resident,
            neighbourhood,
            publish_by=moderator,
            title="Idee van Maria de Vries",
            body="Maria de Vries woont op Kerkstraat 5.",
        )
    outputs = public_outputs(client, initiative)
    assert leaked(outputs, ["Maria", "Vries", "Kerkstraat"]) == {}
    assert (
        "wordt gecontroleerd" in outputs["page"]
        and get(client, f"/api/v1/initiatives/{initiative.pk}", HOST).json()["title"] == "wordt gecontroleerd"
    )

    with django_capture_on_commit_callbacks(execute=True):
        initiatives.initiative_status_change(
            initiative=initiative, actor=moderator, to_status="in_progress", reason="We pakken het op."
        )
    initiative.refresh_from_db()
    assert (initiative.public_title, initiative.masking_pending) == ("Idee van [naam]", False)


def test_a_comment_erased_while_its_masking_waits_stays_gone(
    names_on, municipality, resident, neighbourhood, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    writer = make_resident(municipality, neighbourhood)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comment = initiatives.comment_create(
            initiative=initiative, author=writer, body="Groet, Piet Jansen, 0612345678"
        )
    account_erase(user=writer, municipality=municipality)
    for callback in callbacks:  # the masking task runs after the erasure
        callback()
    remaining = Comment.objects.filter(pk=comment.pk).first()
    if remaining is not None:  # anonymised (the process's rule): detached, and the public copy masked
        assert remaining.author_id != writer.pk and not remaining.masking_pending
        assert "Jansen" not in remaining.public_body and "0612345678" not in remaining.public_body
