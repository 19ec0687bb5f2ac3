"""Fill the configured database with the demo municipality. Running it twice changes nothing."""

import hashlib
from datetime import timedelta

import numpy as np
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.budgets.demo import build_demo_budget, build_demo_open_budget
from zwerm.core.models import Municipality
from zwerm.core.services import municipality_create
from zwerm.council.demo import build_demo_council, build_demo_district_report
from zwerm.dialogues.demo import build_demo_dialogue
from zwerm.initiatives import services as initiatives
from zwerm.initiatives.demo import comments_backdate
from zwerm.locations.demo import demo_point
from zwerm.participation.demo import build_demo_participation
from zwerm.places import selectors as place_selectors
from zwerm.places.demo import demo_shapes_save
from zwerm.places.services import places_import_csv
from zwerm.processes.demo import build_demo_process_states, build_demo_processes
from zwerm.sensing.demo import (
    DEMO_THEMES,
    SPIKE_THEME,
    build_demo_sensing,
    demo_text,
    last_full_week_start,
    spike_district_id,
)
from zwerm.sensing.demo import (
    WEEKS as SENSING_WEEKS,
)
from zwerm.sensing.services import refresh_run
from zwerm.web import demo_content as demo

SLUG = "zwermstad"


def demo_totp_key(email: str) -> str:
    """A fixed TOTP key per demo account, so `zwerm demo_totp` can show the current code."""
    return hashlib.sha256(f"zwerm-demo:{email}".encode()).hexdigest()[:40]


def resident_voices_add(*, initiatives_open: list, residents: list, per_initiative: int = 7) -> None:
    """Residents react on an open initiative in each wijk, in the words of one demo theme, over the weeks before
    the last full one (the demo's history).

    Sensing's public figures count people, not texts, and the demo's meldingen have no known writer; these
    reactions give the public page and the district report figures of 5 people or more to show."""
    rng = np.random.default_rng(11)
    per_district = {}
    for initiative in initiatives_open:
        per_district.setdefault(initiative.neighbourhood.district_id, initiative)
    first = last_full_week_start() - timedelta(weeks=SENSING_WEEKS - 1)
    for k, initiative in enumerate(per_district.values()):
        theme = DEMO_THEMES[k % len(DEMO_THEMES)]
        for n in range(per_initiative):
            author = residents[(k * per_initiative + n) % len(residents)]
            if author.pk != initiative.author_id:
                comment = initiatives.comment_create(initiative=initiative, author=author, body=demo_text(rng, theme))
                at = first + timedelta(weeks=int(rng.integers(SENSING_WEEKS - 1)), hours=int(rng.integers(6 * 24)))
                comments_backdate(comments=[comment], at=at)


def resident_spike_add(*, municipality, initiatives_open: list, residents: list, people: int = 20) -> None:
    """Residents of the spike's wijk react about waste in the last full week, beside the demo's meldingen.

    Meldingen without a known writer count as one person together, so a spike of meldingen alone never reaches
    the public "Wat opvalt"; with these people behind it, it does (and staff see the same spike)."""
    wijk = spike_district_id(municipality=municipality)
    initiative = next((i for i in initiatives_open if i.neighbourhood.district_id == wijk), None)
    if initiative is None:
        return
    rng = np.random.default_rng(13)
    writers = [r for r in residents if r.pk != initiative.author_id][-people:]
    comments = [
        initiatives.comment_create(initiative=initiative, author=author, body=demo_text(rng, SPIKE_THEME))
        for author in writers
    ]
    comments_backdate(comments=comments, at=last_full_week_start() + timedelta(days=2, hours=3))


