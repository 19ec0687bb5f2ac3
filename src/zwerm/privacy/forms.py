from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.personal_data import ErasureMode
from zwerm.web.forms import CountField

from .models import Purpose


class PurposeForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Waarom bekijk je deze gegevens?"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Toelichting"), required=False, max_length=300, help_text=_("Verplicht bij 'anders'.")
    )

    def clean(self):
        data = super().clean()
        if data.get("purpose") == Purpose.OTHER and not (data.get("explanation") or "").strip():
            self.add_error("explanation", _("Licht toe waarom je deze gegevens bekijkt."))
        return data


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, verwijder mijn account. Ik begrijp dat dit niet ongedaan kan worden gemaakt."), required=True
    )


class MunicipalityPrivacyForm(forms.Form):
    contributions_on_erase = forms.ChoiceField(
        label=_("Bijdragen buiten een traject, als iemand het account verwijdert"), choices=ErasureMode.choices
    )


class ProcessPrivacyForm(forms.Form):
    contributions_on_erase = forms.ChoiceField(
        label=_("Bijdragen aan dit traject, als iemand het account verwijdert"), choices=ErasureMode.choices
    )
    retention_months = CountField(
        label=_("Persoonsgegevens verwijderen, aantal maanden na afronding"),
        required=False,
        min_value=1,
        max_value=240,
        help_text=_("Leeg: bewaren zolang het traject bestaat."),
    )


class DialoguePrivacyForm(forms.Form):
    keep_votes_on_erase = forms.BooleanField(
        label=_("Stemmen blijven anoniem meetellen als iemand het account verwijdert"), required=False
    )
    anonymous_votes = forms.BooleanField(
        label=_("Anoniem stemmen: nergens bewaren wie wat stemde"),
        required=False,
        help_text=_(
            "Stemmen hangen dan niet meer aan een account, maar aan een versleutelde code. "
            "Deze belofte kan daarna niet meer worden ingetrokken."
        ),
    )
