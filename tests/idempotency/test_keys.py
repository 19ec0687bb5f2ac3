"""zwerm.core.idempotency: one write per key, the first answer for every repeat, keys that expire."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from zwerm.core.idempotency import KeyReused, clean_key, run_once
from zwerm.core.models import IdempotencyKey
from zwerm.initiatives.models import Comment
from zwerm.initiatives.services import comment_create


def comment_once(initiative, author, key, *, body="Mooi plan!", owner=None, scope="initiatives.comment"):
    return run_once(
        municipality=initiative.municipality,
        owner=owner or f"user:{author.pk}",
        key=key,
        scope=scope,
        action=lambda: comment_create(initiative=initiative, author=author, body=body),
        reference=lambda comment: str(comment.pk),
    )


def test_a_repeated_key_stores_once_and_answers_as_the_first_time(published, other_resident):
    key = str(uuid.uuid4())
    first = comment_once(published, other_resident, key)
    again = comment_once(published, other_resident, key)
    assert not first.replayed and again.replayed
    assert again.reference == first.reference == str(first.result.pk)
    assert Comment.objects.filter(initiative=published).count() == 1


def test_without_a_key_every_call_writes(published, other_resident):
    comment_once(published, other_resident, None)
    comment_once(published, other_resident, None)
    assert Comment.objects.filter(initiative=published).count() == 2
    assert not IdempotencyKey.objects.exists()


def test_keys_of_different_people_do_not_meet(published, resident, other_resident):
    key = str(uuid.uuid4())
    comment_once(published, resident, key)
    assert not comment_once(published, other_resident, key).replayed
    assert Comment.objects.filter(initiative=published).count() == 2


def test_a_refused_write_leaves_no_key_so_the_corrected_retry_is_stored(published, other_resident):
    key = str(uuid.uuid4())
    with pytest.raises(ValidationError):
        comment_once(published, other_resident, key, body="<script>alert(1)</script>")
    assert not IdempotencyKey.objects.exists()
    assert not comment_once(published, other_resident, key).replayed
    assert Comment.objects.filter(initiative=published).count() == 1


def test_a_key_used_for_something_else_is_refused(published, other_resident):
    key = str(uuid.uuid4())
    comment_once(published, other_resident, key)
    with pytest.raises(KeyReused, match="al gebruikt"):
        comment_once(published, other_resident, key, scope="budgets.propose")
    assert Comment.objects.filter(initiative=published).count() == 1


def test_an_expired_key_no_longer_blocks_a_new_write(published, other_resident):
    key = str(uuid.uuid4())
    comment_once(published, other_resident, key)
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert not comment_once(published, other_resident, key).replayed
    assert Comment.objects.filter(initiative=published).count() == 2
    assert IdempotencyKey.objects.count() == 1


def test_the_prune_command_removes_only_expired_keys(published, resident, other_resident, settings):
    settings.IDEMPOTENCY_KEY_HOURS = 2
    comment_once(published, resident, str(uuid.uuid4()))
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=3))
    comment_once(published, other_resident, str(uuid.uuid4()))
    call_command("idempotency_prune")
    assert IdempotencyKey.objects.count() == 1


def test_a_malformed_key_gets_a_clear_message():
    assert clean_key("abc-123") == "abc-123"
    assert clean_key("") is None
    for bad in ("x" * 101, "met spatie", "tab\there", "é"):
        with pytest.raises(ValidationError, match="ongeldig"):
            clean_key(bad)
