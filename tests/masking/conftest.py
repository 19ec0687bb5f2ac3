"""Masking tests: deduce's names switch on where a test asks for them (and only with the name cache built)."""

import pytest

from zwerm.core.redaction import name_cache_exists

needs_deduce = pytest.mark.skipif(
    not name_cache_exists(), reason="deduce cache not built (zwerm sensing name-cache, ~90 s; scripts/setup builds it)"
)


@pytest.fixture
def names_on(settings):
    """Public text as production masks it: names with deduce, in the background task that publishes it."""
    if not name_cache_exists():
        pytest.skip("deduce cache not built (zwerm sensing name-cache, ~90 s; scripts/setup builds it)")
    settings.ZWERM_MASK_NAMES = True
