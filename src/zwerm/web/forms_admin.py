from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.uploads import CSV, SHAPES, upload_check

PLACES_CSV_MAX_BYTES = 5 * 2**20
# A municipality's part of the CBS wijk- en buurtkaart is a few MB; a big city in full detail stays well under this.
PLACES_SHAPES_MAX_BYTES = 50 * 2**20


class MunicipalityTextsForm(forms.Form):
    welcome_title = forms.CharField(label=_("Welkomsttitel"), max_length=200, required=False)
    welcome_text = forms.CharField(
        label=_("Welkomsttekst"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    contact_email = forms.EmailField(label=_("Contactadres"), required=False)
    theme_class = forms.RegexField(
        label=_("Thema-klasse (NL Design System)"),
        max_length=100,
        regex=r"^[a-z][a-z0-9-]*$",
        error_messages={"invalid": _("Gebruik kleine letters, cijfers en streepjes, zoals voorbeeld-theme.")},
    )
    theme_stylesheet = forms.CharField(
        label=_("Eigen stylesheet (pad op deze server)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld /static/themes/mijngemeente.css. Externe adressen worden niet geladen."),
    )

    def clean_theme_stylesheet(self):
        value = self.cleaned_data["theme_stylesheet"].strip()
        if value and not value.startswith("/"):
            raise forms.ValidationError(_("Gebruik een pad op deze server dat begint met /."))
        return value


class DistrictForm(forms.Form):
    code = forms.CharField(label=_("Wijkcode (CBS)"), max_length=8, help_text=_("Bijvoorbeeld WK034401."))
    name = forms.CharField(label=_("Naam"), max_length=100)

    def __init__(self, *args, **kwargs):
        # Shares a page with NeighbourhoodForm: own ids, so labels and descriptions stay unique.
        kwargs.setdefault("auto_id", "id_district_%s")
        super().__init__(*args, **kwargs)


class NeighbourhoodForm(forms.Form):
    district = forms.TypedChoiceField(label=_("Wijk"), coerce=int)
    code = forms.CharField(label=_("Buurtcode (CBS)"), max_length=10, help_text=_("Bijvoorbeeld BU03440101."))
    name = forms.CharField(label=_("Naam"), max_length=100)

    def __init__(self, *args, districts, **kwargs):
        kwargs.setdefault("auto_id", "id_neighbourhood_%s")
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [(d.pk, f"{d.name} ({d.code})") for d in districts]


class PlacesCsvForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: wijkcode, wijknaam, buurtcode, buurtnaam en eventueel postcodes (met spaties ertussen)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(file=upload, kind=CSV, max_bytes=PLACES_CSV_MAX_BYTES)
        return upload


class PlacesShapesForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON- of GeoPackage-bestand"),
        help_text=_(
            "De wijk- en buurtkaart van het CBS, in RD New of WGS84. We lezen alleen de wijken en buurten van deze "
            "gemeente; de rest van het bestand slaan we over."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".geojson,.json,.gpkg,application/geo+json,application/geopackage+sqlite3"}
        ),
    )

    def __init__(self, *args, **kwargs):
        # Shares a page with PlacesCsvForm: own ids.
        kwargs.setdefault("auto_id", "id_shapes_%s")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(file=upload, kind=SHAPES, max_bytes=PLACES_SHAPES_MAX_BYTES)
        return upload
