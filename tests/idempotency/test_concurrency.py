"""Two identical submissions at the same moment store one row (PostgreSQL: real row locks, two connections)."""

import threading
import uuid

import psycopg
import pytest
from django.db import connection

from zwerm.core.idempotency import run_once
from zwerm.initiatives.models import Comment
from zwerm.initiatives.services import comment_create

pytestmark = pytest.mark.django_db(transaction=True)


def other_connection():
    s = connection.settings_dict
    return psycopg.connect(
        dbname=s["NAME"], user=s["USER"], password=s["PASSWORD"], host=s["HOST"], port=s["PORT"], autocommit=True
    )


def wait_until_a_session_waits_for_a_lock(conn, give_up_after_polls=2000) -> bool:
    for _ in range(give_up_after_polls):
        if conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
            return True
        threading.Event().wait(0.005)
    return False


def test_the_twin_of_a_submission_in_flight_waits_and_then_replays_it(published, other_resident):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...): SQLite has no concurrent writers")
    key, owner = str(uuid.uuid4()), f"user:{other_resident.pk}"
    first_is_inside, outcomes, errors = threading.Event(), {}, []
    watcher = other_connection()

    def write_while_the_twin_waits():
        first_is_inside.set()  # our key row is inserted, not yet committed
        outcomes["twin_blocked"] = wait_until_a_session_waits_for_a_lock(watcher)
        return comment_create(initiative=published, author=other_resident, body="Tegelijk verstuurd")

    def submit(name, action):
        try:
            outcomes[name] = run_once(
                municipality=published.municipality,
                owner=owner,
                key=key,
                scope="initiatives.comment",
                action=action,
                reference=lambda comment: str(comment.pk),
            )
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=submit, args=("first", write_while_the_twin_waits))
    first.start()
    assert first_is_inside.wait(30)
    twin = threading.Thread(
        target=submit,
        args=("twin", lambda: comment_create(initiative=published, author=other_resident, body="Tegelijk verstuurd")),
    )
    twin.start()
    first.join(60)
    twin.join(60)
    watcher.close()
    assert not errors, errors
    assert outcomes["twin_blocked"], "the twin never waited on the first submission's key"
    assert not outcomes["first"].replayed and outcomes["twin"].replayed
    assert outcomes["twin"].reference == outcomes["first"].reference
    assert Comment.objects.filter(initiative=published).count() == 1
