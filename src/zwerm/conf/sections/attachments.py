"""Photos and documents (zwerm.attachments): limits and where the files are kept (docs/operations.md)."""

from ..env import env_choice, env_int, env_str
from .paths import DATA_DIR

# Largest upload accepted, in bytes: an image (before it is re-encoded) and a PDF document.
ZWERM_IMAGE_MAX_BYTES = env_int("ZWERM_IMAGE_MAX_BYTES", 10 * 1024 * 1024)
ZWERM_DOCUMENT_MAX_BYTES = env_int("ZWERM_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
# Images with more pixels are refused before they are decoded (a small file can unpack into a huge image).
ZWERM_IMAGE_MAX_PIXELS = env_int("ZWERM_IMAGE_MAX_PIXELS", 40_000_000)
# The published image is at most this many pixels on its longest side (besides a 640 x 360 card rendition).
ZWERM_IMAGE_MAX_SIDE = env_int("ZWERM_IMAGE_MAX_SIDE", 1600)
# Attachments per initiative, budget project, ...
ZWERM_ATTACHMENTS_PER_ITEM = env_int("ZWERM_ATTACHMENTS_PER_ITEM", 6)

# Where the files are kept: "filesystem" (a folder, ZWERM_ATTACHMENT_ROOT) or "s3" (any S3-compatible store
# through django-storages, which is then to be installed: pip install "django-storages[s3]").
ZWERM_ATTACHMENT_STORAGE = env_choice("ZWERM_ATTACHMENT_STORAGE", "filesystem", ("filesystem", "s3"))
ZWERM_ATTACHMENT_ROOT = env_str("ZWERM_ATTACHMENT_ROOT", str(DATA_DIR / "attachments"))


def attachment_storage() -> dict:
    """The STORAGES entry "attachments". The files are never served from the storage's own URL: Zwerm
    serves them itself after checking that the visitor may see them (hidden images stay hidden)."""
    if ZWERM_ATTACHMENT_STORAGE == "s3":
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env_str("ZWERM_S3_BUCKET", ""),
                "endpoint_url": env_str("ZWERM_S3_ENDPOINT_URL", "") or None,
                "region_name": env_str("ZWERM_S3_REGION", "") or None,
                "location": env_str("ZWERM_S3_PREFIX", "attachments"),
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ZWERM_ATTACHMENT_ROOT, "base_url": None},
    }
