"""The results page per wijk: agree shares per statement, never a figure about fewer than 5 people."""

import re

import pytest

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.dialogues import services
from zwerm.dialogues.models import Vote
from zwerm.places.services import district_save

HOST = "testdam.localhost"


@pytest.fixture
def dialogue(make_staff, municipality):
    return services.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Ons plein",
        question="Hoe maken we het plein beter?",
        seed_statements=["Meer groen", "Minder auto's", "Een speeltuin"],
    )


def _voters(dialogue, municipality, district, count, votes):
    for _ in range(count):
        p = services.participant_for(dialogue=dialogue, user=make_resident(municipality), district=district)
        for statement, value in votes:
            Vote.objects.create(participant=p, statement=statement, value=value)


def test_the_page_shows_agree_shares_per_wijk_and_hides_small_numbers(client, dialogue, municipality, neighbourhood):
    green, cars, playground = dialogue.statements.order_by("pk")
    noord = neighbourhood.district
    zuid = district_save(municipality=municipality, code="WK000199", name="Zuidhoek")
    kleine = district_save(municipality=municipality, code="WK000198", name="Kleinewijk")
    # Noord: 6 people, all agree on green, 4 of them say no to cars; the 2 others skip cars
    _voters(dialogue, municipality, noord, 4, [(green, 1), (cars, -1), (playground, 1)])
    _voters(dialogue, municipality, noord, 2, [(green, 1), (playground, -1)])
    # Zuid: 5 people, 3 of 5 agree on green
    _voters(dialogue, municipality, zuid, 3, [(green, 1), (cars, 1), (playground, 1)])
    _voters(dialogue, municipality, zuid, 2, [(green, -1), (cars, 1), (playground, -1)])
    # Kleinewijk: 3 people, never shown
    _voters(dialogue, municipality, kleine, 3, [(green, -1), (cars, -1), (playground, -1)])
    services.dialogue_analyse(dialogue=dialogue)

    html = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).content.decode()
    table = html[html.index('id="districts"') :]
    assert noord.name in table and "Zuidhoek" in table
    assert "Kleinewijk" not in table
    row = lambda text: re.search(rf"{re.escape(text)}</th>(.*?)</tr>", table, re.S).group(1)  # noqa: E731
    assert "100% (6 stemmen)" in row("Meer groen") and "60% (5 stemmen)" in row("Meer groen")
    assert "minder dan 5 stemmen" in row("Minder auto&#x27;s")  # Noord: only 4 votes on it
    assert "100% (5 stemmen)" in row("Minder auto&#x27;s")  # Zuid
    assert "67% (6 stemmen)" in row("Een speeltuin")
