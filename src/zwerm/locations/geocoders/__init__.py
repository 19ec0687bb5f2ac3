"""Pluggable geocoders: an address or street typed by a resident becomes a point (ADR 0026).

ZWERM_GEOCODER names one: "" (none, the default: residents pick the buurt or the place on the map), "pdok"
(the national PDOK Locatieserver, for production) or the dotted path of a class with the same shape. The text
typed is sent to the geocoder and then forgotten: only the point is stored, never the address.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from zwerm.core.models import Municipality

from ..points import Point


@dataclass(frozen=True)
class Found:
    point: Point
    label: str  # what was found, as the geocoder names it (for the resident's own check, never stored)


class GeocoderUnavailable(Exception):
    """The geocoder did not answer (in time); the resident can still pick the place by hand."""


class Geocoder(Protocol):
    def geocode(self, text: str, *, municipality: Municipality) -> Found | None: ...


_registry: dict[str, Callable[[], Geocoder]] = {}


def register(name: str, factory: Callable[[], Geocoder]) -> None:
    _registry[name] = factory


def geocoder() -> Geocoder | None:
    """The configured geocoder, or None when none is set."""
    name = (getattr(settings, "ZWERM_GEOCODER", "") or "").strip()
    if not name:
        return None
    if name in _registry:
        return _registry[name]()
    try:
        return import_string(name)()
    except ImportError as e:
        raise ImproperlyConfigured(f"ZWERM_GEOCODER={name!r}: not a known geocoder ({', '.join(_registry)}).") from e


def _pdok() -> Geocoder:
    from .pdok import PdokLocatieserver

    return PdokLocatieserver.from_settings()


register("pdok", _pdok)
