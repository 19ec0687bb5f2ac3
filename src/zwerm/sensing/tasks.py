"""Background work for sensing (tasks take ids). Each task lives beside the write it runs."""

from .services.imports import report_import_run
from .services.ingest import text_ingest_source
from .services.refresh import sensing_refresh

__all__ = ["report_import_run", "sensing_refresh", "text_ingest_source"]
