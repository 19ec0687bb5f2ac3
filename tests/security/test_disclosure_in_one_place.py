"""The small-number rule lives in zwerm.core.disclosure only: a page, API field, report or export that
compares a count with 5 itself (or defines its own threshold) fails here, before it can publish a small
number by accident. Engines without Django (sensing/engine, dialogues/analysis, budgets/rules) keep their
own marker for staff output and are not public outputs."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "zwerm"
ALLOWED = {
    "core/disclosure.py",  # the rule itself
    "conf/sections/privacy.py",  # refuses a threshold below 5 at start-up
}
# Thresholds that are not about residents: the mirror's minimum of 5 advice requests per staff team.
OWN_THRESHOLD_ALLOWED = {"participation/mirror.py: MIN_ITEMS = 5"}
ENGINES = ("sensing/engine/", "dialogues/analysis/", "budgets/rules/")
COMPARISON = re.compile(r"(>=|<)\s*5\b(?!\s*\*)")  # "n >= 5", "{% if x < 5 %}"; not "5 * 1024"
OWN_THRESHOLD = re.compile(r"^\s*[A-Z_]*(MIN|MINIMUM|THRESHOLD)[A-Z_]*\s*=\s*5\b", re.MULTILINE)


def _sources():
    for path in sorted(SRC.rglob("*")):
        relative = path.relative_to(SRC).as_posix()
        if path.suffix not in (".py", ".html", ".txt") or "/migrations/" in relative or relative.startswith("locale/"):
            continue
        if relative in ALLOWED or relative.startswith(ENGINES):
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


def test_the_check_would_catch_a_comparison_and_a_constant():
    assert COMPARISON.search("if figure.value >= 5:") and COMPARISON.search("{% elif count < 5 %}")
    assert not COMPARISON.search("upload.size > 5 * 1024 * 1024")
    assert OWN_THRESHOLD.search("MIN_PUBLIC = 5  # privacy")
