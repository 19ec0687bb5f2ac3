from ..env import env_bool, env_choice, env_str
from .apps import PRODUCTION

# text: plain lines for a person at a terminal (the demo); json: one JSON object per line for the SIEM.
ZWERM_LOG_FORMAT = env_choice("ZWERM_LOG_FORMAT", "text", ("text", "json"))
# One line per request (method, path without query string, status, time; never who): zwerm.monitoring.access_log.
ZWERM_ACCESS_LOG = env_bool("ZWERM_ACCESS_LOG", PRODUCTION)
# `Authorization: Bearer <token>` for /metrics; empty: no metrics are served at all.
ZWERM_METRICS_TOKEN = env_str("ZWERM_METRICS_TOKEN", "")

# X-Request-ID: taken from the reverse proxy when it sends a valid one, else made; returned on every response.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
    "IGNORE_URLS": ["gezondheid/live", "gezondheid/klaar", "metrics"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "django_guid.log_filters.CorrelationId", "correlation_id_field": "request_id"},
        "no_personal_data": {"()": "zwerm.monitoring.logs.PersonalDataFilter"},
        "no_traceback_for_client_errors": {"()": "zwerm.core.log_filters.NoTracebackForClientErrors"},
    },
    "formatters": {
        "text": {"()": "zwerm.monitoring.logs.TextFormatter", "format": "%(levelname)s %(name)s: %(message)s"},
        "json": {"()": "zwerm.monitoring.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "no_personal_data"],
            "formatter": ZWERM_LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("ZWERM_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler (DEBUG only) would write past the filter: its records go to ours.
        "django": {"level": "INFO"},
        "django.server": {"level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},
        # One line per refused request (403, 400); server errors (5xx) keep their traceback.
        "django.request": {"filters": ["no_traceback_for_client_errors"]},
        "django.security": {"filters": ["no_traceback_for_client_errors"]},
    },
}
