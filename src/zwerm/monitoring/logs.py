"""Log records without personal data, as text (the demo) or as JSON lines (production, for the SIEM).

Loaded by the LOGGING setting before the apps are ready: no models here. `PersonalDataFilter` runs on
every record the console handler writes: it masks e-mail addresses, phone numbers, BSNs, IBANs, addresses
and licence plates (zwerm.core.redaction) and IP addresses in the message, the traceback and every extra
field, and drops the request object Django attaches to its own records (its text repeats the whole URL).
Names and texts of residents are never put into log messages by Zwerm; the browser test that reads every
line of a full flow (tests/browser/test_logs_without_personal_data.py) keeps it so."""

import ipaddress
import logging
import re

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

from zwerm.core.redaction import redact

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id"}
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def mask(text: str) -> str:
    text = redact(text).text if "@" in text or any(c.isdigit() for c in text) else text
    text = _IPV4.sub(lambda m: "[ip-adres]" if _is_address(m.group(0)) else m.group(0), text)
    return _IPV6.sub(lambda m: "[ip-adres]" if _is_address(m.group(0)) else m.group(0), text)


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask(record.getMessage()), None
        if record.exc_info:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        record.__dict__.pop("request", None)
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, mask(value))
        return True


class TextFormatter(logging.Formatter):
    """The demo's plain lines, with the request id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", None)
        return f"{line} [request {request_id}]" if request_id else line


class JsonFormatter(_JsonFormatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, extra fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", False)
        super().__init__(*args, **kwargs)

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        from datetime import UTC, datetime

        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
