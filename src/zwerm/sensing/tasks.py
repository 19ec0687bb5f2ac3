"""Background work for sensing (tasks take ids). Each task lives beside the write it runs."""

from .services.imports import report_import_run
from .services.ingest import text_ingest_source
from .services.public import public_picture_refresh
from .services.refresh import sensing_refresh

__all__ = ["public_picture_refresh", "report_import_run", "sensing_refresh", "text_ingest_source"]
