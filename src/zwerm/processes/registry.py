"""Components a process can host register themselves here (Decidim's rule: the core never knows them).

An app adds its component type in its AppConfig.ready():

    from zwerm.processes.registry import components
    components.register(MeetingComponent())
"""

from dataclasses import dataclass, field
from typing import Protocol


class ComponentType(Protocol):
    key: str  # stable identifier stored on placements, e.g. "dialogue"
    label: str  # Dutch name shown to people, e.g. "Dialoog"

    def summary(self, placement) -> dict:
        """Participation figures for reports: {"participants": int, ...}; no personal data."""

    def url(self, placement) -> str:
        """Where residents find the component."""

    def belongs_to(self, object_id: int, municipality) -> bool:
        """Whether the component's own row exists and belongs to this municipality."""

    # Optional: `participant_ids(placement) -> Iterable[int]`, the users who took part, so that process
    # updates reach them too ("closing the loop"), and an evaluation counts them per wijk. Types without it
    # only reach followers.
    # Optional: `anonymous_districts(placement) -> Iterable[int | None]`, one wijk id (or None) per
    # participant without an account (a dialogue's anonymous participants), for reach per wijk only.
    # Optional: `district_ids(object_ids: list[int]) -> dict[int, Iterable[int]]`, per component row the
    # wijken (district pks) it is about (a budget's wijk or wijken, an initiative's wijk), so that a process
    # shows the wijken it touches. Types without it add none.


@dataclass
class ComponentRegistry:
    _types: dict[str, ComponentType] = field(default_factory=dict)

    def register(self, component_type: ComponentType) -> None:
        if component_type.key in self._types:
            raise ValueError(f"component type {component_type.key!r} is already registered")
        self._types[component_type.key] = component_type

    def get(self, key: str) -> ComponentType:
        return self._types[key]

    def choices(self) -> list[tuple[str, str]]:
        return [(key, str(t.label)) for key, t in sorted(self._types.items())]

    def __contains__(self, key: str) -> bool:
        return key in self._types


components = ComponentRegistry()


class PageSection(Protocol):
    """A part another app adds at the top of a process's public page (the participation promise, say).

    `context` returns None when the section has nothing to show for this process and visitor."""

    key: str
    template: str

    def context(self, *, process, user) -> dict | None: ...


@dataclass
class PageSectionRegistry:
    _sections: dict[str, PageSection] = field(default_factory=dict)

    def register(self, section: PageSection) -> None:
        if section.key in self._sections:
            raise ValueError(f"page section {section.key!r} is already registered")
        self._sections[section.key] = section

    def __contains__(self, key: str) -> bool:
        return key in self._sections

    def render_list(self, *, process, user) -> list[tuple[str, dict]]:
        """(template, context) for every section with something to show, in the order they registered."""
        shown = []
        for section in self._sections.values():
            context = section.context(process=process, user=user)
            if context is not None:
                shown.append((section.template, context))
        return shown


page_sections = PageSectionRegistry()
