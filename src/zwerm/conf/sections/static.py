from ..env import env_str
from .apps import PRODUCTION
from .attachments import attachment_storage
from .paths import DATA_DIR

STATIC_URL = "/static/"
STATIC_ROOT = env_str("ZWERM_STATIC_ROOT", str(DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
    # Photos and documents (zwerm.attachments), served by Zwerm itself after a visibility check.
    "attachments": attachment_storage(),
}
