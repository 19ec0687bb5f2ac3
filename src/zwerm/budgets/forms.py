from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.uploads import CSV, upload_check
from zwerm.places.selectors import district_list
from zwerm.web.forms import AmountField, CountField, text_field

from .models import REASON_MAX, TEXT_MAX, TITLE_MAX, Budget, Project
from .services.codes import MAX_UPLOAD_BYTES
from .variants import DEFAULT_VARIANT, variant_choices


def _money(label, *, required=True, help_text=""):
    return AmountField(
        label=label,
        required=required,
        min_value=0,
        max_digits=12,
        help_text=help_text,
        error_messages={"required": _("Vul een bedrag in.")},
    )


def _count(label, *, help_text=""):
    return CountField(label=label, required=False, min_value=0, help_text=help_text)


class DistrictChoiceField(forms.ModelChoiceField):
    pass


class BudgetForm(forms.Form):
    title = text_field(_("Titel"), TITLE_MAX)
    description = text_field(_("Beschrijving"), TEXT_MAX, required=False, rows=4)
    total_amount = _money(_("Bedrag in euro"))
    district = DistrictChoiceField(
        queryset=None, label=_("Voor de wijk (optioneel)"), required=False, empty_label=_("De hele gemeente")
    )
    rule = forms.ChoiceField(label=_("Telmethode"), choices=Budget.Rule.choices, initial=Budget.Rule.MES)
    count_variant = forms.ChoiceField(
        label=_("Wat er gebeurt met geld dat na de eerste ronde over is"),
        choices=variant_choices,
        initial=DEFAULT_VARIANT,
        required=False,  # not chosen: the default variant
        widget=forms.RadioSelect,
        help_text=_(
            "Alleen bij de methode van gelijke delen. Die laat meestal geld over. Kies hoe uw gemeente dat "
            "verdeelt; de uitslag vermeldt welke manier is gebruikt."
        ),
    )
    completion_step = AmountField(
        label=_("Verhoging per stap in euro"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=12,
        initial=Decimal(1),
        help_text=_("Bij ‘stap voor stap verhogen’: met hoeveel euro het deel per stemmer elke keer omhooggaat."),
        error_messages={"min_value": _("De verhoging per stap moet meer dan nul euro zijn.")},
    )
    ballot_type = forms.ChoiceField(
        label=_("Soort stembiljet"), choices=Budget.BallotType.choices, initial=Budget.BallotType.APPROVAL
    )
    min_projects = _count(_("Minimaal aantal projecten op een stembiljet (optioneel)"))
    max_projects = _count(_("Maximaal aantal projecten op een stembiljet (optioneel)"))
    max_cost = _money(_("Maximale totale kosten van de gekozen projecten (optioneel)"), required=False)
    points = _count(_("Punten per inwoner (bij punten verdelen)"))
    min_votes = _count(_("Minimaal aantal stemmen per project (optioneel)"))
    vote_closes_at = forms.DateTimeField(
        label=_("Stemmen sluit op (optioneel)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Bijvoorbeeld 2026-12-31 17:00."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = district_list(municipality=municipality)


class ProjectForm(forms.Form):
    title = text_field(_("Naam van je project"), TITLE_MAX)
    description = text_field(
        _("Beschrijving"),
        TEXT_MAX,
        rows=6,
        help_text=_("Wat wil je doen, waar, en voor wie? Zet er geen telefoonnummer of adres in."),
    )
    cost = _money(_("Geschatte kosten in euro (optioneel)"), required=False)


class InitiativeProjectForm(forms.Form):
    initiative = CountField(label=_("Nummer van het initiatief"), min_value=1)
    cost = _money(_("Geschatte kosten in euro (optioneel)"), required=False)


class ReviewForm(forms.Form):
    feasibility = forms.ChoiceField(
        label=_("Haalbaarheid"),
        choices=[c for c in Project.Feasibility.choices if c[0] != Project.Feasibility.PENDING],
        widget=forms.RadioSelect,
    )
    cost = _money(_("Kosten in euro"), required=False)
    reason = text_field(
        _("Openbare toelichting"),
        REASON_MAX,
        required=False,
        rows=3,
        help_text=_("Verplicht bij ‘niet haalbaar’: inwoners zien deze reden."),
    )


class ReviewRequestForm(forms.Form):
    specialist = forms.ModelChoiceField(queryset=None, label=_("Vakambtenaar"), empty_label=_("Kies een vakambtenaar"))
    deadline = forms.DateField(label=_("Uiterste datum"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, specialists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = specialists


class VoteCodeForm(forms.Form):
    """Staff make vote codes: from an address list (CSV) or a number of codes without addresses."""

    addresses = forms.FileField(
        label=_("Adreslijst (CSV)"),
        required=False,
        help_text=_(
            "Eén adres per regel. Kolommen: adres (verplicht), postcode, plaats, wijk. Komma of puntkomma. "
            "De adressen worden alleen op de brieven gedrukt en niet bewaard."
        ),
    )
    count = CountField(label=_("Of: aantal codes zonder adres"), required=False, min_value=1, max_value=20000)

    def clean_addresses(self):
        upload = self.cleaned_data["addresses"]
        if upload is not None:
            upload_check(file=upload, kind=CSV, max_bytes=MAX_UPLOAD_BYTES)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("addresses") and not data.get("count"):
            raise forms.ValidationError(_("Lever een adreslijst aan of kies een aantal codes."))
        if data.get("addresses") and data.get("count"):
            raise forms.ValidationError(_("Kies een adreslijst of een aantal, niet allebei."))
        return data
