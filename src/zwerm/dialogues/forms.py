from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import CONTEXT_MAX, QUESTION_MAX, STATEMENT_MAX, Dialogue


class DialogueForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    question = forms.CharField(label=_("Vraag aan de deelnemers"), max_length=QUESTION_MAX)
    context = forms.CharField(
        label=_("Achtergrond"), max_length=CONTEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    seed_statements = forms.CharField(
        label=_("Startstellingen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(_("Eén stelling per regel, hoogstens {n} tekens per stelling."), n=STATEMENT_MAX),
    )
    moderation = forms.ChoiceField(label=_("Moderatie van nieuwe stellingen"), choices=Dialogue.Moderation.choices)
    closes_at = forms.DateTimeField(
        label=_("Sluit op (optioneel)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Bijvoorbeeld 2026-12-31 17:00."),
    )
    allow_anonymous = forms.BooleanField(label=_("Meedoen zonder account toestaan"), required=False)
    ask_district = forms.BooleanField(label=_("Vraag deelnemers in welke wijk ze wonen"), required=False, initial=True)
    anonymous_votes = forms.BooleanField(
        label=_("Anoniem stemmen: nergens bewaren wie wat stemde"),
        required=False,
        initial=True,
        help_text=_(
            "Stemmen hangen niet aan een account, maar aan een versleutelde code; de dialoog zegt dit aan de "
            "deelnemers. Deze belofte kan later niet worden ingetrokken."
        ),
    )


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Jouw stelling"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=format_lazy(_("Eén gedachte, kort en duidelijk (hoogstens {n} tekens)."), n=STATEMENT_MAX),
        error_messages={
            "required": _("Vul je stelling in."),
            "max_length": _("Je stelling is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
