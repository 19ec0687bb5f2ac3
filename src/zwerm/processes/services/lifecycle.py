"""Creating a process, editing it, opening it to the public and closing it with its outcome."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.models import Municipality
from zwerm.core.moments import moment
from zwerm.core.tasks import enqueue_on_commit
from zwerm.locations.points import Point
from zwerm.locations.selectors import neighbourhood_for_point

from ..models import TEXT_MAX, Phase, PhaseChange, Process, Update
from ..tasks import update_notify
from .checks import cleaned, reason_cleaned, require_manager
from .phases import phase_snapshot


def _texts(*, title: str, question: str, description: str) -> dict:
    return cleaned(
        (
            ("title", _("de titel"), title, 200, True),
            ("question", _("de vraag"), question, 500, True),
            ("description", _("de beschrijving"), description, TEXT_MAX, True),
        )
    )


def _check_lead(*, lead, municipality: Municipality) -> None:
    if lead is None or not user_has_role(user=lead, municipality=municipality, roles=(Role.PROCESS_LEAD,)):
        raise ValidationError({"lead": [_("Kies een procesambtenaar van deze gemeente als trekker.")]})


def _check_district(*, district, municipality: Municipality) -> None:
    if district is not None and district.municipality_id != municipality.pk:
        raise ValidationError({"district": [_("Kies een wijk in %(name)s.") % {"name": municipality.name}]})


# Words the process pages use themselves (trajecten/werkplek, trajecten/nieuw, ...).
RESERVED_SLUGS = frozenset({"werkplek", "nieuw", "mijn-adviesaanvragen", "advies", "waarden"})


def _unique_slug(*, municipality: Municipality, title: str) -> str:
    base = slugify(title)[:70] or "traject"
    if base in RESERVED_SLUGS:
        base = f"traject-{base}"
    slug, n = base, 1
    while Process.objects.filter(municipality=municipality, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def process_create(
    *,
    actor,
    municipality: Municipality,
    title: str,
    question: str,
    description: str,
    lead=None,
    district=None,
    listed: bool = True,
    at: datetime.datetime | None = None,
) -> Process:
    """A process lead (or admin) starts a process; it stays a draft until it is opened. `listed=False` keeps
    it out of the public list of processes (another procedure shows it: a challenge's assessment). `at`: when
    it started, for history recorded afterwards (core.moments; default now)."""
    if not (
        actor.is_authenticated
        and user_has_role(user=actor, municipality=municipality, roles=(Role.PROCESS_LEAD, Role.ADMIN))
    ):
        raise PermissionDenied(_("Alleen een procesambtenaar of beheerder kan een traject starten."))
    lead = lead or actor
    values = _texts(title=title, question=question, description=description)
    _check_lead(lead=lead, municipality=municipality)
    _check_district(district=district, municipality=municipality)
    with transaction.atomic():
        return Process.objects.create(
            municipality=municipality,
            slug=_unique_slug(municipality=municipality, title=values["title"]),
            lead=lead,
            district=district,
            listed=listed,
            created_at=moment(at),
            **values,
        )


def process_update(
    *, process: Process, actor, title: str, question: str, description: str, lead=None, district=None
) -> Process:
    """Change the texts, the lead or the wijk; the slug (and so the public address) stays."""
    require_manager(process=process, user=actor)
    values = _texts(title=title, question=question, description=description)
    lead = lead or process.lead
    _check_lead(lead=lead, municipality=process.municipality)
    _check_district(district=district, municipality=process.municipality)
    with transaction.atomic():
        locked = Process.objects.select_for_update().get(pk=process.pk)
        if locked.status == Process.Status.CLOSED:
            raise ValidationError(_("Dit traject is afgerond; er kan niets meer aan worden veranderd."))
        for name, value in values.items():
            setattr(process, name, value)
        process.lead, process.district = lead, district
        process.save(update_fields=[*values, "lead", "district"])
    return process


def process_open(*, process: Process, actor) -> Process:
    """Make a draft public; it needs at least one phase so residents see where it stands."""
    require_manager(process=process, user=actor)
    with transaction.atomic():
        locked = Process.objects.select_for_update().get(pk=process.pk)
        if locked.status != Process.Status.DRAFT:
            raise ValidationError(_("Alleen een traject in voorbereiding kan worden geopend."))
        if not Phase.objects.filter(process=locked).exists():
            raise ValidationError(_("Voeg eerst minstens één fase toe voordat je het traject opent."))
        Process.objects.filter(pk=process.pk).update(status=Process.Status.ACTIVE)
    process.status = Process.Status.ACTIVE
    return process


def process_close(*, process: Process, actor, outcome: str, at: datetime.datetime | None = None) -> Update:
    """Close the process with its outcome: open phases close with that reason, and followers hear it. `at`:
    when it closed, for history recorded afterwards (core.moments; default now)."""
    require_manager(process=process, user=actor)
    outcome = reason_cleaned(outcome)
    now = moment(at)
    with transaction.atomic():
        locked = Process.objects.select_for_update().get(pk=process.pk)
        if locked.status != Process.Status.ACTIVE:
            raise ValidationError(_("Alleen een lopend traject kan worden afgerond."))
        for phase in Phase.objects.select_for_update().filter(process=locked, closed_at__isnull=True):
            phase.closed_at = now
            phase.save(update_fields=["closed_at"])
            PhaseChange.objects.create(
                process=locked,
                phase=phase,
                action=PhaseChange.Action.CLOSE,
                reason=outcome,
                snapshot=phase_snapshot(phase),
                actor=actor,
            )
        Process.objects.filter(pk=process.pk).update(status=Process.Status.CLOSED, closed_at=now)
        update = Update.objects.create(process=locked, title=_("Het traject is afgerond"), body=outcome, author=actor)
        enqueue_on_commit(update_notify, update_id=update.pk)
    process.status, process.closed_at = Process.Status.CLOSED, now
    return update


def process_locate(*, process: Process, actor, location: Point | None) -> Process:
    """The process lead places the process on the map (or takes its place away); the buurt follows the point."""
    require_manager(process=process, user=actor)
    neighbourhood = (
        neighbourhood_for_point(municipality=process.municipality, point=location) if location is not None else None
    )
    with transaction.atomic():
        process.set_location(location)
        process.location_neighbourhood = neighbourhood
        process.save(update_fields=["location_lon", "location_lat", "location_neighbourhood"])
    return process
