"""Fixtures shared by every test: a municipality with places, and people in each role.

Data is built through the real services (as Zulip does), so tests exercise what users rely on."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHARED_DATA = Path(os.environ.get("ZWERM_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED_DATA} (set ZWERM_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def attachments_root(tmp_path_factory) -> Path:
    """One folder for the photos and documents of the whole run (module-wide data sets write there too)."""
    return tmp_path_factory.mktemp("attachments")


def attachments_storage(root: Path) -> dict:
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(root), "base_url": None},
    }


@pytest.fixture(autouse=True)
def _settings_for_tests(settings, attachments_root):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        # Photos and documents in the test's own folder, never in the checkout's data folder.
        "attachments": attachments_storage(attachments_root),
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.RATELIMIT_ENABLE = True
    # Public text is masked at once with the patterns; tests/masking switch deduce's names (and with them the
    # background masking) on where they need it.
    settings.ZWERM_MASK_NAMES = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.cache import cache
    from django.utils import translation

    from zwerm.core.selectors import municipality_cache_clear

    cache.clear()
    municipality_cache_clear()  # also each process's own short memo of host -> municipality
    translation.activate("nl")  # every test starts in the default language
    yield
    translation.deactivate()


from tests.foundation.builders import *  # noqa: E402,F401,F403  (fixtures)
