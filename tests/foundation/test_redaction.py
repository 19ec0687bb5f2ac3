import pytest

from zwerm.core.redaction import redact


@pytest.mark.parametrize(
    ("text", "kind", "leaked"),
    [
        ("Mail me: jan.jansen@example.nl", "email", "jan.jansen@example.nl"),
        ("Bel 06-12345678 na zessen", "phone", "12345678"),
        ("Bel +31 6 12345678", "phone", "12345678"),
        ("Bel 0031 20 1234567", "phone", "1234567"),
        ("Vast: 020-1234567", "phone", "1234567"),
        ("Mijn bsn is 111222333.", "bsn", "111222333"),
        ("BSN 123.456.782 staat op mijn pas", "bsn", "456"),
        ("Stort op NL91 ABNA 0417 1643 00 svp", "iban", "0417"),
        ("Stort op NL91ABNA0417164300", "iban", "NL91ABNA0417164300"),
        ("Ik woon op 1234 AB 12", "postcode_house_number", "1234 AB"),
        ("Adres: 3511AB 5a", "postcode_house_number", "3511AB"),
        ("Wij wonen op nummer 12, 1234AB Utrecht", "postcode_house_number", "1234AB"),
        ("De auto met kenteken AB-12-CD stond fout", "licence_plate", "AB-12-CD"),
    ],
)
def test_personal_data_is_masked_and_named(text, kind, leaked):
    result = redact(text)
    assert kind in result.kinds
    assert leaked not in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Er staan 123 bomen en in 2024 kwamen er 3500 bij.",
        "Het kost 111222334 euro",  # nine digits that fail the 11-test are not a BSN
        "Bel me niet, het is 12 uur.",
        "NL91 ABNA 0417 1643 01 is geen geldig rekeningnummer",
        "Tussen 2010 en 2020 is het plein twee keer verbouwd.",  # years, not a postcode
        "Op 12-05-2024 om 10:00 begint de markt.",
    ],
)
def test_ordinary_numbers_are_left_alone(text):
    result = redact(text)
    assert result.findings == ()
    assert result.text == text
