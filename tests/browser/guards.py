"""What a person sees, measured in the browser on every page the browser tests visit (issue #12's guards).

- `broken_words`: a word inside a table, button or heading laid out over more than one line (one Range per word,
  distinct `top` values of its client rects: the method in RECIPES.md), at the page's current width.
- `chart_faults`: every number written into an SVG attribute, a style attribute, a data attribute or a JSON
  script parses as a number (Dutch pages otherwise get `cx="17,4"` and the browser draws nothing), and every
  chart (an `svg` with role="img", or a sparkline) draws marks with a non-empty bounding box.
- `wrong_language`: no English month names or English number formats on a Dutch page, no Dutch ones on an
  English page. Text marked with another `lang` than the page's is left out.

Each returns a list of readable findings; `Audit.check` (conftest.py) collects them for every page.
"""

import re
from pathlib import Path

_JS = (Path(__file__).with_name("guards.js")).read_text()


def _run(page, method: str):
    return page.evaluate(f"() => ({_JS}).{method}()")


_MONTHS_EN = "January|February|March|May|June|July|August|October"
_MONTHS_NL = "januari|februari|maart|mei|juni|juli|augustus|oktober"
_ABBR_EN = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_ABBR_NL = "jan|feb|mrt|apr|mei|jun|jul|aug|sep|sept|okt|nov|dec"
# A dotted number after a name with capitals and digits is a version, not an amount ("CC0 1.0", "WCAG 2.1").
_VERSION = r"(?<![A-Z][A-Z0-9] )(?<![A-Z0-9]{3} )(?<![A-Z0-9]{4} )"

ON_DUTCH_PAGES = {
    "an English month name": re.compile(rf"\b({_MONTHS_EN})\b|\b\d{{1,2}} ({_ABBR_EN})\b|\b({_ABBR_EN}) \d{{1,2}}\b"),
    "a month written with a capital": re.compile(r"\b\d{1,2} (April|September|November|December)\b"),
    "an English thousands separator": re.compile(r"(?<![\d.,])[1-9]\d{0,2}(,\d{3})+(\.\d+)?(?![\d,])"),
    "an English decimal point": re.compile(_VERSION + r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])"),
    "a number in scientific notation": re.compile(r"\b\d(\.\d+)?e-?\d+\b"),
}
ON_ENGLISH_PAGES = {
    "a Dutch month name": re.compile(rf"\b({_MONTHS_NL})\b|\b\d{{1,2}} ({_ABBR_NL})\.? \d{{4}}\b"),
    "a month written without a capital": re.compile(r"\b\d{1,2} (april|september|november|december)\b"),
    "a Dutch thousands separator": re.compile(r"(?<![\d.,])[1-9]\d{0,2}(\.\d{3})+(,\d+)?(?![\d.])"),
    "a Dutch decimal comma": re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])"),
    "a number in scientific notation": re.compile(r"\b\d(\.\d+)?e-?\d+\b"),
}


def broken_words(page) -> list[str]:
    return _run(page, "brokenWords")


def chart_faults(page) -> list[str]:
    return _run(page, "chartFaults")


def wrong_language(page) -> list[str]:
    seen = _run(page, "pageText")
    rules = {"nl": ON_DUTCH_PAGES, "en": ON_ENGLISH_PAGES}.get(seen["lang"], {})
    findings = []
    for what, pattern in rules.items():
        for match in pattern.finditer(seen["text"]):
            start = max(0, match.start() - 30)
            findings.append(f"{what}: …{seen['text'][start : match.end() + 30]}…")
    return findings
