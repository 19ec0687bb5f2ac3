import pytest
from django.core.exceptions import ValidationError

from zwerm.core.text import clean_text


def test_text_is_trimmed():
    assert clean_text("  Hallo  ", field_label="de titel", max_length=10) == "Hallo"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Vul de titel in"),
        ("   ", "Vul de titel in"),
        ("x" * 51, "te lang: 51 tekens, het maximum is 50"),
        ("<b>vet</b>", "HTML of code"),
        ("<script>alert(1)</script>", "HTML of code"),
        ("klik javascript:alert(1)", "HTML of code"),
        ("a\x00b", "stuurtekens"),
    ],
)
def test_bad_text_gets_a_clear_dutch_message(value, message):
    with pytest.raises(ValidationError, match=message):
        clean_text(value, field_label="de titel", max_length=50)


def test_comparisons_are_not_markup():
    assert clean_text("3 < 5 en 7 > 4", field_label="de tekst", max_length=100) == "3 < 5 en 7 > 4"
