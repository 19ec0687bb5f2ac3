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
    # Kleinewijk: 3 people, never shown; 2 more who gave no wijk, so that the total minus the wijken shown
    # (3 + 2) does not give Kleinewijk away and Zuidhoek need not be held back for it
    _voters(dialogue, municipality, kleine, 3, [(green, -1), (cars, -1), (playground, -1)])
    _voters(dialogue, municipality, None, 2, [(green, 1), (cars, 1), (playground, 1)])
    services.dialogue_analyse(dialogue=dialogue)

    html = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).content.decode()
    shown = html[html.index('id="district-participants"') : html.index('id="district-statements"')]
    assert 'Kleinewijk</th><td class="utrecht-table__cell">onvoldoende gegevens' in shown
    assert ">6</td>" in shown and ">5</td>" in shown and ">3</td>" not in shown
    table = html[html.index('id="district-statements"') :]
    assert noord.name in table and "Zuidhoek" in table
    assert "Kleinewijk" not in table
    row = lambda text: re.search(rf"{re.escape(text)}</th>(.*?)</tr>", table, re.S).group(1)  # noqa: E731
    assert "100% (6 stemmen)" in row("Meer groen") and "60% (5 stemmen)" in row("Meer groen")
    assert "niet getoond" in row("Minder auto&#x27;s")  # Noord: only 4 votes on it
    assert "100% (5 stemmen)" in row("Minder auto&#x27;s")  # Zuid
    assert "67% (6 stemmen)" in row("Een speeltuin")


def test_a_wijk_given_away_by_the_total_is_held_back_too(client, dialogue, municipality, neighbourhood):
    """Noord 6, Zuidhoek 5, Kleinewijk 3 and nobody else: 14 participants on the list page, so showing 6 and 5
    would leave 3 for Kleinewijk. Zuidhoek is held back as well, in the same words as a small wijk."""
    green, cars, playground = dialogue.statements.order_by("pk")
    zuid = district_save(municipality=municipality, code="WK000199", name="Zuidhoek")
    kleine = district_save(municipality=municipality, code="WK000198", name="Kleinewijk")
    _voters(dialogue, municipality, neighbourhood.district, 6, [(green, 1), (cars, -1), (playground, 1)])
    _voters(dialogue, municipality, zuid, 5, [(green, 1), (cars, 1), (playground, 1)])
    _voters(dialogue, municipality, kleine, 3, [(green, -1), (cars, -1), (playground, -1)])
    services.dialogue_analyse(dialogue=dialogue)

    html = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    total = int(re.search(r"Deelnemers: (?:meer dan )?(\d+)", text).group(1))
    assert total - 6 not in range(1, 5)  # 14 (or what the opinion groups leave of it) minus the wijk shown
    shown = html[html.index('id="district-participants"') : html.index("</table>", html.index("district-participants"))]
    assert 'Zuidhoek</th><td class="utrecht-table__cell">onvoldoende gegevens' in shown
    assert 'Kleinewijk</th><td class="utrecht-table__cell">onvoldoende gegevens' in shown
    assert ">6</td>" in shown and ">5</td>" not in shown
    statements = html[html.index('id="district-statements"') :]
    assert "Zuidhoek" not in statements
