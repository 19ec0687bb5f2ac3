"""Forms for the process pages. They check shape (required, length, choices); the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from zwerm.web.forms import BoundedIdsField, CountField, text_field

from .models import REASON_MAX, TEXT_MAX, Decision, Stakeholder

YES_NO = [("1", _("Ja, meegewogen")), ("0", _("Nee, niet meegewogen"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def date_field(label, *, required=True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput,
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in als 31-12-2026.")},
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name or obj.email


class ProcessForm(forms.Form):
    title = text_field(_("Titel"), 200)
    question = text_field(_("Vraag"), 500, help_text=_("De open vraag waar het traject een antwoord op zoekt."))
    description = text_field(_("Beschrijving"), TEXT_MAX, rows=6)
    lead = UserChoiceField(queryset=None, label=_("Procesambtenaar"), empty_label=None)
    district = forms.ModelChoiceField(queryset=None, label=_("Wijk (optioneel)"), required=False)

    def __init__(self, *args, leads, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads
        self.fields["district"].queryset = districts
        self.fields["district"].empty_label = _("De hele gemeente")


class ReasonForm(forms.Form):
    reason = text_field(_("Reden"), REASON_MAX, rows=3, help_text=_("Iedereen ziet waarom dit veranderde."))


class CloseForm(forms.Form):
    outcome = text_field(
        _("Uitkomst"), REASON_MAX, rows=4, help_text=_("Wat heeft het traject opgeleverd? Volgers krijgen dit bericht.")
    )


class PhaseForm(ReasonForm):
    title = text_field(_("Naam van de fase"), 200)
    description = text_field(_("Beschrijving (optioneel)"), TEXT_MAX, required=False, rows=3)
    starts_on = date_field(_("Begint op (optioneel)"), required=False)
    ends_on = date_field(_("Eindigt op (optioneel)"), required=False)

    field_order = ["title", "description", "starts_on", "ends_on", "reason"]


class ReorderForm(ReasonForm):
    """One number per phase; the phases are put in the order of the numbers (no JavaScript needed)."""

    def __init__(self, *args, phases, **kwargs):
        super().__init__(*args, **kwargs)
        self.phases = list(phases)
        for i, phase in enumerate(self.phases, start=1):
            self.fields[f"phase_{phase.pk}"] = CountField(
                label=_("Plaats van '%(title)s'") % {"title": phase.title},
                min_value=1,
                initial=i,
                error_messages={"required": _("Geef elke fase een plaats.")},
            )
        self.order_fields([f"phase_{p.pk}" for p in self.phases] + ["reason"])

    def order(self) -> list[int]:
        keyed = [(self.cleaned_data[f"phase_{p.pk}"], i, p.pk) for i, p in enumerate(self.phases)]
        return [pk for _position, _i, pk in sorted(keyed)]


class PhasesField(BoundedIdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.title} ({_('afgesloten')})" if obj.closed_at else obj.title


def phases_field() -> PhasesField:
    return PhasesField(
        queryset=None,
        label=_("Actief in de fasen"),
        required=False,
        help_text=_("In de andere fasen is het onderdeel alleen te lezen."),
    )


class _WithPhases(forms.Form):
    def __init__(self, *args, phases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["active_phases"].queryset = phases


class PlacementPhasesForm(_WithPhases):
    active_phases = phases_field()


class PlacementForm(_WithPhases):
    kind = forms.ChoiceField(label=_("Soort onderdeel"))
    object_id = CountField(label=_("Nummer van het onderdeel"), min_value=1)
    title = text_field(_("Titel"), 200)
    active_phases = phases_field()

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds


class MeetingForm(_WithPhases):
    title = text_field(_("Titel"), 200)
    starts_at = forms.DateTimeField(
        label=_("Datum en tijd"),
        widget=DateTimeInput,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": _("Vul datum en tijd in."), "invalid": _("Vul datum en tijd in.")},
    )
    place = text_field(_("Plaats"), 300)
    minutes = text_field(_("Verslag (optioneel)"), 20000, required=False, rows=8)
    attendance = CountField(label=_("Aantal aanwezigen"), min_value=0, initial=0)
    active_phases = phases_field()


class MeetingEditForm(MeetingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, phases=None, **kwargs)
        del self.fields["active_phases"]


class SurveyForm(_WithPhases):
    title = text_field(_("Titel"), 200)
    questions = text_field(_("Vragen"), 5000, rows=5, help_text=_("Eén open vraag per regel."))
    active_phases = phases_field()

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["questions"].splitlines() if line.strip()]


class SurveyResponseForm(forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for i, question in enumerate(questions):
            self.fields[f"answer_{i}"] = text_field(question, 2000, required=False, rows=3)
        self.count = len(questions)

    def answers(self) -> list[str]:
        return [self.cleaned_data.get(f"answer_{i}", "") for i in range(self.count)]


class StakeholderForm(forms.Form):
    name = text_field(_("Naam"), 200)
    kind = forms.ChoiceField(label=_("Soort"), choices=Stakeholder.Kind.choices, widget=forms.RadioSelect)
    role = text_field(_("Rol in het traject"), 200)
    contact = text_field(
        _("Contactgegevens (optioneel)"), 300, required=False, help_text=_("Alleen medewerkers zien dit.")
    )
    related_to = BoundedIdsField(
        queryset=None, label=_("Verbonden met"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_to"].queryset = others


class AdviceRequestForm(forms.Form):
    specialist = UserChoiceField(queryset=None, label=_("Vakambtenaar"), empty_label=_("Kies een vakambtenaar"))
    team = text_field(_("Team (optioneel)"), 200, required=False, help_text=_("Bijvoorbeeld: vergunningen, groen."))
    question = text_field(_("Vraag"), TEXT_MAX, rows=4)
    deadline = date_field(_("Uiterste datum"))

    def __init__(self, *args, specialists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = specialists


class AdviceForm(forms.Form):
    text = text_field(_("Advies"), TEXT_MAX, rows=6)
    basis = text_field(_("Wettelijke of beleidsmatige grondslag"), REASON_MAX, rows=3)
    conditions = text_field(
        _("Voorwaarden (optioneel)"),
        REASON_MAX,
        required=False,
        rows=3,
        help_text=_("Bijvoorbeeld: een kapvergunning."),
    )


class AdviceChoiceField(BoundedIdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return _("%(question)s — versie %(version)d van %(date)s") % {
            "question": obj.request.question[:80],
            "version": obj.version,
            "date": date_format(timezone.localtime(obj.created_at), "j F Y"),
        }


class DecisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.decided_on:%d-%m-%Y}: {obj.title}"


class DecisionForm(forms.Form):
    """The decision itself, then per value whether and how it was weighed."""

    title = text_field(_("Besluit"), 300)
    decided_on = date_field(_("Datum"))
    decided_by = forms.ChoiceField(
        label=_("Besloten door"), choices=Decision.DecidedBy.choices, widget=forms.RadioSelect
    )
    alternatives = text_field(_("Overwogen alternatieven (optioneel)"), TEXT_MAX, required=False, rows=3)
    reasons = text_field(_("Redenen"), TEXT_MAX, rows=4)
    advice = AdviceChoiceField(queryset=None, label=_("Advies waarop het besluit rust"), required=False)
    corrects = DecisionChoiceField(queryset=None, label=_("Corrigeert een eerder besluit (optioneel)"), required=False)
    outside_scope = forms.TypedChoiceField(
        label=_("Valt dit besluit buiten de kaders?"),
        choices=[("0", _("Nee")), ("1", _("Ja, buiten de kaders"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )

    def __init__(self, *args, advice, decisions, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advice"].queryset = advice
        self.fields["corrects"].queryset = decisions
        self.values = list(values)
        for value in self.values:
            self.fields[f"weighed_{value.pk}"] = forms.TypedChoiceField(
                label=_("%(value)s: meegewogen?") % {"value": value.name},
                help_text=value.description,
                choices=YES_NO,
                coerce=lambda v: v == "1",
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies ja of nee.")},
            )
            self.fields[f"explanation_{value.pk}"] = text_field(
                _("%(value)s: hoe (of waarom niet)?") % {"value": value.name}, REASON_MAX, rows=2
            )

    def decision_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("weighed_", "explanation_"))]

    def value_fields(self):
        return [(v, self[f"weighed_{v.pk}"], self[f"explanation_{v.pk}"]) for v in self.values]

    def weighings(self):
        from .services import Weighing

        return [
            Weighing(
                value_id=v.pk,
                weighed=bool(self.cleaned_data.get(f"weighed_{v.pk}")),
                explanation=self.cleaned_data.get(f"explanation_{v.pk}", ""),
            )
            for v in self.values
        ]


class UpdateForm(forms.Form):
    title = text_field(_("Titel"), 200)
    body = text_field(_("Bericht"), TEXT_MAX, rows=6)
    attachment = forms.FileField(
        label=_("Foto of PDF (mag leeg blijven)"),
        required=False,
        help_text=_("Een foto (JPEG, PNG of WebP) of een PDF-document."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
    )
    attachment_alt = forms.CharField(
        label=_("Wat staat erop?"),
        required=False,
        max_length=250,
        help_text=_("Bij een foto: beschrijf wat je ziet, voor wie de foto niet kan zien. Bij een PDF: de naam."),
    )


class FollowForm(forms.Form):
    digest = forms.TypedChoiceField(
        label=_("Hoe wil je nieuws krijgen?"),
        choices=[("0", _("Een e-mail bij elk bericht")), ("1", _("Eén keer per week een overzicht"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
