"""The location part of a form: a point set by the map (JavaScript), or an address for the geocoder.

Without JavaScript and without a geocoder the resident picks the buurt by hand (the form's own buurt field);
the map and the address field only add to that.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality

from .selectors import Resolved, geocoding_available, location_resolve

ADDRESS_MAX = 200


class LocationFormMixin(forms.Form):
    """Adds `location_lon`, `location_lat` (set by the map), `address` (when a geocoder is configured) and
    `location_clear`; after validation `cleaned_data["location"]` is a Resolved, None (no place) or absent."""

    location_lon = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-location": "lon"}))
    location_lat = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-location": "lat"}))
    location_clear = forms.BooleanField(label=_("Plek op de kaart weghalen"), required=False)

    def setup_location(self, *, municipality: Municipality, has_location: bool = False) -> None:
        self._location_municipality = municipality
        if geocoding_available():
            self.fields["address"] = forms.CharField(
                label=_("Straat of adres (optioneel)"),
                max_length=ADDRESS_MAX,
                required=False,
                help_text=_("We zoeken de plek op en bewaren alleen een punt in de straat, niet het huisnummer."),
                error_messages={"max_length": _("Dit is te lang: hoogstens %(limit_value)d tekens.")},
            )
        if not has_location:
            del self.fields["location_clear"]

    def clean(self):
        data = super().clean()
        if data.get("location_clear"):
            data["location"] = None
            return data
        try:
            resolved: Resolved | None = location_resolve(
                municipality=self._location_municipality,
                lon=data.get("location_lon"),
                lat=data.get("location_lat"),
                address=data.get("address", ""),
            )
        except ValidationError as e:
            self.add_error("address" if "address" in self.fields else None, e)
            return data
        data["location"] = resolved
        return data


class LocationForm(LocationFormMixin, forms.Form):
    """A form with only the place (staff place a budget project or a process on the map)."""

    def __init__(self, *args, municipality: Municipality, has_location: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_location(municipality=municipality, has_location=has_location)

    def point(self):
        resolved = self.cleaned_data.get("location")
        return resolved.point if resolved else None