class Command(BaseCommand):
    help = "Vul de database met de demogemeente Zwermstad (wijken, buurten, mensen, initiatieven)."

    def handle(self, *args, **options):
        if Municipality.objects.filter(slug=SLUG).exists():
            self.stdout.write("De demogemeente Zwermstad bestaat al; er is niets veranderd.")
            return
        # Demo e-mails stay in memory instead of filling data/mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
            municipality, staff = self._build()
        # after the commit: the residents' texts reach sensing only then (tasks run after commit); a refresh
        # then tests the newest week with them, as the periodic refresh would
        refresh_run(municipality=municipality)
        build_demo_district_report(municipality=municipality, staff=staff)
        self.stdout.write(self.style.SUCCESS(f"Demogemeente {municipality.name} aangemaakt."))

    def _build(self) -> tuple[Municipality, dict]:
        municipality = municipality_create(
            name="Zwermstad",
            slug=SLUG,
            cbs_code="GM9999",
            hostnames=("127.0.0.1", "localhost"),
            welcome_title="Samen maken we Zwermstad",
            welcome_text="Heb je een idee, een initiatief of een zorg over je buurt? Breng het in, "
            "steun anderen en zie wat de gemeente ermee doet.",
            contact_email="participatie@zwermstad.example",
        )
        report = places_import_csv(municipality=municipality, text=demo.PLACES_CSV)
        assert not report.errors, report.errors
        demo_shapes_save(municipality=municipality)  # made-up shapes, so the demo's pages draw maps
        neighbourhoods = list(place_selectors.neighbourhood_list(municipality=municipality))

        staff = {}
        for email, name, role in demo.STAFF:
            user = accounts.staff_user_create(
                email=email, display_name=name, password=demo.STAFF_PASSWORD, technical_admin=role == Role.ADMIN
            )
            accounts.resident_register(
                municipality=municipality, email=email, display_name=name, neighbourhood=neighbourhoods[0]
            )
            TOTPDevice.objects.create(user=user, name="Demo", confirmed=True, key=demo_totp_key(email))
            staff[role] = user
        # The first admin is bootstrapped; that admin then grants the roles, as a real admin would.
        accounts.role_bootstrap_admin(municipality=municipality, user=staff[Role.ADMIN])
        for role, user in staff.items():
            if role != Role.ADMIN:
                accounts.role_grant(actor=staff[Role.ADMIN], municipality=municipality, user=user, role=role)

        residents = [
            accounts.resident_register(
                municipality=municipality,
                email=f"{name.lower()}@zwermstad.example",
                display_name=name,
                neighbourhood=neighbourhoods[i % len(neighbourhoods)],
            )
            for i, name in enumerate(demo.RESIDENTS)
        ]
        moderator = staff[Role.MODERATOR]
        open_initiatives = []
        for i, (kind, title, body, location) in enumerate(demo.INITIATIVES):
            author = residents[i % len(residents)]
            hood = neighbourhoods[(i * 3) % len(neighbourhoods)]
            initiative = initiatives.initiative_create(
                author=author,
                municipality=municipality,
                kind=kind,
                title=title,
                body=body,
                neighbourhood=hood,
                location_description=location,
                # two in three on the map, so the demo's map pages show places (and the list those without)
                location=demo_point(neighbourhood=hood, seed=i) if i % 3 else None,
            )
            plan = demo.STATUS_PLAN[i] if i < len(demo.STATUS_PLAN) else "published"
            if plan == "published":
                open_initiatives.append(initiative)
            if plan == "submitted":
                continue
            initiatives.initiative_status_change(
                initiative=initiative, actor=moderator, to_status="published", reason=demo.REASONS["published"]
            )
            for j in range((i * 7) % 11):
                supporter = residents[(i + j + 1) % len(residents)]
                if supporter != author:
                    initiatives.initiative_support(initiative=initiative, resident=supporter)
            for j in range(i % 4):
                commenter = residents[(i + j + 2) % len(residents)]
                comment = initiatives.comment_create(
                    initiative=initiative, author=commenter, body=demo.COMMENTS[(i + j) % len(demo.COMMENTS)]
                )
                if j == 1:
                    initiatives.comment_create(
                        initiative=initiative, author=author, parent=comment, body="Dank je! Ik neem contact met je op."
                    )
            if i % 5 == 0:
                initiatives.initiative_join(initiative=initiative, resident=residents[(i + 3) % len(residents)])
                initiatives.initiative_follow(initiative=initiative, user=residents[(i + 4) % len(residents)])
            if plan == "published":
                continue
            if plan in ("realised",):
                initiatives.initiative_status_change(
                    initiative=initiative,
                    actor=staff[Role.PROCESS_LEAD],
                    to_status="in_progress",
                    reason=demo.REASONS["in_progress"],
                )
            actor = author if plan == "withdrawn" else staff[Role.PROCESS_LEAD]
            initiatives.initiative_status_change(
                initiative=initiative, actor=actor, to_status=plan, reason=demo.REASONS[plan]
            )
        # A dialogue with enough participants to show opinion groups (the named residents and 40 more).
        voters = residents + [
            accounts.resident_register(
                municipality=municipality,
                email=f"deelnemer{n:02d}@zwermstad.example",
                display_name=f"Deelnemer {n}",
                neighbourhood=neighbourhoods[n % len(neighbourhoods)],
            )
            for n in range(1, 41)
        ]
        build_demo_dialogue(
            municipality=municipality,
            author=staff[Role.PROCESS_LEAD],
            residents=voters,
            newcomers=len(residents),
            pending=True,
        )
        processes = build_demo_processes(municipality=municipality, staff=staff, residents=residents)
        build_demo_council(municipality=municipality, staff=staff, processes=processes)
        build_demo_process_states(municipality=municipality, staff=staff, residents=residents)
        build_demo_participation(
            municipality=municipality, staff=staff, residents=residents, processes_made=processes, people=voters
        )
        build_demo_budget(municipality=municipality, staff=staff, residents=voters, process=processes[0])
        # open for voting: the numbered participants voted, the named demo residents can still vote
        build_demo_open_budget(
            municipality=municipality,
            staff=staff,
            residents=residents,
            voters=voters[len(residents) :],
            process=processes[1],
        )
        resident_voices_add(initiatives_open=open_initiatives, residents=voters)
        resident_spike_add(municipality=municipality, initiatives_open=open_initiatives, residents=voters)
        build_demo_sensing(municipality=municipality)
        # The moderation queue: a defamatory initiative, reported by two residents and hidden by the moderator
        # (the page of hidden items shows it, with the reason), and an unkind reaction that waits for a decision.
        flagged = initiatives.initiative_create(
            author=residents[0],
            municipality=municipality,
            kind="concern",
            title="Die buurman is een oplichter",
            body="Iedereen moet weten dat die man op nummer 5 niet te vertrouwen is.",
            neighbourhood=neighbourhoods[1],
        )
        initiatives.initiative_status_change(
            initiative=flagged, actor=moderator, to_status="published", reason=demo.REASONS["published"]
        )
        for reporter in residents[2:4]:
            initiatives.flag_create(
                reporter=reporter, initiative=flagged, reason="Dit beschuldigt een buurman zonder bewijs."
            )
        initiatives.moderation_hide(
            moderator=moderator,
            initiative=flagged,
            reason="Dit beschuldigt een herkenbare buurman zonder bewijs. Meld oplichting bij de politie.",
        )
        target = open_initiatives[0]
        unkind = initiatives.comment_create(
            initiative=target,
            author=residents[5],
            body="Typisch weer zo'n plan van mensen die niets beters te doen hebben.",
        )
        initiatives.flag_create(
            reporter=residents[6], initiative=target, comment=unkind, reason="Dit is onaardig tegen de indiener."
        )
        return municipality, staff
