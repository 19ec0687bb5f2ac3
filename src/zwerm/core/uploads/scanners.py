"""The virus-scanner plug-in: a registry of scanners by name, one chosen by the setting ZWERM_VIRUS_SCANNER.

Zwerm ships "clamav" (clamd, `zwerm.core.uploads.clamav`); another scanner registers itself with
`scanner_register(name, factory)` from its app's `ready()`. Empty or "none" means no scanner: the size and type
checks still hold. A scanner that cannot answer raises `ScannerUnavailable`, and the upload is then refused
(fail closed): a file that nobody checked is not stored while a check is configured."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NO_SCANNER = ("", "none")


class ScannerUnavailable(Exception):
    """The scanner gave no verdict: not running, not reachable, too slow, or an error of its own."""


@dataclass(frozen=True)
class ScanResult:
    infected: bool
    signature: str = ""  # the scanner's name for what it found (for the log, never shown to the uploader)


class VirusScanner(Protocol):
    @property
    def name(self) -> str:
        """The name it is registered under (for the log)."""
        ...

    def scan(self, chunks: Iterable[bytes]) -> ScanResult:
        """The verdict on a file given as a stream of pieces; raises ScannerUnavailable without one."""
        ...

    def ping(self) -> bool:
        """Whether the scanner answers (for `zwerm check_virus_scanner` and operations)."""
        ...


_factories: dict[str, Callable[[], VirusScanner]] = {}


def scanner_register(name: str, factory: Callable[[], VirusScanner]) -> None:
    """Make a scanner available under `name` for ZWERM_VIRUS_SCANNER; `factory` builds it from the settings."""
    _factories[name] = factory


def scanner_names() -> list[str]:
    return sorted(_factories)


def virus_scanner() -> VirusScanner | None:
    """The configured scanner, or None when none is configured."""
    name = (getattr(settings, "ZWERM_VIRUS_SCANNER", "") or "").strip()
    if name in NO_SCANNER:
        return None
    try:
        factory = _factories[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"ZWERM_VIRUS_SCANNER={name!r} is no known virus scanner; use one of: none, {', '.join(scanner_names())}."
        ) from None
    return factory()


def check_scanner_setting(app_configs=None, **kwargs) -> list:
    """System check: ZWERM_VIRUS_SCANNER names a registered scanner (a typo must not mean "no scanner")."""
    from django.core.checks import Error

    try:
        virus_scanner()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="zwerm.E028")]
    return []
