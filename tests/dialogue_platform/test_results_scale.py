"""The results page and the list stay the same size and the same number of queries as a dialogue grows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.dialogues import results, services
from zwerm.dialogues.models import Vote
from zwerm.places.services import district_save

HOST = "testdam.localhost"


@pytest.fixture
def process_lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


def make_dialogue(process_lead, municipality, title="Ons plein"):
    return services.dialogue_create(
        author=process_lead,
        municipality=municipality,
        title=title,
        question="Hoe maken we het plein beter?",
        seed_statements=["Meer groen", "Minder auto's", "Een speeltuin"],
    )


def vote(dialogue, municipality, district, count, values):
    statements = list(dialogue.statements.order_by("pk"))
    for _ in range(count):
        p = services.participant_for(dialogue=dialogue, user=make_resident(municipality), district=district)
        for statement, value in zip(statements, values, strict=True):
            Vote.objects.create(participant=p, statement=statement, value=value)


def results_page(client, dialogue):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST)
    assert response.status_code == 200
    html = re.sub(r'csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return html, len(ctx.captured_queries)


def test_a_large_map_is_a_density_grid_with_group_outlines_in_numbers_every_browser_reads(
    client, process_lead, municipality, neighbourhood, monkeypatch
):
    dialogue = make_dialogue(process_lead, municipality)
    vote(dialogue, municipality, neighbourhood.district, 7, [1, 1, -1])
    vote(dialogue, municipality, neighbourhood.district, 7, [-1, -1, 1])
    services.dialogue_analyse(dialogue=dialogue)
    html, _ = results_page(client, dialogue)
    assert html.count("<circle") == 14 and "<polygon" not in html

    monkeypatch.setattr(results, "DENSITY_FROM", 5)
    services.dialogue_analyse(dialogue=dialogue)  # a new snapshot: the page is drawn anew
    html, _ = results_page(client, dialogue)
    svg = html[html.index("<svg role") : html.index("</svg>")]
    assert "<circle" not in svg and 'fill-opacity="' in svg and svg.count("<polygon") >= 1
    numbers = re.findall(r'(?:x|y|width|height|fill-opacity|points)="([^"]*)"', svg)
    assert numbers and all("," not in n or re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", n) for n in numbers)


def test_the_results_page_takes_the_same_queries_with_more_wijken_and_fewer_after_the_first_view(
    client, process_lead, municipality, neighbourhood
):
    dialogue = make_dialogue(process_lead, municipality)
    vote(dialogue, municipality, neighbourhood.district, 6, [1, 1, -1])
    zuid = district_save(municipality=municipality, code="WK000199", name="Zuidhoek")
    vote(dialogue, municipality, zuid, 6, [-1, -1, 1])
    services.dialogue_analyse(dialogue=dialogue)
    html, cold = results_page(client, dialogue)
    again, warm = results_page(client, dialogue)
    assert "Zuidhoek" in html and again == html
    assert warm < cold  # the second visitor gets what the first computed for this snapshot
    for n in range(3):
        district = district_save(municipality=municipality, code=f"WK00019{n}", name=f"Wijk {n}")
        vote(dialogue, municipality, district, 5, [1, -1, 1])
    services.dialogue_analyse(dialogue=dialogue)
    html, more_cold = results_page(client, dialogue)
    _, more_warm = results_page(client, dialogue)
    assert "Wijk 2" in html and more_cold <= cold and more_warm == warm  # (the first view also warmed the host cache)


def test_the_dialogue_list_comes_in_pages_with_participants(client, process_lead, municipality, settings):
    settings.ZWERM_PAGE_SIZE = 2
    dialogues = [make_dialogue(process_lead, municipality, title=f"Dialoog {i}") for i in range(3)]
    vote(dialogues[2], municipality, None, 6, [1, 1, -1])
    first = client.get("/dialogen/", HTTP_HOST=HOST).content.decode()
    assert "Dialoog 2" in first and "Dialoog 1" in first and "Dialoog 0" not in first
    assert "6 deelnemers" in first  # counted for the dialogues of this page only
    assert 'rel="next" href="?pagina=2"' in first
    second = client.get("/dialogen/?pagina=2", HTTP_HOST=HOST).content.decode()
    assert "Dialoog 0" in second and "Dialoog 2" not in second
