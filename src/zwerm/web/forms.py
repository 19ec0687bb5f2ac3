"""Form pieces that several apps' pages share."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

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
