"""Writes for privacy: the AVG rights (download, delete), retention runs and the staff access log."""

from .access import personal_data_access_log, privacy_settings_set
from .erasure import account_erase, erase_mode_resolver
from .export import personal_data_export
from .retention import retention_run

__all__ = [
    "account_erase",
    "erase_mode_resolver",
    "personal_data_access_log",
    "personal_data_export",
    "privacy_settings_set",
    "retention_run",
]
