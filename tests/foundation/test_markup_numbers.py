"""Numbers in markup (SVG geometry, styles, data attributes, number inputs) are written the same in every language:
the opinion map stayed empty on Dutch pages because Django wrote `cx="17,4"` (issue #12.1)."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from zwerm import __file__ as zwerm_init
from zwerm.web.templatetags.markup import markup_number

SRC = Path(zwerm_init).resolve().parent
NUMERIC_ATTRIBUTES = (
    "x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|width|height|points|viewBox|d|transform|stroke-width|font-size|offset"
    "|style|data-[a-z-]+|min|max|step|value"
)
ATTRIBUTE = re.compile(rf'\s(?P<name>{NUMERIC_ATTRIBUTES})="(?P<value>[^"]*\{{\{{[^"]*)"')
VARIABLE = re.compile(r"\{\{\s*(?P<expr>[^}]*?)\s*\}\}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_number_in_markup_has_a_dot_and_no_grouping_in_every_language(language, settings):
    settings.USE_THOUSAND_SEPARATOR = True  # even then
    template = Template('{% load markup %}<circle cx="{{ x|markup_number }}" r="{{ n|markup_number }}"/>')
    with translation.override(language):
        html = template.render(Context({"x": 1234.56, "n": 12000}))
    assert html == '<circle cx="1234.6" r="12000"/>'


def test_rounding_and_odd_values():
    assert markup_number(17.44) == "17.4"
    assert markup_number(17.0) == "17"
    assert markup_number(Decimal("8000.00"), 2) == "8000"
    assert markup_number(-0.01) == "0"
    assert markup_number(float("nan")) == "0"
    assert markup_number(None) == "0"
    assert markup_number("17,4") == "0"


def _templates_writing_numbers():
    for path in sorted(SRC.rglob("templates/**/*.html")):
        text = path.read_text()
        for tag in re.finditer(r"<(svg|circle|rect|line|polyline|polygon|path|text|g|ellipse|input)\b[^>]*>", text):
            for attribute in ATTRIBUTE.finditer(tag.group(0)):
                if attribute.group("name") == "value" and 'type="number"' not in tag.group(0):
                    continue
                for variable in VARIABLE.finditer(attribute.group("value")):
                    yield path.relative_to(SRC), tag.group(1), attribute.group("name"), variable.group("expr")


def test_every_template_writes_numbers_into_markup_through_markup_number():
    found = list(_templates_writing_numbers())
    assert found, "the scan finds the charts' attributes (it would pass trivially otherwise)"
    unfiltered = [f"{path}: <{tag} {name}=...{{{{ {expr} }}}}>" for path, tag, name, expr in found]
    unfiltered = [u for u, (_, _, _, expr) in zip(unfiltered, found, strict=True) if "markup_number" not in expr]
    assert not unfiltered, "numbers in markup must go through |markup_number:\n" + "\n".join(unfiltered)
