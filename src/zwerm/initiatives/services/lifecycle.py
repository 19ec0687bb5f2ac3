"""Bringing in an initiative, editing it while submitted, and moving it through its statuses."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.selectors import user_has_role
from zwerm.core.masking import public_copy
from zwerm.core.models import Municipality
from zwerm.core.tasks import enqueue_on_commit
from zwerm.core.text import clean_text
from zwerm.locations.points import KEEP, Keep, Point
from zwerm.locations.selectors import neighbourhood_for_point
from zwerm.sensing.services import text_ingest_later

from ..models import (
    BODY_MAX,
    LOCATION_MAX,
    REASON_MAX,
    TITLE_MAX,
    TRANSITIONS,
    Initiative,
    Kind,
    MailDelivery,
    Status,
    StatusChange,
)
from ..tasks import initiative_mask, status_change_notify
from .checks import STAFF_STATUS_ROLES, require_resident
from .photos import initiative_photo_add, initiative_photos_remove


def _placed(*, municipality: Municipality, location: Point | None | Keep, neighbourhood):
    """The buurt of the point on the map wins over the buurt picked by hand (the point is the more precise)."""
    if isinstance(location, Point):
        return neighbourhood_for_point(municipality=municipality, point=location) or neighbourhood
    return neighbourhood


def _cleaned(*, municipality, kind, title, body, neighbourhood, location_description) -> dict:
    errors = {}
    values = {}
    for name, label, value, max_length, required in (
        ("title", _("de titel"), title, TITLE_MAX, True),
        ("body", _("de beschrijving"), body, BODY_MAX, True),
        ("location_description", _("de plek"), location_description, LOCATION_MAX, False),
    ):
        try:
            values[name] = clean_text(
                value, field_label=label, max_length=max_length, required=required, single_line=name == "title"
            )
        except ValidationError as error:
            errors[name] = error.messages
    if kind not in Kind.values:
        errors["kind"] = [_("Kies of het een initiatief, idee of zorg is.")]
    if neighbourhood is None or neighbourhood.municipality_id != municipality.id:
        errors["neighbourhood"] = [_("Kies een buurt in %(name)s.") % {"name": municipality.name}]
    if errors:
        raise ValidationError(errors)
    return values


def _apply_text(initiative: Initiative, values: dict) -> None:
    """Store the text as written and its public copy (or hold that back for the masking task, see `_queue_mask`)."""
    initiative.title, initiative.body = values["title"], values["body"]
    initiative.location_description = values["location_description"]
    public = public_copy(values["title"], values["body"], values["location_description"])
    initiative.public_title, initiative.public_body, initiative.public_location = public.texts
    initiative.masked_kinds, initiative.masking_pending = public.kinds, public.pending


def _queue_mask(initiative: Initiative) -> None:
    if initiative.masking_pending:
        enqueue_on_commit(initiative_mask, initiative_id=initiative.pk)


def initiative_create(
    *,
    author,
    municipality: Municipality,
    kind: str,
    title: str,
    body: str,
    neighbourhood,
    location_description: str = "",
    location: Point | None = None,
    photo=None,
    photo_alt: str = "",
) -> Initiative:
    """A resident brings in an initiative; it waits as 'submitted' until the municipality publishes it.
    With a point (`location`), the initiative lies in the buurt of that point when the shapes know it.
    With `photo` (an uploaded file) and its description the photo is added too; a refused photo refuses
    the whole submission, with the reason on the form's photo fields."""
    require_resident(user=author, municipality=municipality)
    neighbourhood = _placed(municipality=municipality, location=location, neighbourhood=neighbourhood)
    values = _cleaned(
        municipality=municipality,
        kind=kind,
        title=title,
        body=body,
        neighbourhood=neighbourhood,
        location_description=location_description,
    )
    initiative = Initiative(municipality=municipality, author=author, kind=kind, neighbourhood=neighbourhood)
    initiative.set_location(location)
    _apply_text(initiative, values)
    with transaction.atomic():
        initiative.save()
        _queue_mask(initiative)
        StatusChange.objects.create(
            initiative=initiative,
            from_status="",
            to_status=Status.SUBMITTED,
            actor=author,
            reason=_("Ingediend door de inwoner."),
        )
        text_ingest_later(channel="initiative", source_id=initiative.pk, municipality_id=municipality.pk)
        if photo is not None:
            initiative_photo_add(initiative=initiative, editor=author, photo=photo, alt_text=photo_alt)
    return initiative


