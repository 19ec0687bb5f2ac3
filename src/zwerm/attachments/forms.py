from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ALT_TEXT_MAX, REASON_MAX

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Geef een reden op."),
            "max_length": _("De reden is te lang: hoogstens %(limit_value)d tekens."),
        },
    )


class PhotoFields(forms.Form):
    """A photo with its description, for a target app's own form (mixed in or used beside it).

    The file is optional; with a file the description is required (a screen reader reads it aloud)."""

    photo = forms.FileField(
        label=_("Foto (optioneel)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_(
            "Een JPEG-, PNG- of WebP-bestand. We halen de gegevens uit de foto, zoals de plek waar hij is gemaakt."
        ),
    )
    photo_alt = forms.CharField(
        label=_("Wat staat er op de foto?"),
        max_length=ALT_TEXT_MAX,
        required=False,
        help_text=_("Voor wie de foto niet kan zien. Bijvoorbeeld: een leeg grasveld met twee bomen."),
        error_messages={"max_length": _("De beschrijving is te lang: hoogstens %(limit_value)d tekens.")},
    )

    def clean(self):
        data = super().clean()
        photo, alt = data.get("photo"), (data.get("photo_alt") or "").strip()
        if photo and not alt:
            self.add_error("photo_alt", _("Beschrijf wat er op de foto staat."))
        return data


class AttachmentForm(forms.Form):
    """A photo or PDF document with its description (staff pages)."""

    file = forms.FileField(
        label=_("Foto of document"),
        widget=forms.FileInput(attrs={"accept": f"{IMAGE_ACCEPT},application/pdf"}),
        help_text=_(
            "Een foto (JPEG, PNG of WebP) of een PDF-document. Uit foto's halen we de gegevens, zoals de plek."
        ),
        error_messages={"required": _("Kies een bestand.")},
    )
    alt_text = forms.CharField(
        label=_("Beschrijving"),
        max_length=ALT_TEXT_MAX,
        help_text=_("Bij een foto: wat erop staat, voor wie hem niet kan zien. Bij een document: wat erin staat."),
        error_messages={
            "required": _("Beschrijf de foto of het document."),
            "max_length": _("De beschrijving is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
