from ..env import env_bool, env_int, env_str
from .apps import PRODUCTION
from .paths import DATA_DIR

# Demo: e-mails (log-in links, notifications) are written as files in data/mail; production sends by SMTP.
EMAIL_BACKEND = env_str(
    "ZWERM_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = env_str("ZWERM_EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_HOST = env_str("ZWERM_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("ZWERM_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("ZWERM_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("ZWERM_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("ZWERM_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("ZWERM_FROM_EMAIL", "Zwerm <noreply@zwerm.example>")
