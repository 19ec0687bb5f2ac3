"""Form pieces that several apps' pages share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.places.selectors import neighbourhood_list


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
