"""Routing: a category with a confidence; low confidence goes to a person."""

import pytest

from zwerm.sensing.engine.routing import RouterConfig, evaluate_router, train_router
from zwerm.sensing.engine.synthetic import synthetic_rows


@pytest.fixture(scope="module")
def trained():
    history = synthetic_rows(800, seed=21)
    return train_router([r.text for r in history.rows], list(history.themes))


def test_router_predicts_the_category_of_new_texts(trained):
    new = synthetic_rows(200, seed=22)
    score = evaluate_router(trained, [r.text for r in new.rows], list(new.themes))
    assert score.accuracy > 0.85 and score.macro_f1 > 0.85
    assert score.n == 200


def test_a_clear_text_is_routed_with_confidence(trained):
    route = trained.route("De container in de Lindenlaan puilt uit en het afval stinkt")
    assert route.category == "afval" and not route.needs_person
    assert route.alternatives and route.alternatives[0][1] < route.confidence
    assert any("afval" in word or "container" in word for word, _ in trained.reasons("De container puilt uit"))


def test_an_unclear_text_is_handed_to_a_person(trained):
    route = trained.route("Ik heb een vraag over iets anders.")
    assert route.needs_person and route.confidence < RouterConfig().threshold


def test_routing_needs_two_categories():
    with pytest.raises(ValueError, match="two categories"):
        train_router(["a b c", "d e f"], ["x", "x"])
