"""Which personal data each app holds, and how it is downloaded, erased and retained (the AVG rights).

Decidim's rule: the core never knows the apps. Each app that holds personal data registers one provider
in its AppConfig.ready():

    from zwerm.core.personal_data import registry
    registry.register(InitiativesPersonalData())

The privacy app asks every registered provider in turn; a new app is covered by registering itself.

Each provider also names, in `models`, every model of its app that points at a person or holds free
text, with what erasure does to it. Models of packages without a provider (Django's own, axes, the
task queue) are declared with `registry.declare`. tests/privacy/test_registry_complete.py fails when a
model with a user foreign key or a free-text field is in neither.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureMode(models.TextChoices):
    """What a resident's public contributions become when they delete their account."""

    ANONYMISE = "anonymise", _("blijven staan zonder naam (geanonimiseerd)")
    REMOVE = "remove", _("worden verwijderd")


# What the inventory says of staff records: public record made in office, kept.
IN_OFFICE = 'kept: staff act in office; an erased account shows as "Verwijderde deelnemer"'

# The name shown instead of a person once their contribution is anonymised.
PLACEHOLDER_NAME = "Verwijderde deelnemer"


@dataclass(frozen=True)
class Erasure:
    """One account being erased, with what its contributions become.

    `mode_for(municipality_id, component_kind, object_id)` says anonymise or remove for a contribution
    to that component (the hosting process's setting, else the municipality's default). `placeholder` is
    the shared "Verwijderde deelnemer" account that anonymised contributions point at, so that they are
    no longer linked to each other either."""

    user: Any
    placeholder: Any
    mode_for: Callable[[int, str, int], str]


@dataclass(frozen=True)
class Retention:
    """One closed process whose retention period has passed: its contributions lose their people."""

    process_id: int
    municipality_id: int
    components: tuple[tuple[str, int], ...]  # (component kind, object id) of every placement
    placeholder: Any
    closed_before: datetime

    def object_ids(self, kind: str) -> list[int]:
        return [object_id for k, object_id in self.components if k == kind]


class PersonalDataProvider(Protocol):
    key: str  # stable, e.g. "initiatives"
    label: str  # Dutch, shown in the download
    models: Mapping[str, str]  # "app_label.Model" -> what erasure does to it (the inventory)

    def export(self, user) -> dict:
        """Everything this app holds about `user`, JSON-serialisable; never another person's data."""

    def erase(self, erasure: Erasure) -> dict[str, int]:
        """Remove or anonymise the user's data here; returns counts (no personal data). Runs inside the
        caller's transaction: raise to undo everything."""

    def retention(self, retention: Retention) -> dict[str, int]:
        """Detach people from this app's contributions to the process; idempotent; returns counts."""


@dataclass
class PersonalDataRegistry:
    _providers: dict[str, PersonalDataProvider] = field(default_factory=dict)
    _placeholder: Callable[[], Any] | None = None
    _declared: dict[str, str] = field(default_factory=dict)

    def register(self, provider: PersonalDataProvider) -> None:
        if provider.key in self._providers:
            raise ValueError(f"personal data provider {provider.key!r} is already registered")
        self._providers[provider.key] = provider

    def declare(self, label: str, what: str) -> None:
        """A model without a provider of its own (another package's, or one without personal data) and
        what erasure does to it, or why it holds nothing about a person."""
        self._declared[label] = what

    def inventory(self) -> dict[str, str]:
        """Every declared model ("app_label.Model") and what erasure does to it."""
        out = dict(self._declared)
        for provider in self._providers.values():
            out.update(getattr(provider, "models", {}))
        return out

    def providers(self) -> list[PersonalDataProvider]:
        return list(self._providers.values())

    def keys(self) -> list[str]:
        return list(self._providers)

    def __contains__(self, key: str) -> bool:
        return key in self._providers

    def set_placeholder(self, factory: Callable[[], Any]) -> None:
        """The accounts app tells how to get the shared placeholder account."""
        self._placeholder = factory

    def placeholder(self) -> Any:
        if self._placeholder is None:
            raise RuntimeError("no placeholder account factory registered (the accounts app sets it)")
        return self._placeholder()


registry = PersonalDataRegistry()


def iso(value: datetime | None) -> str | None:
    """Dates in the download: ISO 8601, or null."""
    return value.isoformat() if value is not None else None
