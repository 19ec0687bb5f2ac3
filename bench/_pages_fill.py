# Run inside `zwerm shell` by bench/pages.py (BENCH_PARAMS: {"scale": float, "seed": int}); prints one JSON line.
# The municipality, its places, staff and dialogues come through the services; the bulk rows (residents,
# initiatives, status changes, supports, comments, participants, votes) are written with COPY through the
# models' own columns and defaults, their public texts masked by core.redaction (once per distinct text).
import json
import os
import random
import uuid
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zwerm.accounts import services as accounts
from zwerm.accounts.models import User
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.budgets.models import Ballot, BallotChoice, Budget
from zwerm.core.redaction import redact
from zwerm.core.services import municipality_create
from zwerm.council.demo import build_demo_council
from zwerm.dialogues import services as dialogues
from zwerm.dialogues.models import Participant, Statement, Vote
from zwerm.initiatives.models import Comment, Initiative, StatusChange, Support
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.processes import services as processes
from zwerm.processes.models import Update
from zwerm.sensing.models import Text
from zwerm.sensing.services import refresh_run

p = json.loads(os.environ["BENCH_PARAMS"])
scale, rng, now = p["scale"], random.Random(p["seed"]), timezone.now()


def n(full):
    return max(1, int(full * scale))


def copy(model, rows):
    """COPY rows (dicts by attname, with explicit ids) into the model's table; other columns get their default."""
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as out:
            for row in rows:
                values = []
                for f in fields:
                    if f.attname in row:
                        value = row[f.attname]
                    elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                        value = now
                    else:
                        value = f.get_default()
                    values.append(f.get_db_prep_save(value, connection))
                out.write_row(values)
        table = model._meta.db_table
        if model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField"):  # (random UUIDs need no sequence)
            sql = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
            cursor.execute(sql)  # (the table name is the model's own)


def next_id(model):
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


m = municipality_create(name="Grootstad", slug="grootstad", cbs_code="GM0998", hostnames=("127.0.0.1",))
districts, neighbourhoods = [], []
for d in range(12):
    district = district_save(municipality=m, code=f"WK0998{d:02d}", name=f"Wijk {d + 1}")
    districts.append(district)
    for b in range(4):
        neighbourhoods.append(
            neighbourhood_save(municipality=m, district=district, code=f"BU0998{d:02d}{b:02d}", name=f"Buurt {d}-{b}")
        )
admin = accounts.staff_user_create(
    email="beheer@grootstad.example",
    display_name="Beheer",
    password="een-lang-wachtwoord",  # noqa: S106 (a throw-away benchmark database)
)
accounts.role_bootstrap_admin(municipality=m, user=admin)

# Residents
first_user = next_id(User)
residents = list(range(first_user, first_user + n(100_000)))
copy(
    User,
    (
        {
            "id": pk,
            "email": f"inwoner{pk}@grootstad.example",
            "display_name": f"Inwoner {pk}",
            "password": "!",
            "is_active": True,
            "date_joined": now,
        }
        for pk in residents
    ),
)

# Initiatives, with their masked public texts (each distinct text masked once)
WORDS = [
    "speeltuin",
    "fietsenstalling",
    "bankjes",
    "bomen",
    "straatverlichting",
    "moestuin",
    "parkeerplaatsen",
    "zwerfafval",
    "bloembakken",
    "buurthuis",
    "hondenuitlaatplek",
    "zebrapad",
    "waterspeelplaats",
    "sportveld",
]
FILL = (
    " Het gaat om de straat tussen het plein en de school. We hebben met de buren gesproken en willen samen met"
    " de gemeente kijken wat er kan. Bel gerust 06-12345678 of mail buurt@example.org."
)
masked = {}


def public(text):
    if text not in masked:
        masked[text] = redact(text).text
    return masked[text]


STATUSES = ["published"] * 6 + ["in_progress"] * 2 + ["realised", "not_realised"]
first_initiative = next_id(Initiative)
initiatives = list(range(first_initiative, first_initiative + n(100_000)))
supports_per = {pk: min(len(residents), int(rng.paretovariate(1.2) * 3)) for pk in initiatives}
total = sum(supports_per.values()) or 1
factor = n(1_000_000) / total
supports_per = {pk: min(len(residents), int(k * factor)) for pk, k in supports_per.items()}
big = initiatives[0]
comments_per = dict.fromkeys(initiatives, 0)
comments_per[big] = n(10_000)
for _ in range(n(50_000)):
    comments_per[rng.choice(initiatives)] += 1
