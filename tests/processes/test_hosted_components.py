"""Initiatives, dialogues and budgets are hosted through the registry, never by the process core itself."""

import pytest
from django.core.exceptions import ValidationError

from tests.foundation.builders import make_initiative, make_municipality, make_resident
from zwerm.processes import selectors, services
from zwerm.processes.registry import components


def test_every_component_kind_registers_itself():
    assert {"initiative", "dialogue", "budget", "meeting", "survey"} <= {key for key, _label in components.choices()}


def test_a_process_hosts_a_published_initiative_and_counts_its_support(
    process, lead, phases, municipality, neighbourhood, moderator
):
    from zwerm.initiatives.services import initiative_support

    author = make_resident(municipality, neighbourhood)
    initiative = make_initiative(municipality, author, neighbourhood, publish_by=moderator)
    initiative_support(initiative=initiative, resident=make_resident(municipality, neighbourhood))
    placement = services.placement_create(
        process=process,
        actor=lead,
        kind="initiative",
        object_id=initiative.pk,
        title="Moestuin",
        active_phases=phases[:1],
    )
    record = selectors.process_record(process=process)
    hosted = next(p for p in record.placements if p.placement.pk == placement.pk)
    assert hosted.summary["supports"] == 1 and hosted.url == f"/initiatieven/{initiative.pk}"


def test_a_submitted_or_foreign_initiative_cannot_be_hosted(process, lead, municipality, neighbourhood):
    draft = make_initiative(municipality, make_resident(municipality, neighbourhood), neighbourhood)
    with pytest.raises(ValidationError, match="bestaat niet in deze gemeente"):
        services.placement_create(process=process, actor=lead, kind="initiative", object_id=draft.pk, title="X")
    other, other_neighbourhoods = make_municipality(name="Elders", code="GM0003", host="elders.localhost")
    foreign = make_initiative(other, make_resident(other, other_neighbourhoods[0]), other_neighbourhoods[0])
    with pytest.raises(ValidationError, match="bestaat niet in deze gemeente"):
        services.placement_create(process=process, actor=lead, kind="initiative", object_id=foreign.pk, title="X")
