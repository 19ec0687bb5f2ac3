"""Erasure that forgets (issue 13, finding 3): after a resident deletes their account, a scan of every table
(every column, through the database's own introspection), every export and the captured logs finds none of
their e-mail address, name, phone number, address or texts, and nothing points at their account row.

The resident writes their contact details into everything they can: an initiative, a comment (through the
form, with an idempotency key), a report, a withdrawal reason, a dialogue statement, a survey answer and a
budget proposal; they support, join, follow, vote in the dialogue and cast a budget ballot. With
"anonymise" the public (masked) texts may stay, so the scan looks for the personal data in them; with
"remove" it also looks for the texts themselves."""

import io
import logging
import zipfile
from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from PIL import Image

from zwerm.accounts import services as accounts
from zwerm.budgets import services as budgets
from zwerm.core.models import IdempotencyKey
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.opendata.datasets import DATASETS
from zwerm.places.selectors import district_list
from zwerm.privacy.services import privacy_settings_set
from zwerm.processes import services as processes
from zwerm.processes.services.personal_data import process_set_privacy

from ..budget_platform.conftest import make_projects, open_voting
from ..foundation.builders import make_initiative, staff_login
from .conftest import get, post

EMAIL = "wilhelmina.zonderland@example.org"
NAME = "Wilhelmina Zonderland"
PHONE = "06-87654321"
SIGNED = f"Groet, {NAME}"
CONTACT = f"Bel me op {PHONE} of mail {EMAIL}. Ik woon op Kastanjelaan 17, 3512 JK Utrecht."
PERSONAL = ["wilhelmina", "zonderland", "87654321", "kastanjelaan", "3512 jk", EMAIL]
# Words only found in the texts the resident wrote: gone too when their contributions are removed.
TEXTS = ["zeepkistenrace", "vlierbessenstruik", "klompendansers", "hinkelbaan", "waterspuwer", "boomhutdorp"]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 140, 60)).save(out, "PNG")
    return out.getvalue()


def _log_capture() -> tuple[logging.Handler, io.StringIO]:
    """A handler with the console handler's own filters and formatter, so it sees what the logs would hold."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    for configured in logging.getLogger().handlers:
        for f in configured.filters:
            handler.addFilter(f)
        if configured.formatter is not None:
            handler.setFormatter(configured.formatter)
    logging.getLogger().addHandler(handler)
    return handler, stream


def _table_text() -> dict[str, str]:
    """Every row of every table as text, per table."""
    out = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own table names)
            values = []
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    values.append(str(value))
            out[table] = "\n".join(values).lower()
    return out


def _pointing_at(user) -> dict[str, int]:
    """Rows anywhere that still point at the account (a foreign key to the user row)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                n = model._default_manager.filter(**{field.name: user.pk}).count()
                if n:
                    found[f"{model._meta.label}.{field.name}"] = n
    return found


def _exports(world) -> dict[str, str]:
    """What leaves Zwerm: open data (CSV and JSON), the API, the dialogue and budget exports, public pages."""
    public = Client()
    out = {}
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            response = get(public, f"/open-data/{dataset.key}.{fmt}")
            out[f"open-data {dataset.key}.{fmt}"] = (
                b"".join(response.streaming_content).decode()
                if getattr(response, "streaming", False)
                else response.content.decode()
            )
    for path in ("initiatives?page_size=100", "dialogues", "budgets", "processes", f"processes/{world.process.slug}"):
        out[f"api {path}"] = get(public, f"/api/v1/{path}").content.decode()
    for path in ("/initiatieven/", f"/initiatieven/{world.bram_initiative.pk}", f"/dialogen/{world.dialogue.pk}"):
        out[f"page {path}"] = get(public, path).content.decode()
    lead = staff_login(Client(), world.lead)
    archive = zipfile.ZipFile(io.BytesIO(get(lead, f"/dialogen/{world.dialogue.pk}/export.zip").content))
    for name in archive.namelist():
        out[f"dialogue export {name}"] = archive.read(name).decode("utf-8", "replace")
    out["budget export"] = get(lead, f"/buurtbudget/{world.budget.pk}/export.pb").content.decode()
    return {k: v.lower() for k, v in out.items()}


