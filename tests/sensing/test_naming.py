"""Theme names as residents wrote them (issue #14.1): surface phrases, never led by a function word."""

from zwerm.sensing.engine.naming import label_coverage, led_by_function_word, name_candidates, theme_name

LEAVES = [
    "Er liggen weer bladeren op de stoep bij de school, graag opruimen.",
    "Bladeren op de stoep maken het glad voor fietsers.",
    "Niet opgeruimd: bladeren op de stoep in de Lindelaan.",
    "Echt veel bladeren op de stoep sinds vorige week.",
    "De bladeren op de stoep zijn nog steeds niet weggehaald.",
]
OTHERS = [
    "De container is niet geleegd en staat vol.",
    "Vuurwerkoverlast in de nacht, graag meer handhaving.",
    "Losliggende stoeptegels bij de bakker.",
    "De lantaarnpaal brandt niet meer.",
    "Container niet geleegd, er ligt afval naast.",
]


def test_the_name_is_a_phrase_from_the_texts_in_surface_form():
    name = theme_name(LEAVES, OTHERS)
    assert name == "bladeren op de stoep"
    assert label_coverage(name, LEAVES) == 1.0


def test_no_candidate_is_led_or_ended_by_a_function_word():
    for phrase, _score in name_candidates(LEAVES + OTHERS[:2], OTHERS[2:]):
        assert not led_by_function_word(phrase), phrase
        assert phrase.split()[-1] not in {"niet", "graag", "echt", "de", "op", "staat"}, phrase
    assert led_by_function_word("niet ophalen") and led_by_function_word("graag actie")


def test_no_texts_no_name():
    assert theme_name([], OTHERS) is None
