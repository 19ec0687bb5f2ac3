"""Alerts in words a civil servant reads (issue #12.4): what happened against what is normal, with the exact
statistics apart; dates and numbers in the page's language, never "p=2.4e-08" in the sentence."""

from types import SimpleNamespace

from django.utils import translation

from zwerm.sensing.wording import alert_wording, week_words

SPIKE = SimpleNamespace(
    kind="spike", count=34, expected=7.8, period="2026-W14", p_value=2.3e-28, q_value=0.0004, ratio=4.36
)


def test_a_spike_is_told_in_words_with_the_normal_level():
    with translation.override("nl"):
        wording = alert_wording(SPIKE)
    assert wording.summary == ("Meer dan gewoonlijk: 34 teksten in week 14 (30 maart – 5 april 2026), verwacht 4–11.")
    assert "e-" not in wording.summary and "p=" not in wording.summary


def test_the_exact_figures_are_kept_apart_in_the_pages_notation():
    with translation.override("nl"):
        statistics = " ".join(alert_wording(SPIKE).statistics)
    assert "7,8 teksten" in statistics and "4,36 keer" in statistics
    assert "2,3 × 10⁻²⁸" in statistics
    assert "4,0 × 10⁻⁴" in statistics  # 0.0004 is not rounded away to 0,000


def test_an_emerging_theme_and_a_decline_read_differently():
    emerging = SimpleNamespace(**{**vars(SPIKE), "kind": "emerging", "expected": 0.2})
    decline = SimpleNamespace(**{**vars(SPIKE), "kind": "decline", "count": 1, "expected": 12.0, "ratio": None})
    with translation.override("nl"):
        assert alert_wording(emerging).summary.startswith("Nieuw onderwerp: 34 teksten")
        assert alert_wording(emerging).summary.endswith("normaal (bijna) geen.")
        assert alert_wording(decline).summary.startswith("Minder dan gewoonlijk: 1 tekst in week 14")
        assert alert_wording(decline).summary.endswith("verwacht 8–17.")


def test_weeks_across_a_new_year_and_in_english():
    with translation.override("nl"):
        assert week_words("2026-W01") == "week 1 (29 december 2025 – 4 januari 2026)"
        assert week_words("niet-een-week") == "niet-een-week"
    with translation.override("en"):
        assert "April 2026" in week_words("2026-W14")


def test_people_lead_with_their_texts_beside():
    counted = SimpleNamespace(**{**vars(SPIKE), "people": 21})
    with translation.override("nl"):
        summary = alert_wording(counted).summary
    assert summary.startswith("Meer dan gewoonlijk: 21 mensen (34 teksten) in week 14")
