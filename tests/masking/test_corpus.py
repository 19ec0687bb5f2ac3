"""The one masking finds Dutch personal data in every way residents write it, and leaves the rest."""

import pytest

from zwerm.core.redaction import name_cache_exists, redact
from zwerm.sensing.engine.redaction import RedactionPolicy
from zwerm.sensing.engine.redaction import redact as sensing_redact

from .corpus import NAME_CASES, PATTERN_CASES, READABLE

needs_deduce = pytest.mark.skipif(
    not name_cache_exists(), reason="deduce cache not built (zwerm sensing name-cache, ~90 s; scripts/setup builds it)"
)


@pytest.mark.parametrize(("text", "leaks"), PATTERN_CASES)
def test_personal_data_is_masked(text, leaks):
    masked = redact(text).text
    assert [leak for leak in leaks if leak in masked] == [], masked


@pytest.mark.parametrize(("text", "leaks"), PATTERN_CASES)
def test_sensing_masks_exactly_as_public_text(text, leaks):
    assert sensing_redact(text).text == redact(text).text


@pytest.mark.parametrize("text", READABLE)
def test_ordinary_text_stays_readable(text):
    result = redact(text)
    assert (result.text, result.kinds) == (text, [])


@needs_deduce
@pytest.mark.parametrize(("text", "leaks"), NAME_CASES)
def test_names_without_a_cue_are_masked_with_deduce(text, leaks):
    masked = redact(text, names=True).text
    assert [leak for leak in leaks if leak in masked] == [], masked
    assert "[naam]" in masked
    assert sensing_redact(text, policy=RedactionPolicy(names=True)).text == masked


@needs_deduce
@pytest.mark.parametrize("text", READABLE)
def test_ordinary_text_stays_readable_with_deduce(text):
    assert redact(text, names=True).text == text
