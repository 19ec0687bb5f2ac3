from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.web.forms import neighbourhood_field

from .roles import Role


class RegisterForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
    )
    display_name = forms.CharField(
        label=_("Naam die anderen zien"),
        max_length=60,
        help_text=_("Bijvoorbeeld je voornaam. Gebruik geen e-mailadres of telefoonnummer."),
        error_messages={"required": _("Vul een naam in."), "max_length": _("Gebruik hoogstens 60 tekens.")},
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"] = neighbourhood_field(municipality)


class LoginLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
    )


class StaffLoginForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), error_messages={"required": _("Vul je e-mailadres in.")})
    password = forms.CharField(
        label=_("Wachtwoord"), widget=forms.PasswordInput, error_messages={"required": _("Vul je wachtwoord in.")}
    )
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        required=False,
        max_length=8,
        help_text=_("Zes cijfers. Nog geen app gekoppeld? Laat dit leeg; je koppelt hem in de volgende stap."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": _("Vul de code van zes cijfers in.")},
    )


class ProfileForm(forms.Form):
    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"] = neighbourhood_field(municipality)


class RoleForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de medewerker"))
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r != Role.RESIDENT]
