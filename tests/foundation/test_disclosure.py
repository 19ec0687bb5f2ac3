"""The small-number rule in one module: figures, totals, shares and orderings never give away fewer than 5."""

import os
import subprocess
import sys

from django.utils import translation

from zwerm.core import disclosure


def test_a_count_below_five_has_no_value_and_says_fewer_than_five():
    assert disclosure.people(4).as_dict() == {"value": None, "display": "minder dan 5"}
    assert disclosure.people(0).value is None
    assert disclosure.people(None).value is None
    assert disclosure.people(5).as_dict() == {"value": 5, "display": "5"}


def test_the_wording_starts_a_sentence_and_is_translated():
    assert disclosure.people(2).sentence == "Minder dan 5"
    with translation.override("en"):
        assert disclosure.people(2).display == "fewer than 5"


def test_a_total_is_held_back_when_a_hidden_part_could_be_worked_out():
    # three wijken of 10, 12 and 3: 25 - 10 - 12 = 3
    figure = disclosure.total(25, [10, 12, 3])
    assert figure.value is None
    assert figure.display == "meer dan 22"
    # the missing part may also simply be left out of the list: the same
    assert disclosure.total(25, [10, 12]).value is None


def test_a_total_stays_exact_when_the_hidden_parts_together_are_five_or_more():
    assert disclosure.total(27, [10, 12, 3, 2]).value == 27
    assert disclosure.total(22, [10, 12]).value == 22
    assert disclosure.total(4, [4]).value is None


def test_a_breakdown_holds_back_the_smallest_shown_part_when_a_total_would_give_a_small_one_away():
    # wijken of 10, 6 and 3 next to a total of 19: 19 - 10 - 6 = 3, so 6 is held back as well
    figures = disclosure.breakdown({"noord": 10, "zuid": 6, "west": 3}, 19)
    assert [f.value for f in figures.values()] == [10, None, None]
    assert figures["zuid"].display == figures["west"].display == "onvoldoende gegevens"
    # what is left out of every wijk (no wijk given) counts as hidden too: 24 - 16 = 8 is safe
    assert [f.value for f in disclosure.breakdown({"noord": 10, "zuid": 6, "west": 3}, 24).values()] == [10, 6, None]
    # every total is checked; a total that is exactly the shown parts gives nothing away
    assert disclosure.breakdown({"noord": 10, "zuid": 6}, 16, 19)["zuid"].value is None
    assert disclosure.breakdown({"noord": 10, "zuid": 6}, 16)["zuid"].value == 6
    # among equal parts the first in the mapping is held back
    assert [f.value for f in disclosure.breakdown({"a": 7, "b": 7, "c": 2}, 16).values()] == [None, 7, None]


def test_no_breakdown_leaves_a_small_remainder():
    import itertools

    for parts in itertools.product(range(0, 12), repeat=3):
        for extra in range(0, 7):
            total = sum(parts) + extra
            figures = disclosure.breakdown(dict(enumerate(parts)), total)
            shown = [f.value for f in figures.values() if f.shown]
            assert all(v >= 5 for v in shown)
            # (a total under 5 is itself not shown)
            assert total < 5 or not 0 < total - sum(shown) < 5, (parts, total, shown)


def test_every_partition_is_checked():
    assert disclosure.total(30, [30], [10, 17, 3]).value is None


def test_no_share_below_five_votes():
    assert disclosure.share(1, 1) is None
    assert disclosure.share(2, 3) is None
    assert disclosure.share(4, 5) == 80


def test_hidden_counts_sort_as_equal():
    assert [disclosure.sort_value(n) for n in (0, 1, 4, 5, 9)] == [0, 0, 0, 5, 9]


def test_a_raised_threshold_applies_everywhere(settings):
    settings.ZWERM_DISCLOSURE_THRESHOLD = 10
    assert disclosure.people(9).display == "minder dan 10"
    assert disclosure.share(8, 9) is None


def test_a_threshold_below_five_stops_start_up():
    env = {**os.environ, "ZWERM_DISCLOSURE_THRESHOLD": "3", "DJANGO_SETTINGS_MODULE": "zwerm.conf.settings"}
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "ZWERM_DISCLOSURE_THRESHOLD=3 is below 5" in done.stderr