def _take_part_everywhere(world, municipality, neighbourhood, lead, moderator):
    person = accounts.resident_register(
        municipality=municipality, email=EMAIL, display_name=NAME, neighbourhood=neighbourhood
    )
    own = make_initiative(
        municipality,
        person,
        neighbourhood,
        publish_by=moderator,
        title="Zeepkistenrace in de straat",
        body=f"Een zeepkistenrace voor de kinderen. {CONTACT} {SIGNED}",
    )
    processes.placement_create(process=world.process, actor=lead, kind="initiative", object_id=own.pk, title="Race")
    withdrawn = make_initiative(municipality, person, neighbourhood, title="Vlierbessenstruik", body="Een struik.")
    # A photo whose description names the person (names without a cue are not masked): it goes with them.
    initiatives.initiative_photo_add(
        initiative=withdrawn,
        editor=person,
        photo=SimpleUploadedFile("struik.png", _png(), content_type="image/png"),
        alt_text=f"Vlierbessenstruik in de tuin van {NAME}",
    )
    initiatives.initiative_status_change(
        initiative=withdrawn, actor=person, to_status="withdrawn", reason=f"Toch niet; bel {PHONE}. {SIGNED}"
    )
    client = Client()
    client.force_login(person)
    key = "5f0c3b0e-7a8e-4d7c-9a51-0c7b8e7f2a11"
    response = post(
        client,
        f"/initiatieven/{world.bram_initiative.pk}/reageren",
        {"body": f"Klompendansers erbij! {CONTACT} {SIGNED}", "idempotency_key": key},
    )
    assert response.status_code in (200, 302)
    assert IdempotencyKey.objects.filter(owner=f"user:{person.pk}").exists()
    initiatives.initiative_support(initiative=world.bram_initiative, resident=person)
    initiatives.initiative_join(initiative=world.bram_initiative, resident=person)
    initiatives.flag_create(
        reporter=person, initiative=world.bram_initiative, reason=f"Hinkelbaan ontbreekt, bel {PHONE}. {SIGNED}"
    )
    participant = dialogues.participant_for(dialogue=world.dialogue, user=person)
    dialogues.statement_submit(participant=participant, text=f"Een waterspuwer, mail {EMAIL}")
    for statement in world.dialogue.statements.exclude(author=participant):
        dialogues.vote_cast(participant=participant, statement=statement, value=-1)
    processes.survey_respond(survey=world.survey, resident=person, answers=[f"Een boomhutdorp. {CONTACT}"])
    processes.process_follow(process=world.process, user=person)
    voting = budgets.budget_create(
        process=world.process,
        actor=lead,
        title="Buurtbudget stemmen",
        total_amount=Decimal("10000"),
        ballot_type="approval",
        district=district_list(municipality=municipality).first(),
        active_phases=list(world.process.phases.all()),
    )
    first, *_ = make_projects(voting, lead, world.bram, ["3000", "4000"])
    open_voting(voting, lead)
    budgets.ballot_cast(budget=voting, resident=person, projects=[first.pk])
    budgets.project_propose(budget=world.budget, resident=person, title="Boomhutdorp", description=CONTACT)
    return person, client


@pytest.mark.parametrize("mode", ["anonymise", "remove"])
def test_after_erasure_nothing_finds_the_person(world, municipality, neighbourhood, lead, moderator, mode):
    handler, logs = _log_capture()
    try:
        process_set_privacy(process=world.process, actor=lead, contributions_on_erase=mode, retention_months=None)
        privacy_settings_set(municipality=municipality, actor=world.admin, contributions_on_erase=mode)
        person, client = _take_part_everywhere(world, municipality, neighbourhood, lead, moderator)
        assert EMAIL in _table_text()["accounts_user"]  # the scan sees what is there
        response = post(client, "/privacy/account-verwijderen", {"confirm": "on"})
        assert response.status_code == 302
        exports = _exports(world)
    finally:
        logging.getLogger().removeHandler(handler)

    needles = PERSONAL + (TEXTS if mode == "remove" else [])
    tables = _table_text()
    found = {(table, n) for table, text in tables.items() for n in needles if n in text}
    found |= {(name, n) for name, text in exports.items() for n in needles if n in text}
    found |= {("logs", n) for n in needles if n in logs.getvalue().lower()}
    assert not found, sorted(found)
    assert not _pointing_at(person), _pointing_at(person)
    assert not IdempotencyKey.objects.filter(owner=f"user:{person.pk}").exists()
