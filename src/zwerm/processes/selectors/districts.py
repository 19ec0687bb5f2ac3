"""Which wijken a process touches: its own wijk, that of its place, and those of the components it hosts (a
budget's wijken, an initiative's wijk), for the process list and page and their maps. Processes are not people:
these are counts of processes, no disclosure rule applies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list

from ..models import Placement, Process
from ..registry import components

if TYPE_CHECKING:
    from zwerm.places.models import District


def _district_ids(processes: list[Process]) -> dict[int, set[int]]:
    """Process pk -> the district pks it touches: one query for the placements, one per kind of component."""
    touched: dict[int, set[int]] = {p.pk: ({p.district_id} if p.district_id else set()) for p in processes}
    # the wijk of the process's place (locations), where it has one
    for pk, district_id in Process.objects.filter(
        pk__in=list(touched), location_neighbourhood__isnull=False
    ).values_list("pk", "location_neighbourhood__district_id"):
        touched[pk].add(district_id)
    per_kind: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for process_id, kind, object_id in Placement.objects.filter(process__in=list(touched)).values_list(
        "process_id", "kind", "object_id"
    ):
        per_kind[kind][object_id].append(process_id)
    for kind, hosts in per_kind.items():
        component = components.get(kind) if kind in components else None
        of = getattr(component, "district_ids", None)  # optional in the registry's protocol
        if of is None:
            continue
        for object_id, district_ids in of(list(hosts)).items():
            for process_id in hosts.get(object_id, ()):
                touched[process_id] |= set(district_ids)
    return touched


def process_districts(*, municipality: Municipality, processes: Iterable[Process]) -> dict[int, list[District]]:
    """Process pk -> the wijken of the municipality it touches, in name order (empty: the whole municipality
    or no place given)."""
    processes = list(processes)
    touched = _district_ids(processes)
    districts = {d.pk: d for d in district_list(municipality=municipality)}
    return {
        pk: sorted((districts[d] for d in ids if d in districts), key=lambda d: (d.name, d.pk))
        for pk, ids in touched.items()
    }


@dataclass
class DistrictProcesses:
    district: District
    processes: list[Process] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.processes)


@dataclass
class ProcessesByDistrict:
    rows: list[DistrictProcesses]  # every wijk, also those without a process
    whole_municipality: list[Process]  # processes that touch no one wijk

    @property
    def top(self) -> int:
        return max((row.count for row in self.rows), default=0)


def process_count_by_district(*, municipality: Municipality, processes: Iterable[Process]) -> ProcessesByDistrict:
    """Per wijk of the municipality, the given processes (those the visitor may see) that touch it."""
    processes = list(processes)
    per_process = process_districts(municipality=municipality, processes=processes)
    rows = {
        d.pk: DistrictProcesses(district=d) for d in district_list(municipality=municipality).order_by("name", "pk")
    }
    whole = []
    for process in processes:
        districts = per_process.get(process.pk, [])
        if not districts:
            whole.append(process)
        for district in districts:
            rows[district.pk].processes.append(process)
    return ProcessesByDistrict(rows=list(rows.values()), whole_municipality=whole)
