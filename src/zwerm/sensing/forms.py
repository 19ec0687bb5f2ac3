from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.uploads import CSV, upload_check

from . import services
from .models import Channel

COLUMN_HELP = _("De naam van de kolom zoals in de eerste regel van het bestand.")


class ReportImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand"), help_text=_("Een export uit Signalen, Fixi of een ander systeem."))
    source = forms.CharField(label=_("Bron"), max_length=100, required=False, help_text=_("Bijvoorbeeld Signalen."))
    text = forms.CharField(label=_("Kolom met de tekst"), max_length=100, help_text=COLUMN_HELP)
    time = forms.CharField(label=_("Kolom met de datum"), max_length=100, required=False, help_text=COLUMN_HELP)
    place = forms.CharField(
        label=_("Kolom met buurt of postcode"),
        max_length=100,
        required=False,
        help_text=_("Buurtcode, buurtnaam of postcode. Een huisnummer bewaren we nooit."),
    )
    category = forms.CharField(label=_("Kolom met de categorie"), max_length=100, required=False, help_text=COLUMN_HELP)
    id = forms.CharField(
        label=_("Kolom met het nummer van de melding"),
        max_length=100,
        required=False,
        help_text=_("Met een nummer wordt dezelfde melding bij een tweede import bijgewerkt, niet verdubbeld."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(file=upload, kind=CSV, max_bytes=services.MAX_IMPORT_BYTES)
        return upload


class TokenForm(forms.Form):
    label = forms.CharField(label=_("Naam van de koppeling"), max_length=100)


class TextFilterForm(forms.Form):
    channel = forms.ChoiceField(label=_("Kanaal"), required=False, choices=[("", _("Alle"))] + list(Channel.choices))
