from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zwerm.places.selectors import district_get, district_list
from zwerm.web.forms import AmountField, CountField

from .models import TEXT_MAX, Frame
from .reports.district import MAX_WEEKS
from .services.district_reports import DEFAULT_WEEKS
from .services.frames import SOURCE_MAX, SPENDING_DESCRIPTION_MAX


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _required(label):
    # format_lazy: the message is made when shown, in the visitor's language, not at import time.
    return {"required": format_lazy(_("Vul {label} in."), label=label)}


class FrameForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort kader"), choices=Frame.Kind.choices, error_messages={"required": _("Kies de soort kader.")}
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat het kader inhoudt; bij 'wat wel en niet open staat': wat inwoners wel en niet kunnen bepalen."
        ),
        error_messages=_required(_("de omschrijving")),
    )
    budget = AmountField(
        label=_("Budget in euro"),
        required=False,
        min_value=0,
        help_text=_("Alleen bij een budgetkader, bijvoorbeeld 125.000."),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput(),
        help_text=_("Alleen als het kader een einddatum heeft."),
        error_messages={"invalid": _("Vul de deadline in als datum.")},
    )
    set_by = forms.ChoiceField(
        label=_("Vastgesteld door"),
        choices=Frame.SetBy.choices,
        widget=forms.RadioSelect,
        initial=Frame.SetBy.COUNCIL,
        error_messages={"required": _("Kies wie het kader heeft vastgesteld.")},
    )
    source_reference = forms.CharField(
        label=_("Bron: besluit en kenmerk"),
        max_length=SOURCE_MAX,
        help_text=_("Bijvoorbeeld: raadsbesluit 2026-114, motie M-23."),
        error_messages=_required(_("de bron")),
    )
    source_date = forms.DateField(
        label=_("Datum van het besluit"),
        widget=DateInput(),
        error_messages={"required": _("Vul de datum van het besluit in."), "invalid": _("Vul een geldige datum in.")},
    )

    def clean_budget(self):
        # The service refuses it too; saying it here shows it together with the other fields' errors.
        budget = self.cleaned_data.get("budget")
        if budget is not None and budget < 0:
            raise forms.ValidationError(_("Een budget kan niet negatief zijn. Vul 0 of een hoger bedrag in."))
        return budget


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Je vraag aan de procesambtenaar"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Het antwoord komt op dit traject te staan en in de volgende rapportage."),
        error_messages=_required(_("je vraag")),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Antwoord"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Een antwoord is definitief: je kunt het daarna niet meer wijzigen."),
        error_messages=_required(_("het antwoord")),
    )


class SpendingForm(forms.Form):
    amount = AmountField(
        label=_("Bedrag in euro"),
        help_text=_("Een correctie van een eerdere uitgave vul je in als negatief bedrag, bijvoorbeeld -2.500."),
        error_messages={"required": _("Vul het bedrag in.")},
    )
    description = forms.CharField(
        label=_("Waarvoor"), max_length=SPENDING_DESCRIPTION_MAX, error_messages=_required(_("waarvoor"))
    )


class DistrictReportForm(forms.Form):
    district = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        error_messages={"invalid_choice": _("Kies een wijk uit de lijst.")},
    )
    weeks = CountField(
        label=_("Aantal weken"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=DEFAULT_WEEKS,
        help_text=format_lazy(_("De afgelopen weken tot vandaag: van 1 tot en met {n}."), n=MAX_WEEKS),
        error_messages={
            "required": _("Vul het aantal weken in."),
            "invalid": _("Vul het aantal weken in als getal, bijvoorbeeld 12."),
            "min_value": format_lazy(_("Kies van 1 tot en met {n} weken."), n=MAX_WEEKS),
            "max_value": format_lazy(_("Kies van 1 tot en met {n} weken."), n=MAX_WEEKS),
        },
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        everything = format_lazy(_("Alle wijken van {name}"), name=municipality.name)
        self.fields["district"].choices = [("", everything)] + [
            (str(d.pk), d.name) for d in district_list(municipality=municipality)
        ]

    def clean_district(self):
        value = self.cleaned_data.get("district")
        if not value:
            return None
        district = district_get(municipality=self.municipality, pk=value)
        if district is None:
            raise forms.ValidationError(_("Kies een wijk uit de lijst."))
        return district