published_at = {pk: now - timedelta(minutes=3 * i + rng.randint(0, 2)) for i, pk in enumerate(reversed(initiatives))}


def initiative_rows():
    for pk in initiatives:
        word = WORDS[pk % len(WORDS)]
        title = f"Meer {word} in {neighbourhoods[pk % len(neighbourhoods)].name} ({pk})"
        body = f"Wij willen graag {word} bij ons in de buurt.{FILL}"
        yield {
            "id": pk,
            "municipality_id": m.pk,
            "author_id": rng.choice(residents),
            "kind": "idea",
            "title": title,
            "body": body,
            "public_title": title,
            "public_body": public(body),
            "masked_kinds": ["telefoonnummer"],
            "neighbourhood_id": neighbourhoods[pk % len(neighbourhoods)].pk,
            "status": rng.choice(STATUSES),
            "published_at": published_at[pk],
            "created_at": published_at[pk],
            "updated_at": published_at[pk],
            "support_count": supports_per[pk],
            "comment_count": comments_per[pk],
        }


copy(Initiative, initiative_rows())
first = next_id(StatusChange)
copy(
    StatusChange,
    (
        {
            "id": first + i,
            "initiative_id": pk,
            "from_status": "submitted" if k == 0 else "published",
            "to_status": "published" if k == 0 else "in_progress",
            "reason": "Voldoet aan de spelregels.",
            "actor_id": admin.pk,
            "created_at": published_at[pk] + timedelta(days=k),
        }
        for i, (pk, k) in enumerate((pk, k) for pk in initiatives for k in range(3))
    ),
)
first = next_id(Support)


def support_rows():
    i = first
    for pk in initiatives:
        for resident in rng.sample(residents, supports_per[pk]):
            yield {"id": i, "initiative_id": pk, "resident_id": resident, "created_at": published_at[pk]}
            i += 1


copy(Support, support_rows())
first = next_id(Comment)


comment_facts = []  # (id, initiative, created_at) for the sensing texts


def comment_rows():
    i = first
    for pk in initiatives:
        tops = []
        for k in range(comments_per[pk]):
            reply_to = rng.choice(tops) if tops and rng.random() < 0.1 else None
            body = f"Goed idee, ik doe mee! Reactie {k}."
            yield {
                "id": i,
                "municipality_id": m.pk,
                "initiative_id": pk,
                "author_id": rng.choice(residents),
                "parent_id": reply_to,
                "body": body,
                "public_body": body,
                "created_at": published_at[pk] + timedelta(minutes=k),
            }
            if reply_to is None:
                tops.append(i)
            comment_facts.append((i, pk, published_at[pk] + timedelta(minutes=k)))
            i += 1


copy(Comment, comment_rows())

