"""The production web server (Granian, as docs/operations.md starts it) serves Zwerm: a resident votes over HTTP.

The server runs in its own processes with the production settings against the test database, so this checks
the WSGI entry point, sessions, CSRF and the vote path together, on SQLite and on PostgreSQL."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests.foundation.builders import make_resident
from tests.subprocess_db import subprocess_database_url
from zwerm.accounts.roles import Role
from zwerm.dialogues import services
from zwerm.dialogues.models import Vote

GRANIAN = Path(sys.executable).parent / "granian"
HOST = "testdam.localhost"  # the test municipality's host name
CSRF = "c" * 32  # an unmasked CSRF secret: Django accepts the same value as cookie and form field


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, settings):
    """Granian with the production settings on a free loopback port; stopped afterwards."""
    settings.SECRET_KEY = secrets.token_urlsafe(60)  # the server's too: it signs sessions in both processes
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": subprocess_database_url(),
        "ZWERM_ENVIRONMENT": "production",
        "ZWERM_SECRET_KEY": settings.SECRET_KEY,
        "ZWERM_ALLOWED_HOSTS": HOST,
        "ZWERM_SSL_REDIRECT": "false",  # plain HTTP on loopback; TLS ends at the reverse proxy in production
        "ZWERM_SECURE_COOKIES": "false",
        "ZWERM_STATIC_ROOT": str(tmp_path),
        "ZWERM_SINGLE_WEB_PROCESS": "true",  # one Granian worker below: a local-memory cache is shared enough
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    collect = [sys.executable, "-m", "zwerm", "collectstatic", "--noinput", "-v0"]  # as every deployment does
    subprocess.run(collect, env=env, check=True, timeout=300)
    # the command of docs/operations.md, on a free port and with fewer workers
    command = [GRANIAN, "--interface", "wsgi", "zwerm.wsgi:application", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", "1", "--blocking-threads", "2", "--no-access-log"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"Granian stopped: {process.stdout.read()}")
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(15)


def session_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "sesame.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


@pytest.mark.django_db(transaction=True)
def test_a_resident_votes_and_changes_the_vote_through_the_production_server(
    server, make_staff, municipality, neighbourhood
):
    dialogue = services.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Ons plein",
        question="Hoe maken we het plein beter?",
        seed_statements=["Meer groen", "Minder auto's"],
    )
    resident = make_resident(municipality, neighbourhood)
    statement = dialogue.statements.first()
    conn = HTTPConnection("127.0.0.1", server, timeout=30)  # one kept-alive connection for both votes
    headers = {
        "Host": HOST,
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={session_for(resident)}; csrftoken={CSRF}",
        "Referer": f"http://{HOST}/",
    }
    for value, stored in (("eens", 1), ("oneens", -1)):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, "statement": statement.pk, "value": value})
        conn.request("POST", f"/dialogen/{dialogue.pk}/stemmen", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        assert response.status == 302, response.status
        assert response.getheader("Location") == f"/dialogen/{dialogue.pk}#stemmen"
        assert list(Vote.objects.filter(participant__user=resident).values_list("value", flat=True)) == [stored]

    conn.request("GET", f"/dialogen/{dialogue.pk}", headers={"Host": HOST, "Cookie": headers["Cookie"]})
    response = conn.getresponse()
    page = response.read().decode()
    assert response.status == 200 and "Hoe maken we het plein beter?" in page

    # without the CSRF token the server refuses the vote and nothing is stored
    conn.request("POST", f"/dialogen/{dialogue.pk}/stemmen", body="value=eens", headers={**headers, "Cookie": ""})
    response = conn.getresponse()
    response.read()
    assert response.status == 403
    assert Vote.objects.count() == 1
