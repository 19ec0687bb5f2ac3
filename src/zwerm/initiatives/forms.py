from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zwerm.attachments.forms import PhotoFields
from zwerm.locations.forms import LocationFormMixin
from zwerm.web.forms import neighbourhood_field

from .models import BODY_MAX, COMMENT_MAX, LOCATION_MAX, REASON_MAX, TITLE_MAX, Kind, Status


class InitiativeForm(LocationFormMixin, PhotoFields):
    kind = forms.ChoiceField(
        label=_("Wat wil je inbrengen?"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        initial=Kind.INITIATIVE,
        error_messages={"required": _("Kies of het een initiatief, idee of zorg is.")},
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=TITLE_MAX,
        help_text=format_lazy(_("Kort en duidelijk, hoogstens {n} tekens."), n=TITLE_MAX),
        error_messages={
            "required": _("Vul een titel in."),
            "max_length": _("De titel is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
    body = forms.CharField(
        label=_("Beschrijving"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Wat wil je, waarom, en wie doet er mee? Zet hier geen telefoonnummer of adres in."),
        error_messages={
            "required": _("Vul een beschrijving in."),
            "max_length": _("De beschrijving is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
    location_description = forms.CharField(
        label=_("Plek (optioneel)"),
        max_length=LOCATION_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: het speelveldje achter de bibliotheek."),
        error_messages={"max_length": _("De plek is te lang: hoogstens %(limit_value)d tekens.")},
    )

    def __init__(self, *args, municipality, has_location: bool = False, photos=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"] = neighbourhood_field(municipality, label=_("Buurt"))
        order = ["kind", "title", "body", "neighbourhood", "location_description"]
        if photos:  # editing: the photos it has, each with a box to remove it
            self.fields["photos_remove"] = forms.TypedMultipleChoiceField(
                label=_("Foto's verwijderen"),
                required=False,
                coerce=int,
                choices=[(photo.pk, photo.alt_text) for photo in photos],
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Vink de foto's aan die weg moeten."),
            )
            order.append("photos_remove")
        self.order_fields([*order, "photo", "photo_alt"])
        self.setup_location(municipality=municipality, has_location=has_location)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Je reactie"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Vul je reactie in."),
            "max_length": _("Je reactie is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden op."),
            "max_length": _("De reden is te lang: hoogstens %(limit_value)d tekens."),
        },
    )


class FlagForm(ReasonForm):
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)


class StatusForm(ReasonForm):
    to_status = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s.value, s.label) for s in Status if s in allowed]
        self.fields["reason"].label = _("Toelichting voor de indiener en volgers")
        self.order_fields(["to_status", "reason"])


class ModerationForm(ReasonForm):
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200)
    district = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)
    neighbourhood = forms.TypedChoiceField(label=_("Buurt"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Soort"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(
        label=_("Sorteren"),
        required=False,
        choices=[("", _("Best passend")), ("newest", _("Nieuwste eerst")), ("supported", _("Meeste steun"))],
        help_text=_("Best passend: wat het meest lijkt op je zoekwoorden eerst; zonder zoekwoorden het nieuwste."),
    )

    def __init__(self, *args, districts, neighbourhoods, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("Alle wijken"))] + [(d.pk, d.name) for d in districts]
        self.fields["neighbourhood"].choices = [("", _("Alle buurten"))] + [(n.pk, n.name) for n in neighbourhoods]
        self.fields["kind"].choices = [("", _("Alle soorten"))] + list(Kind.choices)
        self.fields["status"].choices = [("", _("Alle statussen"))] + statuses
