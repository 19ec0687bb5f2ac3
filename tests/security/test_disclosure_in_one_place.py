"""The small-number rule lives in zwerm.core.disclosure only: a page, API field, report, export or engine that
compares a count with 5 itself (or defines its own threshold, or its own Figure type) fails here, before it
can publish a small number by accident. The engines without Django (sensing/engine, dialogues/analysis,
budgets/rules) take the threshold as a parameter, defaulting to zwerm.core.disclosure_floor.MINIMUM."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "zwerm"
ALLOWED = {
    "core/disclosure.py",  # the rule itself
    "core/disclosure_floor.py",  # its floor, without Django (for the engines)
    "conf/sections/privacy.py",  # refuses a threshold below 5 at start-up
}
# Thresholds that are not about residents: the mirror's minimum of 5 advice requests per staff team.
OWN_THRESHOLD_ALLOWED = {"participation/mirror.py: MIN_ITEMS = 5"}
COMPARISON = re.compile(r"(>=|<)\s*5\b(?!\s*\*)")  # "n >= 5", "{% if x < 5 %}"; not "5 * 1024"
# "MIN_PUBLIC = 5", "min_count: int = 5" (a dataclass or keyword default), "threshold=5"
OWN_THRESHOLD = re.compile(
    r"^\s*\w*(min|minimum|threshold|public)\w*\s*(:\s*int\s*)?=\s*5\b", re.MULTILINE | re.IGNORECASE
)
FIGURE_CLASS = re.compile(r"^class\s+(Figure|PeopleCount)\b", re.MULTILINE)


def _sources():
    for path in sorted(SRC.rglob("*")):
        relative = path.relative_to(SRC).as_posix()
        if path.suffix not in (".py", ".html", ".txt") or "/migrations/" in relative or relative.startswith("locale/"):
            continue
        if relative in ALLOWED:
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_no_public_output_compares_a_count_with_five_itself():
    found = [
        f"{relative}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
        for relative, text in _sources()
        for m in COMPARISON.finditer(text)
    ]
    assert not found, "use zwerm.core.disclosure (people, total, share, is_public):\n" + "\n".join(found)


def test_no_app_defines_its_own_threshold():
    found = [f"{relative}: {m.group(0).strip()}" for relative, text in _sources() for m in OWN_THRESHOLD.finditer(text)]
    found = [item for item in found if item not in OWN_THRESHOLD_ALLOWED]
    assert not found, "use zwerm.core.disclosure.threshold():\n" + "\n".join(found)


def test_no_app_has_its_own_figure_type():
    found = [f"{relative}: {m.group(0)}" for relative, text in _sources() for m in FIGURE_CLASS.finditer(text)]
    assert not found, "use zwerm.core.disclosure.Figure or PeopleCount:\n" + "\n".join(found)


def test_the_check_would_catch_a_comparison_and_a_constant():
    assert COMPARISON.search("if figure.value >= 5:") and COMPARISON.search("{% elif count < 5 %}")
    assert COMPARISON.search("                public=n >= 5,")  # the mood engine's own 5, before
    assert not COMPARISON.search("upload.size > 5 * 1024 * 1024")
    assert OWN_THRESHOLD.search("MIN_PUBLIC = 5  # privacy")
    assert OWN_THRESHOLD.search("    min_count: int = 5")
    assert not OWN_THRESHOLD.search("    pick_max: int = 5")
    assert FIGURE_CLASS.search("class Figure:") and not FIGURE_CLASS.search("class FigureSerializer(")