# Dialogues: created through the service; participants and votes by COPY; the largest few analysed.
sizes = [n(8_333)] + [max(5, int(rng.paretovariate(1.5) * 40 * scale * 10)) for _ in range(n(200) - 1)]
votes_left = n(2_000_000)
dialogue_ids, analysed = [], []
participant_id, vote_id = next_id(Participant), next_id(Vote)
for d, size in enumerate(sizes):
    dialogue = dialogues.dialogue_create(
        author=admin,
        municipality=m,
        title=f"Dialoog {d + 1} over de buurt",
        question="Wat vind je van de buurt?",
        seed_statements=[f"Stelling {s + 1} over {WORDS[s % len(WORDS)]}" for s in range(30)],
    )
    dialogue_ids.append(dialogue.pk)
    statements = list(Statement.objects.filter(dialogue=dialogue).values_list("pk", flat=True))
    people = list(range(participant_id, participant_id + size))
    participant_id += size
    copy(
        Participant,
        (
            {
                "id": pk,
                "dialogue_id": dialogue.pk,
                "user_id": residents[(pk * 7) % len(residents)],
                "district_id": districts[pk % len(districts)].pk,
            }
            for pk in people
        ),
    )
    opinion = {pk: rng.choice((-1, 1)) for pk in people}
    rows = []
    for pk in people:
        for s in rng.sample(statements, min(len(statements), max(1, min(votes_left // max(size, 1), 24)))):
            value = opinion[pk] if s % 2 else -opinion[pk]
            rows.append(
                {
                    "id": vote_id,
                    "participant_id": pk,
                    "statement_id": s,
                    "value": value if rng.random() > 0.2 else rng.choice((-1, 0, 1)),
                }
            )
            vote_id += 1
    votes_left -= len(rows)
    copy(Vote, rows)
    if d < 3:
        dialogues.dialogue_analyse(dialogue=dialogue)
        analysed.append(dialogue.pk)

# Sensing: a text for every initiative and comment (as the apps hand them over), the rest meldingen (reports
# without a known person), over the last half year; then one refresh (the analysis: themes, trends, alerts).
# By COPY, not text_ingest: redacting and assigning 500,000 texts one by one would take hours; the refresh
# assigns every text to its theme as the real one does.
SUBJECTS = [
    ("zwerfafval", "Er ligt veel zwerfafval bij {place}, de containers zitten steeds vol."),
    ("verlichting", "De straatverlichting bij {place} doet het al weken niet, het is erg donker."),
    ("fietsen", "Bij {place} staan overal fietsen, we hebben een fietsenstalling nodig."),
    ("verkeer", "Auto's rijden veel te hard bij {place}, het is gevaarlijk voor kinderen."),
    ("groen", "Meer bomen en groen bij {place} zou de buurt veel prettiger maken."),
    ("spelen", "Er is bij {place} geen speeltuin, de kinderen spelen op straat."),
    ("overlast", "Jongeren veroorzaken 's avonds geluidsoverlast bij {place}."),
    ("stoep", "De stoep bij {place} ligt scheef, ouderen vallen over de tegels."),
]
hood_district = {h.pk: h.district_id for h in neighbourhoods}
texts_wanted = n(500_000)
first_text = next_id(Text)


def text_rows():
    i = first_text
    for pk in initiatives:
        hood = neighbourhoods[pk % len(neighbourhoods)]
        subject, line = SUBJECTS[pk % len(SUBJECTS)]
        yield {
            "id": i,
            "municipality_id": m.pk,
            "channel": "initiative",
            "source_id": str(pk),
            "occurred_at": published_at[pk],
            "neighbourhood_id": hood.pk,
            "district_id": hood.district_id,
            "text": line.format(place=hood.name),
            "language": "nl",
            "created_at": published_at[pk],
        }
        i += 1
    for cid, pk, at in comment_facts:
        hood = neighbourhoods[pk % len(neighbourhoods)]
        subject, line = SUBJECTS[(pk + cid) % len(SUBJECTS)]
        yield {
            "id": i,
            "municipality_id": m.pk,
            "channel": "comment",
            "source_id": str(cid),
            "occurred_at": at,
            "neighbourhood_id": hood.pk,
            "district_id": hood.district_id,
            "text": line.format(place=hood.name),
            "language": "nl",
            "created_at": at,
        }
        i += 1
    for k in range(max(0, texts_wanted - len(initiatives) - len(comment_facts))):
        hood = rng.choice(neighbourhoods)
        subject, line = rng.choice(SUBJECTS)
        at = now - timedelta(minutes=rng.randint(0, 26 * 7 * 24 * 60))
        yield {
            "id": i,
            "municipality_id": m.pk,
            "channel": "report",
            "source_id": f"melding-{k}",
            "occurred_at": at,
            "neighbourhood_id": hood.pk,
            "district_id": hood.district_id,
            "text": line.format(
                place=f"de {rng.choice(['Dorpsstraat', 'Kerkweg', 'Molenlaan', 'Schoolstraat'])} in {hood.name}"
            ),
            "language": "nl",
            "created_at": at,
            "label": subject,
        }
        i += 1


copy(Text, text_rows())
texts_filled = Text.objects.filter(municipality=m).count()
refresh = refresh_run(municipality=m) if p.get("sensing_refresh", True) else None

# Processes (80) through the services, four phases each; the council's kaders, spending and questions on them
# (council/demo.py); the first with a long history: 40 phases and 2,000 updates (updates by COPY: the service
# mails the followers of each).
council_member = accounts.staff_user_create(
    email="raad@grootstad.example",
    display_name="Raadslid",
    password="een-lang-wachtwoord",  # noqa: S106
)
accounts.role_grant(actor=admin, municipality=m, user=council_member, role=Role.COUNCIL_MEMBER)
TOTPDevice.objects.create(user=admin, name="bench", confirmed=True)  # the staff pages ask for a second factor
made = []
for k in range(max(2, n(80))):
    process = processes.process_create(
        actor=admin,
        municipality=m,
        title=f"Traject {k + 1}: {WORDS[k % len(WORDS)]} in de wijk",
        question="Hoe richten we dit samen in?",
        description="Samen met bewoners kijken we wat er kan.",
        district=districts[k % len(districts)],
    )
    for phase in range(40 if k == 0 else 4):
        processes.phase_add(process=process, actor=admin, title=f"Fase {phase + 1}", reason="Planning van het traject")
    processes.process_open(process=process, actor=admin)
    made.append(process)
build_demo_council(municipality=m, staff={Role.ADMIN: admin, Role.COUNCIL_MEMBER: council_member}, processes=made)
long_history = made[0]
first_update = next_id(Update)
copy(
    Update,
    (
        {
            "id": first_update + u,
            "process_id": long_history.pk,
            "title": f"Nieuws {u + 1}",
            "body": "We hebben met bewoners gesproken. Dit is wat we hoorden en wat we nu gaan doen.",
            "author_id": admin.pk,
            "created_at": now - timedelta(hours=n(2_000) - u),
        }
        for u in range(n(2_000))
    ),
)

# A counted buurtbudget: 100 projects through the services, 100,000 ballots by COPY (ballot_cast checks and
# stores one at a time), then counted (MES + add1 + fill) and published through the services.
budget_process = made[1]
budget = budgets.budget_create(
    process=budget_process,
    actor=admin,
    title="Buurtbudget Grootstad",
    total_amount=Decimal("2000000"),
    ballot_type=Budget.BallotType.APPROVAL,
    rule=Budget.Rule.MES,
    max_projects=5,
    active_phases=list(budget_process.phases.all()),
)
proposers = [
    accounts.resident_register(
        municipality=m,
        email=f"indiener{k}@grootstad.example",
        display_name=f"Indiener {k}",
        neighbourhood=neighbourhoods[k % len(neighbourhoods)],
    )
    for k in range(10)
]
projects = []
for k in range(100):
    project = budgets.project_propose(
        budget=budget,
        resident=proposers[k % len(proposers)],
        title=f"Project {k + 1}: {WORDS[k % len(WORDS)]}",
        description="Een plan van bewoners voor de buurt.",
    )
    budgets.project_review(
        project=project, actor=admin, feasibility="feasible", cost=Decimal(20_000 + 1_000 * (k % 60))
    )
    projects.append(project.pk)
budgets.budget_set_status(budget=budget, actor=admin, to_status=Budget.Status.REVIEW)
budgets.budget_set_status(budget=budget, actor=admin, to_status=Budget.Status.VOTING)
ballots = [(uuid.uuid4(), districts[b % len(districts)].pk) for b in range(n(100_000))]
copy(Ballot, ({"id": pk, "budget_id": budget.pk, "district_id": d} for pk, d in ballots))
popular = projects[:20]
copy(
    BallotChoice,
    (
        {"id": uuid.uuid4(), "ballot_id": pk, "project_id": project, "points": 1}
        for pk, _d in ballots
        for project in set(rng.sample(popular, 2) + rng.sample(projects, rng.randint(1, 3)))
    ),
)
budgets.budget_set_status(budget=budget, actor=admin, to_status=Budget.Status.COUNTING)
budgets.budget_count(budget=budget, actor=admin)
budgets.budget_publish_result(budget=budget, actor=admin)

with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE")  # Django's shell runs in autocommit: no transaction around this

print(
    json.dumps(
        {
            "initiatives": len(initiatives),
            "big": big,
            "some": initiatives[len(initiatives) // 2],
            "district": districts[3].pk,
            "dialogues": dialogue_ids,
            "largest": dialogue_ids[0],
            "residents": len(residents),
            "comments": sum(comments_per.values()),
            "supports": sum(supports_per.values()),
            "votes": n(2_000_000) - votes_left,
            "texts": texts_filled,
            "refresh": f"{refresh.status}: {refresh.themes} themes in {refresh.seconds:.0f} s" if refresh else "none",
            "processes": len(made),
            "long_history": long_history.slug,
            "updates": n(2_000),
            "budget": budget.pk,
            "ballots": len(ballots),
            "staff": admin.email,
        }
    )
)
