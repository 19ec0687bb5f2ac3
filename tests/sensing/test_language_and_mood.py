"""Language detection, lemmas and stop words, and the transparent mood score."""

import pytest

from zwerm.sensing.engine.language import detect
from zwerm.sensing.engine.mood import score_text, summarise
from zwerm.sensing.engine.normalise import analyse


@pytest.mark.parametrize(
    "text, code",
    [
        ("De lantaarnpaal in onze straat is al weken kapot", "nl"),
        ("The street light in our road has been broken for weeks", "en"),
        ("Die Straßenlaterne in unserer Straße ist seit Wochen kaputt", "de"),
    ],
)
def test_language_is_detected(text, code):
    assert detect(text).code == code


def test_short_text_falls_back_to_the_default_language():
    language = detect("ok!", default="nl")
    assert language.code == "nl" and not language.guessed


def test_lemmas_without_stop_words_but_with_negations():
    assert analyse("De fietsen stonden niet op de stoepen", "nl").lemmas == ("fiets", "stond", "niet", "stoep")
    assert "keine" in analyse("Es gibt keine Radwege", "de").lemmas


def test_negation_turns_a_positive_word_negative():
    assert score_text("Het park is mooi", "nl").score > 0
    negated = score_text("Het park is niet mooi", "nl")
    assert negated.score < 0
    assert negated.evidence[0][0].startswith("niet")


def test_intensifier_strengthens_and_clause_boundary_stops_negation():
    assert score_text("Het park is heel mooi", "nl").score > score_text("Het park is mooi", "nl").score
    mixed = score_text("Niet slecht, de buurt is fijn", "nl")
    assert dict(mixed.evidence)["fijn"] > 0


def test_english_and_unsupported_german():
    assert score_text("This is not good", "en").score < 0
    assert score_text("Der Weg ist schlecht", "de").supported is False


def test_mood_summary_hides_small_groups():
    scores = [score_text("Het is slecht", "nl")] * 4 + [score_text("Het is goed", "nl")] * 6
    summary = summarise([("T1",)] * 4 + [("T2",)] * 6, scores)
    by_key = {s.key: s for s in summary}
    assert by_key[("T1",)].public is False and by_key[("T2",)].public is True
    assert by_key[("T1",)].share_negative == 1.0
