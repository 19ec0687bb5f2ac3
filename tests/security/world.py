"""One rich data set in two municipalities, built through the real services, for the security tests.

Municipality A ("Testdam", testdam.localhost) is the one every request goes to. Municipality B
("Andersum", andersum.localhost) holds the same kinds of rows; every text of B carries `B_MARK`, so a
test can assert that none of B's content ever shows on A's host.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from tests.foundation.builders import PASSWORD, make_municipality
from tests.participation.conftest import record_bylaw
from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.attachments import services as attachments
from zwerm.budgets import services as budgets
from zwerm.budgets.models import Budget
from zwerm.council import services as council
from zwerm.council.models import Frame
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.participation import services as participation
from zwerm.participation.selectors import mirror_statement_list
from zwerm.processes import services as processes
from zwerm.sensing import services as sensing
from zwerm.sensing.engine.synthetic import synthetic_rows
from zwerm.sensing.models import Theme
from zwerm.values.services import value_create

HOST_A = "testdam.localhost"
HOST_B = "andersum.localhost"
B_MARK = "Andersgeheim"  # in every title and text of municipality B; never on A's host

# The people a request can come from. Staff hold only their role (no resident membership), as the
# shared `make_staff` fixture builds them; "foreign_*" belong to municipality B only.
ACTORS = (
    "anonymous",
    "resident",
    "foreign_resident",
    "moderator",
    "process_lead",
    "specialist",
    "council_member",
    "admin",
    "foreign_admin",
)
STAFF_ACTORS = ("moderator", "process_lead", "specialist", "council_member", "admin")


@dataclass
class Town:
    """The rows of one municipality, by the names the URL resolver uses."""

    municipality: object
    people: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.rows[key]


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 140, 60)).save(out, "PNG")
    return out.getvalue()


def _mark(town_mark: str, text: str) -> str:
    return f"{town_mark} {text}".strip()


def _staff(email: str, name: str) -> object:
    user = accounts.staff_user_create(email=email, display_name=name, password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def build_town(*, name: str, code: str, host: str, mark: str = "") -> Town:
    """Every kind of row the site has, in one municipality."""
    slug = name.lower()
    municipality, hoods = make_municipality(name=name, code=code, host=host)
    town = Town(municipality=municipality)
    t = lambda text: _mark(mark, text)  # noqa: E731 - short and local
    today = timezone.localdate()

    # --- people (names carry no mark: a visitor's own name in the page header is not a leak) ----------------
    admin = _staff(f"admin@{slug}.example", "Beheerder")
    accounts.role_bootstrap_admin(municipality=municipality, user=admin)
    people = {"admin": admin}
    for role in (Role.MODERATOR, Role.PROCESS_LEAD, Role.SPECIALIST, Role.COUNCIL_MEMBER):
        people[str(role)] = _staff(f"{role}@{slug}.example", f"Medewerker {role}")
        accounts.role_grant(actor=admin, municipality=municipality, user=people[str(role)], role=role)
    for key in ("resident", "neighbour", "voter1", "voter2", "voter3"):
        people[key] = accounts.resident_register(
            municipality=municipality,
            email=f"{key}@{slug}.example",
            display_name=key.title(),
            neighbourhood=hoods[0],
        )
    town.people = people
    moderator, lead, specialist = people["moderator"], people["process_lead"], people["specialist"]
    member, resident, neighbour = people["council_member"], people["resident"], people["neighbour"]
    rows = town.rows

    # --- initiatives in each status, a hidden one, comments and a flag -------------------------------------
    def initiative(title, author=neighbour, *, status=None):
        item = initiatives.initiative_create(
            author=author,
            municipality=municipality,
            kind="idea",
            title=t(title),
            body=t("Een goed plan."),
            neighbourhood=hoods[0],
        )
        if status:
            initiatives.initiative_status_change(initiative=item, actor=moderator, to_status="published", reason="Ok.")
            if status != "published":
                actor = author if status == "withdrawn" else lead
                if status == "realised":
                    initiatives.initiative_status_change(
                        initiative=item, actor=lead, to_status="in_progress", reason="Bezig."
                    )
                initiatives.initiative_status_change(initiative=item, actor=actor, to_status=status, reason="Klaar.")
        return item

    rows["initiative_submitted"] = initiative("Ingediend idee", author=resident)
    rows["initiative_own_published"] = initiative("Eigen idee", author=resident, status="published")
    rows["initiative"] = initiative("Bankjes in het park", status="published")
    rows["initiative_in_progress"] = initiative("Idee in behandeling", status="in_progress")
    rows["initiative_realised"] = initiative("Gerealiseerd idee", status="realised")
    rows["initiative_withdrawn"] = initiative("Ingetrokken idee", status="withdrawn")
    rows["initiative_hidden"] = initiative("Verborgen idee", status="published")
    initiatives.moderation_hide(moderator=moderator, initiative=rows["initiative_hidden"], reason="Spelregels.")
    # --- photos with a published initiative: one shown, one hidden by a moderator ---------------------------
    for key in ("photo", "photo_hidden"):
        rows[key] = attachments.attachment_add(
            municipality=municipality,
            target=attachments.TargetRef("initiative", rows["initiative"].pk),
            uploader=neighbour,
            upload=SimpleUploadedFile("foto.png", small_png(), content_type="image/png"),
            alt_text=t("Het grasveld"),
        )
    attachments.attachment_hide(moderator=moderator, attachment=rows["photo_hidden"], reason="Kenteken.")
    rows["comment"] = initiatives.comment_create(initiative=rows["initiative"], author=resident, body=t("Goed plan!"))
    initiatives.initiative_support(initiative=rows["initiative"], resident=people["voter1"])
    rows["flag"] = initiatives.flag_create(
        reporter=people["voter2"], initiative=rows["initiative"], reason="Klopt niet."
    )

    # --- a dialogue with statements (one waiting for moderation) and votes -----------------------------------
    rows["dialogue"] = dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title=t("Het plein"),
        question=t("Hoe gebruiken we het plein?"),
        seed_statements=[t("Meer groen."), t("Meer parkeren."), t("Meer bankjes.")],
        ask_district=False,
    )
    seeds = list(dialogue.statements.order_by("pk"))
    for i, key in enumerate(("neighbour", "voter1", "voter2", "voter3")):
        participant = dialogues.participant_for(dialogue=dialogue, user=people[key])
        for j, statement in enumerate(seeds):
            dialogues.vote_cast(participant=participant, statement=statement, value=(1, -1, 0)[(i + j) % 3])
    rows["statement"] = seeds[0]
    rows["statement_pending"] = dialogues.statement_submit(
        participant=dialogues.participant_for(dialogue=dialogue, user=neighbour), text=t("Een nieuwe stelling.")
    )
    dialogues.dialogue_analyse(dialogue=dialogue)

    # --- values, a running process with the whole chain, and a draft -------------------------------------------
    values = [
        value_create(municipality=municipality, actor=admin, name=t(n), description=t(f"Wat {n} betekent."))
        for n in ("Samen", "Open")
    ]
    rows["value"] = values[0]
    rows["process"] = process = processes.process_create(
        actor=lead,
        municipality=municipality,
        title=t("Groen plein"),
        question=t("Hoe maken we het plein groen?"),
        description=t("Samen met de buurt."),
    )
    first = processes.phase_add(process=process, actor=lead, title=t("Ophalen"), reason="Luisteren.")
    processes.phase_add(process=process, actor=lead, title=t("Kiezen"), reason="Kiezen.")
    processes.process_open(process=process, actor=lead)
    rows["phase"] = first
    rows["stakeholder"] = processes.stakeholder_add(
        process=process, actor=lead, name=t("Bewonersgroep"), kind="group", role=t("denkt mee")
    )
    rows["meeting"] = processes.meeting_create(
        process=process,
        actor=lead,
        title=t("Bewonersavond"),
        starts_at=timezone.now(),
        place=t("Buurthuis"),
        active_phases=[first],
    )
    rows["survey"] = processes.survey_create(
        process=process, actor=lead, title=t("Vragenlijst"), questions=[t("Wat vind je ervan?")], active_phases=[first]
    )
    processes.survey_respond(survey=rows["survey"], resident=neighbour, answers=[t("Mooi.")])
    rows["advice_request"] = request = processes.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        question=t("Mag hier een boom?"),
        deadline=today + datetime.timedelta(days=7),
    )
    advice = processes.advice_give(request=request, actor=specialist, text=t("Ja."), basis=t("APV"))
    rows["advice_request_open"] = processes.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        question=t("Kan de straat autoluw?"),
        deadline=today + datetime.timedelta(days=7),
    )
    rows["decision"] = processes.decision_record(
        process=process,
        actor=lead,
        decided_on=today,
        decided_by="process_lead",
        title=t("Bomen planten"),
        reasons=t("Schaduw."),
        advice=[advice],
        weighings=[processes.Weighing(value_id=v.pk, weighed=True, explanation=t("Gewogen.")) for v in values],
    )
    processes.update_post(process=process, actor=lead, title=t("Nieuws"), body=t("We zijn begonnen."))
    processes.process_follow(process=process, user=neighbour)
    rows["placement"] = process.placements.order_by("pk").first()
    rows["process_draft"] = processes.process_create(
        actor=lead,
        municipality=municipality,
        title=t("Concept traject"),
        question=t("Nog geheim?"),
        description=t("In voorbereiding."),
    )

    # --- participation: a verordening (with the self-assessment's statements) and a challenge ------------------
    record_bylaw(municipality, admin, title=t("Participatieverordening"))
    rows["statement"] = mirror_statement_list(municipality=municipality).first()
    participation.yearly_report_send(
        report=participation.yearly_report_generate(municipality=municipality, actor=lead, year=2026), actor=lead
    )
    rows["challenge"] = participation.challenge_submit(
        municipality=municipality,
        resident=neighbour,
        task=t("Onderhoud van het park"),
        plan=t("Wij doen het onderhoud."),
        involvement=t("Werkochtenden."),
        cost=Decimal("1000"),
        municipality_cost=Decimal("2000"),
        challenger_kind="group",
        challenger_name=t("Buurtgroep"),
        contacts=[participation.ContactInput(name=t("Sanne"), email=f"sanne{mark}@example.org")],
    )

    # --- council: frames, spending, questions, reports ---------------------------------------------------------
    council.frame_set(
        process=process,
        actor=member,
        kind=Frame.Kind.BUDGET,
        description=t("Budget."),
        budget=Decimal("50000"),
        set_by=Frame.SetBy.COUNCIL,
        source_reference=t("Raadsbesluit"),
        source_date=today,
    )
    council.spending_record(process=process, actor=lead, amount=Decimal("1000"), description=t("Ontwerp"))
    rows["question"] = council.question_ask(process=process, asker=member, text=t("Hoe staat het ervoor?"))
    council.council_follow(process=process, member=member)
    rows["report"] = council.report_generate(process=process, actor=lead)
    rows["report_sent"] = council.report_send(report=council.report_generate(process=process, actor=lead), actor=lead)

    # --- budgets: one taking proposals (a project awaiting the specialist), one with a published result --------
    def budget(title):
        return budgets.budget_create(
            process=process, actor=lead, title=t(title), total_amount=Decimal("10000"), active_phases=[first]
        )

    rows["budget"] = open_budget = budget("Buurtbudget")
    rows["project"] = budgets.project_propose(
        budget=open_budget,
        resident=neighbour,
        title=t("Bankjes"),
        description=t("Vier bankjes."),
    )
    budgets.project_request_review(
        project=rows["project"], actor=lead, specialist=specialist, deadline=today + datetime.timedelta(days=7)
    )
    rows["project_photo"] = budgets.project_attachment_add(
        project=rows["project"],
        actor=lead,
        upload=SimpleUploadedFile("veld.png", small_png(), content_type="image/png"),
        alt_text=t("Het veld"),
    )
    rows["budget_result"] = done = budget("Afgerond budget")
    projects = [
        budgets.project_propose(budget=done, resident=neighbour, title=t(f"Project {i}"), description=t("Plan."))
        for i in range(2)
    ]
    for item in projects:
        budgets.project_review(project=item, actor=lead, feasibility="feasible", cost=Decimal("3000"))
    for status in (Budget.Status.REVIEW, Budget.Status.VOTING):
        budgets.budget_set_status(budget=done, actor=lead, to_status=status)
    for key in ("voter1", "voter2", "voter3", "neighbour", "resident"):
        budgets.ballot_cast(budget=done, resident=people[key], projects=[projects[0].pk])
    budgets.budget_set_status(budget=done, actor=lead, to_status=Budget.Status.COUNTING)
    budgets.budget_count(budget=done, actor=lead)
    budgets.budget_publish_result(budget=done, actor=lead)

    # --- sensing: texts with themes and trends, an import record, an API token ----------------------------------
    data = synthetic_rows(60, seed=1, start=datetime.datetime.now() - datetime.timedelta(weeks=6), weeks=6)
    for i, row in enumerate(data.rows):
        sensing.text_ingest(
            municipality=municipality,
            channel="report",
            source_id=f"s{i}",
            text=t(row.text),
            occurred_at=timezone.make_aware(row.time),
            neighbourhood=hoods[i % len(hoods)],
            label=data.themes[i],
        )
    sensing.refresh_run(municipality=municipality)
    rows["theme"] = Theme.objects.filter(municipality=municipality).order_by("pk").first()
    rows["report_import"] = sensing.report_import_csv(
        municipality=municipality,
        actor=admin,
        data=f"tekst\n{t('Losse stoeptegel')}\n".encode(),
        filename="meldingen.csv",
        mapping=sensing.ColumnMapping(text="tekst"),
    )
    rows["token"], rows["token_raw"] = sensing.api_token_create(municipality=municipality, actor=admin, label=t("Fixi"))

    # --- council: a sent report about a draft process; district reports from sensing, one sent --------------------
    rows["report_draft"] = council.report_send(
        report=council.report_generate(process=rows["process_draft"], actor=lead), actor=lead
    )
    rows["district_report"] = council.district_report_generate(municipality=municipality, actor=lead, weeks=6)
    rows["district_report_sent"] = council.district_report_send(
        report=council.district_report_generate(
            municipality=municipality, actor=lead, district=hoods[0].district, weeks=6
        ),
        actor=lead,
    )
    return town
