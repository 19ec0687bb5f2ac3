"""Logging filters. A refused request (403 for a missing role, 400 for a bad host or body) is the visitor's
mistake, not a fault in Zwerm: the log keeps one line for it, without the traceback that made every 403 in
the demo print two full stack traces (issue #12.14). Server errors (5xx) keep their traceback."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
