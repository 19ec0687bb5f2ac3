"""Writes for sensing: the only way its rows change (views, API, commands, tasks and other apps call these)."""

from .api import api_token_create, api_token_revoke, api_token_valid, report_receive
from .imports import (
    CHUNK_BYTES,
    MAX_IMPORT_BYTES,
    ColumnMapping,
    report_import_csv,
    report_import_run,
    report_import_start,
)
from .ingest import text_ingest, text_ingest_later, text_ingest_source
from .public import public_picture_refresh, public_picture_store
from .refresh import refresh_later, refresh_run, sensing_refresh
from .themes import theme_rename

__all__ = [
    "CHUNK_BYTES",
    "MAX_IMPORT_BYTES",
    "ColumnMapping",
    "api_token_create",
    "api_token_revoke",
    "api_token_valid",
    "public_picture_refresh",
    "public_picture_store",
    "refresh_later",
    "refresh_run",
    "report_import_csv",
    "report_import_run",
    "report_import_start",
    "report_receive",
    "sensing_refresh",
    "text_ingest",
    "text_ingest_later",
    "text_ingest_source",
    "theme_rename",
]
