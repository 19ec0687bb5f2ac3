from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.web.forms import CountField, text_field


class ValueForm(forms.Form):
    name = text_field(_("Naam"), 100)
    description = text_field(_("Wat we ermee bedoelen"), 2000, rows=3)
    position = CountField(label=_("Plaats in de lijst (optioneel)"), min_value=0, required=False)