def initiative_update(
    *,
    initiative: Initiative,
    editor,
    kind: str,
    title: str,
    body: str,
    neighbourhood,
    location_description: str = "",
    location: Point | None | Keep = KEEP,
    photo=None,
    photo_alt: str = "",
    photos_remove=(),
) -> Initiative:
    """The author edits their initiative; only while it is still submitted (not yet public). `location`: a new
    point, None to take the point away, KEEP (the default) to leave it. Photos named in `photos_remove` go;
    `photo` (with `photo_alt`) is added."""
    if editor.pk != initiative.author_id:
        raise PermissionDenied(_("Alleen de indiener kan dit initiatief bewerken."))
    if initiative.status != Status.SUBMITTED:
        raise ValidationError(_("Dit initiatief is al gepubliceerd en kan niet meer worden bewerkt."))
    neighbourhood = _placed(municipality=initiative.municipality, location=location, neighbourhood=neighbourhood)
    values = _cleaned(
        municipality=initiative.municipality,
        kind=kind,
        title=title,
        body=body,
        neighbourhood=neighbourhood,
        location_description=location_description,
    )
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if locked.status != Status.SUBMITTED:
            raise ValidationError(_("Dit initiatief is al gepubliceerd en kan niet meer worden bewerkt."))
        initiative.kind, initiative.neighbourhood = kind, neighbourhood
        if not isinstance(location, Keep):
            initiative.set_location(location)
        _apply_text(initiative, values)
        initiative.save()
        _queue_mask(initiative)
        text_ingest_later(channel="initiative", source_id=initiative.pk, municipality_id=initiative.municipality_id)
        if photos_remove:
            initiative_photos_remove(initiative=initiative, editor=editor, attachment_ids=photos_remove)
        if photo is not None:
            initiative_photo_add(initiative=initiative, editor=editor, photo=photo, alt_text=photo_alt)
    return initiative


def initiative_status_change(*, initiative: Initiative, actor, to_status: str, reason: str) -> StatusChange:
    """Move an initiative to a next status with a reason that the author and followers see.

    Staff (moderator, process lead, admin) may make any allowed move; the author may only withdraw."""
    municipality = initiative.municipality
    is_staff = user_has_role(user=actor, municipality=municipality, roles=STAFF_STATUS_ROLES)
    is_author_withdrawing = actor.pk == initiative.author_id and to_status == Status.WITHDRAWN
    if not (is_staff or is_author_withdrawing):
        raise PermissionDenied(_("Je hebt geen rol waarmee je de status van dit initiatief mag wijzigen."))
    reason = clean_text(reason, field_label=_("de toelichting"), max_length=REASON_MAX)
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        allowed = TRANSITIONS[Status(locked.status)]
        if to_status not in allowed:
            raise ValidationError(
                _("Van '%(from)s' naar '%(to)s' is geen mogelijke stap.")
                % {
                    "from": locked.get_status_display(),
                    "to": Status(to_status).label if to_status in Status.values else to_status,
                }
            )
        if to_status == Status.IN_PROGRESS and locked.published_at is None:
            raise ValidationError(_("Publiceer dit initiatief eerst; daarna kan het in behandeling worden genomen."))
        change = StatusChange.objects.create(
            initiative=locked, from_status=locked.status, to_status=to_status, reason=reason, actor=actor
        )
        updates = {"status": to_status}
        if to_status == Status.PUBLISHED and locked.published_at is None:
            updates["published_at"] = timezone.now()
        Initiative.objects.filter(pk=locked.pk).update(**updates, updated_at=timezone.now())
        MailDelivery.objects.create(status_change=change)  # the staff page shows whether the mail went out
        enqueue_on_commit(status_change_notify, status_change_id=change.pk)
    for field, value in updates.items():
        setattr(initiative, field, value)
    return change
