"""The anonymous staff self-assessment: answers without a person, results only for groups of at least 5."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.participation import selectors, services
from zwerm.participation.models import MirrorAnswer, MirrorParticipation

from .conftest import get, post

QUARTER = "2026-Q4"


@pytest.fixture
def statements(municipality):
    services.mirror_statements_ensure_default(municipality=municipality)
    return list(selectors.mirror_statement_list(municipality=municipality))


def answer(municipality, user, statements, score=4, team="Groen"):
    services.mirror_answer(
        municipality=municipality, actor=user, quarter=QUARTER, scores={s.pk: score for s in statements}, team=team
    )


def test_answers_carry_no_person_and_one_answer_per_quarter(municipality, make_staff, statements):
    user = make_staff(Role.SPECIALIST)
    answer(municipality, user, statements)
    with pytest.raises(ValidationError, match="al ingevuld"):
        answer(municipality, user, statements)
    assert MirrorParticipation.objects.filter(user=user).count() == 1
    assert sum(a.count for a in MirrorAnswer.objects.all()) == len(statements)
    assert not any(f.name in ("user", "created_at") for f in MirrorAnswer._meta.get_fields())
    other = make_staff(Role.MODERATOR)
    answer(municipality, other, statements)  # the same scores: counted in the same rows, no row of their own
    assert MirrorAnswer.objects.count() == len(statements) and {a.count for a in MirrorAnswer.objects.all()} == {2}


def test_results_only_from_five_people_and_teams_only_from_five(municipality, make_staff, statements):
    for i in range(4):
        answer(municipality, make_staff(Role.PROCESS_LEAD), statements, score=2 + i % 2)
    assert selectors.mirror_results(municipality=municipality, quarter=QUARTER)["people"] is None
    answer(municipality, make_staff(Role.PROCESS_LEAD), statements, score=5, team="Ander team")
    results = selectors.mirror_results(municipality=municipality, quarter=QUARTER)
    assert results["people"] == 5 and len(results["statements"]) == len(statements)
    assert results["teams"] == []  # Groen has 4, Ander team 1


def test_residents_cannot_answer_and_every_statement_needs_a_score(municipality, resident, make_staff, statements):
    with pytest.raises(PermissionDenied):
        answer(municipality, resident, statements)
    with pytest.raises(ValidationError, match="elke stelling"):
        services.mirror_answer(
            municipality=municipality, actor=make_staff(Role.MODERATOR), quarter=QUARTER, scores={statements[0].pk: 3}
        )
    assert not MirrorAnswer.objects.exists()


def test_staff_see_the_mirror_and_fill_in_the_self_assessment(municipality, make_staff, statements):
    user = make_staff(Role.SPECIALIST)
    client = staff_login(Client(), user)
    page = get(client, "/participatie/spiegel").content.decode()
    assert "De spiegel van de organisatie" in page and "minstens 5 medewerkers" in page
    response = post(client, "/participatie/spiegel/zelfscan", {"team": "Groen"})
    assert response.status_code == 400 and "Kies een antwoord" in response.content.decode()
    response = post(client, "/participatie/spiegel/zelfscan", {f"s{s.pk}": "4" for s in statements})
    assert response.status_code == 302 and MirrorParticipation.objects.count() == 1


def test_residents_do_not_see_the_mirror(municipality, resident):
    client = Client()
    client.force_login(resident)
    assert get(client, "/participatie/spiegel").status_code in (302, 403)
