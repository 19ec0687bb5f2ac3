"""The network around a process: who is involved, in what role, related to whom."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Process, Stakeholder
from .checks import cleaned, require_manager, require_not_closed


def _values(*, process: Process, name: str, kind: str, role: str, contact: str, related_to) -> tuple[dict, list]:
    values = cleaned(
        (
            ("name", _("de naam"), name, 200, True),
            ("role", _("de rol in het traject"), role, 200, True),
            ("contact", _("de contactgegevens"), contact, 300, False),
        )
    )
    if kind not in Stakeholder.Kind.values:
        raise ValidationError({"kind": [_("Kies of het een inwoner, groep, organisatie of collega is.")]})
    related = list(related_to)
    if any(s.process_id != process.pk for s in related):
        raise ValidationError({"related_to": [_("Kies alleen betrokkenen van dit traject.")]})
    return values, related


def stakeholder_add(
    *, process: Process, actor, name: str, kind: str, role: str, contact: str = "", related_to=()
) -> Stakeholder:
    """Add someone to the network; contact details are for staff only."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values, related = _values(process=process, name=name, kind=kind, role=role, contact=contact, related_to=related_to)
    with transaction.atomic():
        stakeholder = Stakeholder.objects.create(process=process, kind=kind, **values)
        stakeholder.related_to.set(related)
    return stakeholder


def stakeholder_update(
    *, stakeholder: Stakeholder, actor, name: str, kind: str, role: str, contact: str = "", related_to=()
) -> Stakeholder:
    process = stakeholder.process
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values, related = _values(process=process, name=name, kind=kind, role=role, contact=contact, related_to=related_to)
    if any(s.pk == stakeholder.pk for s in related):
        raise ValidationError({"related_to": [_("Een betrokkene kan niet met zichzelf verbonden zijn.")]})
    with transaction.atomic():
        for field, value in values.items():
            setattr(stakeholder, field, value)
        stakeholder.kind = kind
        stakeholder.save()
        stakeholder.related_to.set(related)
    return stakeholder
