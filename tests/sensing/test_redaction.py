"""Personal data in Dutch formats never reaches analysis."""

import pytest
from faker import Faker

from zwerm.sensing.engine.prepare import prepare
from zwerm.sensing.engine.redaction import RedactionPolicy, name_cache_exists, redact

fake = Faker("nl_NL")
Faker.seed(4)


def masked(text: str, placeholder: str) -> bool:
    return placeholder in redact(text).text


@pytest.mark.parametrize("seed", range(20))
def test_faker_personal_data_of_every_kind_is_masked(seed):
    Faker.seed(seed)
    email, bsn, iban = fake.email(), fake.ssn(), fake.iban()
    address = f"{fake.postcode()} {fake.building_number()}"
    plate = fake.license_plate()
    text = (
        f"Mail {email} of stuur naar rekening {iban}. Mijn BSN is {bsn} en ik woon op {address} "
        f"sinds kort. De auto met kenteken {plate} staat al weken op de stoep."
    )
    result = redact(text)
    for value in (email, bsn, iban, address, plate):
        assert value not in result.text
    assert {"email", "bsn", "iban", "postcode_house_number", "licence_plate"} <= set(result.kinds)


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "+31 6 12345678",
        "+31(0)6-12345678",
        "0031 6 12345678",
        "020-1234567",
        "010 123 4567",
        "(020) 123 45 67",
        "+31 20 123 4567",
    ],
)
def test_dutch_phone_formats_are_masked(number):
    result = redact(f"Bel mij op {number} graag.")
    assert result.text == "Bel mij op [telefoonnummer] graag."


def test_faker_phone_numbers_are_masked_even_in_unassigned_ranges():
    Faker.seed(11)
    numbers = [n for n in (fake.phone_number() for _ in range(300)) if not n.lstrip("(").startswith("00")]
    missed = [n for n in numbers if "[telefoonnummer] graag" not in redact(f"Bel {n} graag").text]
    assert missed == []


def test_bsn_needs_the_eleven_test():
    assert masked("BSN 111222333 is van mij", "[bsn]")
    assert not masked("Bestelnummer 111222334 is verzonden", "[bsn]")


def test_bsn_followed_by_a_comma_is_masked():
    assert masked("Mijn BSN is 111222333, graag snel.", "[bsn]")


def test_an_invalid_iban_checksum_is_left_alone():
    assert masked("NL91ABNA0417164300", "[rekeningnummer]")
    assert not masked("NL92ABNA0417164300", "[rekeningnummer]")


def test_prepare_masks_before_analysis():
    prepared = prepare("Bel 06-12345678 of mail piet@example.nl over de kapotte lantaarnpaal")
    assert "12345678" not in prepared.text and "piet" not in " ".join(prepared.lemmas)
    assert set(prepared.redacted_kinds) == {"email", "phone"}
    assert "lantaarnpaal" in prepared.lemmas


def test_names_are_off_by_default():
    assert redact("Jan Jansen meldt een kapotte stoep").text == "Jan Jansen meldt een kapotte stoep"


@pytest.mark.deduce
@pytest.mark.skipif(not name_cache_exists(), reason="deduce cache not built (run build_name_cache(), ~90 s)")
def test_names_are_masked_with_deduce():
    Faker.seed(7)
    name = fake.name()
    result = redact(f"Mijn buurman {name} zegt dat de stoep kapot is.", policy=RedactionPolicy(names=True))
    assert name not in result.text and "[naam]" in result.text
