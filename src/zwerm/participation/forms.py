"""Forms for the verordening, promises and cited input; the services check everything again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.places.selectors import district_list
from zwerm.web.forms import AmountField, CountField, text_field

from .models import BYLAW_TEXT_MAX, TEXT_MAX, Challenge, Evaluation, Level, PolicyPhase
from .services import ContactInput, Deadlines, RuleInput
from .survey_questions import COMMENT_MAX, QUESTIONS

RULE_ROWS = 6


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label, *, required=True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput,
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in als 31-12-2026.")},
    )


def _days(label) -> CountField:
    return CountField(label=label, min_value=1, max_value=730)


class BylawForm(forms.Form):
    title = text_field(_("Titel"), 200)
    valid_from = date_field(_("Geldt vanaf"))
    text = text_field(_("Tekst van de verordening"), BYLAW_TEXT_MAX, rows=12)
    weighing = text_field(
        _("Hoe inbreng wordt gewogen en teruggekoppeld"),
        TEXT_MAX,
        rows=4,
        help_text=_(
            "Dit staat bij elk traject: hoe de gemeente inbreng weegt en hoe inwoners horen wat ermee is gedaan."
        ),
    )
    response_days = _days(_("Reactietermijn op inbreng (dagen)"))
    challenge_criteria = text_field(
        _("Criteria voor het uitdaagrecht"), TEXT_MAX, rows=5, help_text=_("Deze criteria staan op het formulier.")
    )
    challenge_receipt_days = _days(_("Ontvangstbevestiging van een uitdaging binnen (dagen)"))
    challenge_complete_days = _days(_("Toets of een uitdaging volledig is binnen (dagen)"))
    challenge_decision_days = _days(_("Besluit op een uitdaging binnen (dagen)"))
    evaluation_days = _days(_("Evaluatie van een traject na afronding binnen (dagen)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(RULE_ROWS):
            number = i + 1
            self.fields[f"rule_{i}_name"] = forms.CharField(
                label=_("Soort besluit %(n)d") % {"n": number}, max_length=200, required=False
            )
            self.fields[f"rule_{i}_level"] = forms.ChoiceField(
                label=_("Minimaal niveau voor soort %(n)d") % {"n": number},
                choices=[("", _("Kies een niveau")), *Level.choices],
                required=False,
            )
            self.fields[f"rule_{i}_phases"] = forms.MultipleChoiceField(
                label=_("Fasen waarin inwoners meedoen bij soort %(n)d") % {"n": number},
                choices=PolicyPhase.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def rule_rows(self):
        """The rule fields per row, for the template."""
        return [(self[f"rule_{i}_name"], self[f"rule_{i}_level"], self[f"rule_{i}_phases"]) for i in range(RULE_ROWS)]

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("rule_")]

    def clean(self):
        data = super().clean()
        for i in range(RULE_ROWS):
            name = (data.get(f"rule_{i}_name") or "").strip()
            if name and not data.get(f"rule_{i}_level"):
                self.add_error(f"rule_{i}_level", _("Kies het minimale niveau voor '%(name)s'.") % {"name": name})
            if not name and (data.get(f"rule_{i}_level") or data.get(f"rule_{i}_phases")):
                self.add_error(f"rule_{i}_name", _("Geef deze soort besluit een naam, of maak de regel leeg."))
        return data

    def rules(self) -> list[RuleInput]:
        data = self.cleaned_data
        return [
            RuleInput(
                name=data[f"rule_{i}_name"],
                minimum_level=data[f"rule_{i}_level"],
                phases=tuple(data.get(f"rule_{i}_phases") or ()),
            )
            for i in range(RULE_ROWS)
            if (data.get(f"rule_{i}_name") or "").strip()
        ]

    def deadlines(self) -> Deadlines:
        data = self.cleaned_data
        return Deadlines(
            response_days=data["response_days"],
            challenge_receipt_days=data["challenge_receipt_days"],
            challenge_complete_days=data["challenge_complete_days"],
            challenge_decision_days=data["challenge_decision_days"],
            evaluation_days=data["evaluation_days"],
        )

    @staticmethod
    def initial_from(bylaw) -> dict:
        if bylaw is None:
            return {}
        initial = {
            name: getattr(bylaw, name)
            for name in (
                "title",
                "text",
                "weighing",
                "response_days",
                "challenge_criteria",
                "challenge_receipt_days",
                "challenge_complete_days",
                "challenge_decision_days",
                "evaluation_days",
            )
        }
        for i, rule in enumerate(list(bylaw.rules.all())[:RULE_ROWS]):
            initial[f"rule_{i}_name"] = rule.name
            initial[f"rule_{i}_level"] = rule.minimum_level
            initial[f"rule_{i}_phases"] = list(rule.phases)
        return initial


class RuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s (minimaal: %(level)s)") % {"name": obj.name, "level": Level(obj.minimum_level).label}


class PromiseForm(forms.Form):
    rule = RuleChoiceField(
        queryset=None,
        label=_("Soort besluit volgens de verordening"),
        empty_label=_("Kies een soort besluit"),
        error_messages={"required": _("Kies de soort besluit waar dit traject over gaat.")},
    )
    level = forms.ChoiceField(
        label=_("Niveau van meedoen dat dit traject belooft"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het niveau dat dit traject belooft.")},
    )
    fixed = text_field(_("Wat ligt vast (de kaders van de raad)"), TEXT_MAX, rows=3)
    open = text_field(_("Wat is open: waarover denken inwoners mee"), TEXT_MAX, rows=3)
    decides = text_field(_("Wie besluit"), 200, help_text=_("Bijvoorbeeld: de gemeenteraad, het college."))
    decides_on = date_field(_("Wanneer valt het besluit (optioneel)"), required=False)
    feedback = text_field(_("Hoe horen inwoners wat er met hun inbreng is gedaan"), TEXT_MAX, rows=3)
    below_minimum_reason = text_field(
        _("Reden, als het traject minder belooft dan de verordening vraagt"),
        TEXT_MAX,
        rows=3,
        required=False,
        help_text=_("Alleen nodig als het niveau lager is dan het minimum. Deze reden is openbaar."),
    )

    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = rules


class TitledChoiceField(forms.ModelChoiceField):
    """A choice among rows that carry a title (a process component, a decision), shown by that title."""

    def label_from_instance(self, obj):
        return obj.title


class WeighedInputForm(forms.Form):
    placement = TitledChoiceField(
        queryset=None,
        label=_("Welke inbreng woog dit besluit mee"),
        empty_label=_("Kies een onderdeel van het traject"),
        error_messages={"required": _("Kies de inbreng die dit besluit meewoog.")},
    )
    how = text_field(_("Wat is ermee gedaan"), TEXT_MAX, rows=3)

    def __init__(self, *args, placements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placement"].queryset = placements


CONTACT_ROWS = 3


class ChallengeForm(forms.Form):
    task = text_field(_("Welke taak willen jullie overnemen"), 200)
    plan = text_field(_("Jullie plan: wat gaan jullie doen, en hoe"), TEXT_MAX, rows=6)
    involvement = text_field(_("Hoe betrekken jullie de buurt"), TEXT_MAX, rows=4)
    cost = AmountField(label=_("Wat kost het jullie (euro per jaar)"), min_value=0)
    municipality_cost = AmountField(
        label=_("Wat kost de taak de gemeente nu (euro per jaar, jullie schatting)"), min_value=0
    )
    challenger_kind = forms.ChoiceField(
        label=_("Wie zijn jullie"),
        choices=Challenge.ChallengerKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of jullie een bewonersgroep of een organisatie zijn.")},
    )
    challenger_name = text_field(_("Naam van de groep of organisatie"), 200)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"] = forms.ModelChoiceField(
            queryset=district_list(municipality=municipality),
            label=_("Wijk (optioneel)"),
            required=False,
            empty_label=_("De hele gemeente"),
        )
        for i in range(CONTACT_ROWS):
            n = i + 1
            self.fields[f"contact_{i}_name"] = forms.CharField(
                label=_("Contactpersoon %(n)d: naam") % {"n": n}, max_length=200, required=i == 0
            )
            self.fields[f"contact_{i}_email"] = forms.EmailField(
                label=_("Contactpersoon %(n)d: e-mailadres") % {"n": n},
                required=i == 0,
                error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
            )
            self.fields[f"contact_{i}_phone"] = forms.CharField(
                label=_("Contactpersoon %(n)d: telefoonnummer (optioneel)") % {"n": n}, max_length=40, required=False
            )
        for name, field in self.fields.items():
            if name.startswith("contact_0_"):
                field.error_messages["required"] = _("Noem minstens één contactpersoon met naam en e-mailadres.")

    def contacts(self):
        data = self.cleaned_data
        return [
            ContactInput(
                name=data.get(f"contact_{i}_name") or "",
                email=data.get(f"contact_{i}_email") or "",
                phone=data.get(f"contact_{i}_phone") or "",
            )
            for i in range(CONTACT_ROWS)
        ]

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("contact_")}


class NoteForm(forms.Form):
    note = text_field(_("Toelichting (openbaar)"), TEXT_MAX, rows=3)


class ReceiptForm(forms.Form):
    note = text_field(_("Bericht aan de indieners (openbaar, optioneel)"), TEXT_MAX, rows=2, required=False)


class CheckForm(forms.Form):
    complete = forms.TypedChoiceField(
        label=_("Is de uitdaging volledig"),
        choices=[("1", _("Ja: de beoordeling begint")), ("0", _("Nee: vraag een aanvulling"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of de uitdaging volledig is.")},
    )
    note = text_field(_("Toelichting (openbaar; nodig als er iets ontbreekt)"), TEXT_MAX, rows=3, required=False)


class DecideForm(forms.Form):
    decision = TitledChoiceField(
        queryset=None,
        label=_("Het besluit uit het besluitenlog"),
        empty_label=_("Kies het besluit"),
        error_messages={"required": _("Kies het besluit uit het besluitenlog van deze uitdaging.")},
    )
    granted = forms.TypedChoiceField(
        label=_("Uitkomst"),
        choices=[("1", _("Toegekend")), ("0", _("Afgewezen"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of de uitdaging is toegekend of afgewezen.")},
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class AgreementForm(forms.Form):
    conditions = text_field(_("Voorwaarden van de afspraak"), TEXT_MAX, rows=4)
    evaluate_on = date_field(_("Evaluatie op"))


class EvaluationForm(forms.Form):
    kept = forms.ChoiceField(
        label=_("Is de participatiebelofte waargemaakt"),
        choices=Evaluation.Kept.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of de belofte is waargemaakt.")},
    )
    account = text_field(_("Wat gebeurde er, tegen de belofte gezet"), TEXT_MAX, rows=5)
    residents_said = text_field(
        _("Wat zeiden inwoners over het traject (optioneel)"),
        TEXT_MAX,
        rows=3,
        required=False,
        help_text=_("In je eigen woorden; de uitkomsten van de evaluatievragenlijst gaan vanzelf mee."),
    )
    lessons = text_field(_("Wat leren we ervan"), TEXT_MAX, rows=3)


SCORES = [("1", _("1: helemaal niet mee eens")), ("2", "2"), ("3", "3"), ("4", "4"), ("5", _("5: helemaal mee eens"))]


class SelfAssessmentForm(forms.Form):
    team = forms.CharField(
        label=_("Team of afdeling (optioneel)"),
        max_length=100,
        required=False,
        help_text=_("Uitkomsten per team worden pas getoond als minstens 5 mensen van dat team meededen."),
    )

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        for statement in self.statements:
            self.fields[f"s{statement.pk}"] = forms.TypedChoiceField(
                label=f"{statement.characteristic}: {statement.text}",
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord bij deze stelling.")},
            )

    def scores(self) -> dict[int, int]:
        return {s.pk: self.cleaned_data[f"s{s.pk}"] for s in self.statements}


class StatementForm(forms.Form):
    characteristic = text_field(_("Kenmerk"), 100)
    text = text_field(_("Stelling"), 300)


class ResidentSurveyForm(forms.Form):
    """The residents' evaluation survey: a choice per question and an optional text."""

    comment = forms.CharField(
        label=_("Wil je nog iets zeggen over hoe het ging? (mag leeg blijven)"),
        max_length=COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Schrijf geen namen of telefoonnummers; die maken we onleesbaar."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comment = self.fields.pop("comment")
        for q in QUESTIONS:
            self.fields[q.key] = forms.ChoiceField(
                label=q.text,
                choices=q.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord."), "invalid_choice": _("Kies een antwoord.")},
            )
        self.fields["comment"] = comment

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data[q.key] for q in QUESTIONS}


class ResidentSurveyOpenForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Open tot en met (optioneel)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg: de evaluatietermijn van de verordening na het afronden."),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
