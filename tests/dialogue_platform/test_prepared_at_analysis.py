"""A dialogue's pages read what the analysis prepared (issue 19): the results page, the participation figures
and the order in which statements are offered are computed when a snapshot is made, not while a visitor waits;
no page counts every vote, and each takes the same queries however many votes there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.dialogues import results, selectors, services
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
        seed_statements=["Meer groen", "Minder auto's", "Een speeltuin", "Bankjes"],
    )


def vote(dialogue, municipality, district, count, values):
    statements = list(dialogue.statements.order_by("pk"))
    for _ in range(count):
        p = services.participant_for(dialogue=dialogue, user=make_resident(municipality), district=district)
        for statement, value in zip(statements, values, strict=False):
            if value is not None:
                Vote.objects.create(participant=p, statement=statement, value=value)


def queries(client, url):
    client.get(url, HTTP_HOST=HOST)  # the host look-up is cached after the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def test_no_visitor_computes_the_results_the_analysis_prepared_them(
    client, dialogue, municipality, neighbourhood, monkeypatch
):
    vote(dialogue, municipality, neighbourhood.district, 6, [1, 1, -1, 1])
    vote(dialogue, municipality, neighbourhood.district, 6, [-1, -1, 1, 1])
    services.dialogue_analyse(dialogue=dialogue)

    def refuse(*args, **kwargs):
        raise AssertionError("computed while a visitor waits")

    monkeypatch.setattr(results, "results_derived", refuse)
    monkeypatch.setattr(selectors, "dialogue_counts", refuse)
    html, sql = queries(client, f"/dialogen/{dialogue.pk}/resultaten")
    assert "Meningsgroepen" in html and "12" in html
    # the dialogue and the latest snapshot's head (not its result: a point per participant), the wijken's
    # outlines for the map; no vote read, nothing counted
    assert not any("COUNT(" in q or "dialogues_vote" in q for q in sql), sql
    assert not any('"result"' in q for q in sql)
    detail, detail_sql = queries(client, f"/dialogen/{dialogue.pk}")
    assert "Ons plein" in detail and not any("COUNT(" in q and "dialogues_vote" in q for q in detail_sql)


def test_the_pages_take_the_same_queries_with_ten_times_the_votes_and_more_wijken(
    client, dialogue, municipality, neighbourhood
):
    vote(dialogue, municipality, neighbourhood.district, 6, [1, 1, -1, 1])
    services.dialogue_analyse(dialogue=dialogue)
    _, results_before = queries(client, f"/dialogen/{dialogue.pk}/resultaten")
    _, detail_before = queries(client, f"/dialogen/{dialogue.pk}")
    for n in range(3):
        district = district_save(municipality=municipality, code=f"WK00019{n}", name=f"Wijk {n}")
        vote(dialogue, municipality, district, 20, [-1, -1, 1, 0])
    services.dialogue_analyse(dialogue=dialogue)
    html, results_after = queries(client, f"/dialogen/{dialogue.pk}/resultaten")
    _, detail_after = queries(client, f"/dialogen/{dialogue.pk}")
    assert "Wijk 2" in html and "66" in html
    assert len(results_after) == len(results_before) and len(detail_after) == len(detail_before)


def test_the_next_statement_is_the_least_voted_at_the_last_analysis_without_counting_votes(
    dialogue, municipality, neighbourhood
):
    first, second, third, fourth = dialogue.statements.order_by("pk")
    vote(dialogue, municipality, None, 3, [1, 1, 1, None])  # the fourth has no votes
    vote(dialogue, municipality, None, 2, [1, None, 1, 1])  # the second is now the least voted
    vote(dialogue, municipality, None, 2, [None, None, None, 1])
    services.dialogue_analyse(dialogue=dialogue)
    assert selectors.statement_vote_counts(dialogue=dialogue) == {first.pk: 5, second.pk: 3, third.pk: 5, fourth.pk: 4}
    newcomer = services.participant_for(dialogue=dialogue, user=make_resident(municipality))
    with CaptureQueriesContext(connection) as ctx:
        offered = selectors.statement_next(dialogue=dialogue, participant=newcomer)
    assert offered == second
    assert len(ctx.captured_queries) == 1 and "COUNT(" not in ctx.captured_queries[0]["sql"]
    services.vote_cast(participant=newcomer, statement=second, value=1)
    assert selectors.statement_next(dialogue=dialogue, participant=newcomer) == fourth  # not what was voted
    # a statement newer than the analysis counts as none yet, so it is offered first
    new = services.statement_submit(participant=newcomer, text="Een bloemenwei")
    services.statement_moderate(statement=new, approve=True, moderator=dialogue.created_by)
    assert selectors.statement_next(dialogue=dialogue, participant=newcomer) == new
