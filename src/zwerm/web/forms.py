"""Form pieces that several apps' pages share."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zwerm.core.amounts import AmountError, format_amount, parse_amount, parse_count
from zwerm.places.selectors import neighbourhood_list


class BoundedIdsField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that refuses ids beyond the database's integers as an invalid choice
    (an `id__in` lookup with them crashes on SQLite and PostgreSQL instead of finding nothing)."""

    def _check_values(self, value):
        for pk in value or ():
            try:
                too_large = abs(int(str(pk).strip())) >= 2**63
            except ValueError:
                continue  # not a number: the parent refuses it with its own message
            if too_large:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


class NeighbourhoodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.district.name})"


def neighbourhood_field(municipality, *, label=None, required=True) -> NeighbourhoodChoiceField:
    """A choice of the municipality's buurten, named with their wijk."""
    return NeighbourhoodChoiceField(
        queryset=neighbourhood_list(municipality=municipality),
        label=label or _("Je buurt"),
        required=required,
        empty_label=_("Kies een buurt"),
        error_messages={"required": _("Kies een buurt."), "invalid_choice": _("Kies een buurt uit de lijst.")},
    )


def text_field(label, max_length, *, required=True, rows=None, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput,
        error_messages={
            # format_lazy keeps the message in the language of the request, not of the import.
            "required": format_lazy(_("Vul dit veld in: {field}."), field=label),
            "max_length": _("Te lang: hoogstens %(limit_value)d tekens."),
        },
    )


def _examples() -> dict:
    """Example amounts in the notation of the page's language, for the error messages."""
    return {"whole": format_amount(4500), "cents": format_amount(Decimal("4500.50")), "count": format_amount(1000)}


class AmountField(forms.DecimalField):
    """An amount of money as people write it on the page: "20.000", "4.500,50" or "€ 4.500" on a Dutch page,
    "20,000" or "4,500.50" on an English one (zwerm.core.amounts). A stored amount is shown the same way
    ("8.000", not "8000,00"). Every money field in Zwerm is one of these."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld %(whole)s of %(cents)s."),
        "decimals": _(
            "Een bedrag heeft hoogstens twee cijfers achter de komma. Schrijf duizendtallen met een punt, "
            "bijvoorbeeld %(whole)s of %(cents)s."
        ),
        "min_value": _("Een bedrag kan niet negatief zijn."),
        "max_digits": _("Dit bedrag is te groot."),
        "max_whole_digits": _("Dit bedrag is te groot."),
        "max_decimal_places": _("Een bedrag heeft hoogstens twee cijfers achter de komma."),
    }

    def __init__(self, *, max_digits=14, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def widget_attrs(self, widget):
        # A text box, not type="number": a browser's number box cannot take "4.500,50".
        attrs = {k: v for k, v in super().widget_attrs(widget).items() if k not in ("min", "max", "step")}
        return {**attrs, "inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_amount(value, decimals=self.decimal_places)
        except AmountError as error:
            raise ValidationError(self.error_messages[error.code], code=error.code, params=_examples()) from None

    def validate(self, value):
        forms.Field.validate(self, value)  # DecimalField's own check is for numbers Python parsed

    def prepare_value(self, value):
        return format_amount(value) if isinstance(value, (Decimal, int, float)) else value


class CountField(forms.IntegerField):
    """A whole number as people write it on the page ("1.000" on a Dutch page, "1,000" on an English one).

    Django's IntegerField reads "1.000" as 1; this field reads it as a thousand, or says what is wrong."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Vul een heel getal in, bijvoorbeeld %(count)s."),
        "decimals": _("Vul een heel getal in, zonder cijfers achter de komma."),
    }

    def widget_attrs(self, widget):
        attrs = {k: v for k, v in super().widget_attrs(widget).items() if k not in ("min", "max", "step")}
        return {**attrs, "inputmode": "numeric", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_count(value)
        except AmountError as error:
            raise ValidationError(self.error_messages[error.code], code=error.code, params=_examples()) from None

    def prepare_value(self, value):
        return format_amount(value) if isinstance(value, int) and not isinstance(value, bool) else value
