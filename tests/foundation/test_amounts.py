"""Amounts as people write them (issue #12.3): "20.000", "4.500,50" and "€ 4.500" on a Dutch page, "20,000" and
"4,500.50" on an English one; shown back the same way; every money and number field in Zwerm reads them."""

import importlib
import inspect
import pkgutil
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

import zwerm
from zwerm.core.amounts import AmountError, format_amount, format_euro, parse_amount
from zwerm.web.forms import AmountField, CountField


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("20.000", "20000"),
        ("20000", "20000"),
        ("4.500,50", "4500.50"),
        ("4500,50", "4500.50"),
        ("€ 4.500", "4500"),
        ("€4.500,-", "4500"),
        ("4.500 euro", "4500"),
        ("1.000.000", "1000000"),
        ("-2.500", "-2500"),
        ("-€ 250", "-250"),
        (" 12,5 ", "12.5"),
    ],
)
def test_a_dutch_page_reads_dutch_notation(typed, stored):
    with translation.override("nl"):
        assert parse_amount(typed) == Decimal(stored)


@pytest.mark.parametrize(
    ("typed", "stored"), [("20,000", "20000"), ("4,500.50", "4500.50"), ("€4,500", "4500"), ("4500.5", "4500.5")]
)
def test_an_english_page_reads_english_notation(typed, stored):
    with translation.override("en"):
        assert parse_amount(typed) == Decimal(stored)


@pytest.mark.parametrize(
    ("language", "typed", "code"),
    [
        ("nl", "4500.50", "invalid"),  # a point before two digits is no Dutch notation: not read as 450050
        ("nl", "4,500.50", "invalid"),
        ("nl", "20,000", "decimals"),  # twenty with three decimals: probably meant 20.000, so asked again
        ("nl", "1.2.3", "invalid"),
        ("nl", "twintig", "invalid"),
        ("nl", "€", "invalid"),
        ("en", "4.500,50", "invalid"),
        ("en", "20.000", "decimals"),
    ],
)
def test_nonsense_and_the_other_languages_notation_are_refused(language, typed, code):
    with translation.override(language), pytest.raises(AmountError) as refused:
        parse_amount(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("language", "euro", "plain"),
    [("nl", "€\u00a04.500,50", "8.000"), ("en", "€4,500.50", "8,000")],
)
def test_amounts_are_shown_in_the_pages_notation(language, euro, plain):
    with translation.override(language):
        assert format_euro(Decimal("4500.50")) == euro
        assert format_amount(Decimal("8000.00")) == plain
        assert format_euro(Decimal("-2500")).startswith("-€")


class MoneyForm(forms.Form):
    amount = AmountField(label="Bedrag", min_value=0)
    count = CountField(label="Aantal", required=False)


def test_the_form_field_stores_dutch_notation_and_explains_a_mistake_in_dutch():
    with translation.override("nl"):
        for typed in ("20.000", "4.500,50", "€ 4.500"):
            form = MoneyForm({"amount": typed, "count": "1.000"})
            assert form.is_valid(), form.errors
        assert form.cleaned_data == {"amount": Decimal("4500"), "count": 1000}  # Django's IntegerField read 1
        form = MoneyForm({"amount": "4500.50"})
        assert not form.is_valid()
        assert form.errors["amount"] == ["Vul een bedrag in euro's in, bijvoorbeeld 4.500 of 4.500,50."]
        assert MoneyForm({"amount": "-5"}).errors["amount"] == ["Een bedrag kan niet negatief zijn."]
        assert MoneyForm({"amount": "1", "count": "1,5"}).errors["count"] == [
            "Vul een heel getal in, zonder cijfers achter de komma."
        ]


@pytest.mark.parametrize(("language", "shown"), [("nl", 'value="8.000,50"'), ("en", 'value="8,000.50"')])
def test_a_prefilled_amount_is_written_the_pages_way(language, shown):
    with translation.override(language):
        html = str(MoneyForm(initial={"amount": Decimal("8000.50")})["amount"])
    assert shown in html and 'inputmode="decimal"' in html and 'type="text"' in html


def _form_classes():
    for module in pkgutil.walk_packages(zwerm.__path__, "zwerm."):
        if module.name.rsplit(".", 1)[-1] not in ("forms", "forms_admin"):
            continue
        for _, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.name:
                yield cls


def test_every_money_and_number_field_reads_the_pages_notation():
    """A guard: a new DecimalField or visible IntegerField in any form would refuse "20.000" or read "1.000" as 1."""
    checked, wrong = 0, []
    for form in _form_classes():
        for name, field in form.base_fields.items():
            if isinstance(field, forms.DecimalField | forms.FloatField):  # (a DecimalField is an IntegerField)
                right = isinstance(field, AmountField)
            else:
                right = not isinstance(field, forms.IntegerField) or isinstance(field, CountField)
                right = right or isinstance(field.widget, forms.HiddenInput)
            if not right:
                wrong.append(f"{form.__module__}.{form.__name__}.{name}")
            checked += isinstance(field, forms.DecimalField | forms.IntegerField)
    assert checked >= 10, "the scan finds the money and number fields"
    assert not wrong, "use web.forms.AmountField / CountField for: " + ", ".join(wrong)
