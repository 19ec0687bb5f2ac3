"""Which Django admin pages show personal data, and so ask for a purpose first. The one list.

A model's pages (list, object, add, history, delete) are behind the purpose step unless the model is in
WITHOUT_PERSONAL_DATA. The lists below only say *what* is shown, for the log and the purpose page: a
model that nobody has judged yet (a new package that registers an admin) is behind the step too, so
adding a registration can never open personal data without a purpose."""

from django.db.models import Model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zwerm.core.personal_data import registry

# App label -> what its admin pages show about people.
PERSONAL_DATA_APPS = {
    # Zwerm's users and Django's groups: e-mail addresses, names, who is in which group.
    "auth": _("accounts en groepen"),
    "accounts": _("accounts, lidmaatschappen en rollen"),
    # A session says who is logged in, from where, and holds what they were doing.
    "sessions": _("sessies van ingelogde mensen"),
    # django-axes: every log-in attempt with the IP address and the e-mail address that was typed.
    "axes": _("inlogpogingen met IP-adres en ingetypt e-mailadres"),
    # Background tasks: their arguments, results and error messages can name people.
    "django_tasks_database": _("achtergrondtaken met hun invoer en uitkomst"),
    # Django's own change history: who changed which object, with the object's name.
    "admin": _("wijzigingen in het Django-beheer"),
}
# django-otp's plug-ins (otp_totp, otp_static, ...): second-factor devices, one per staff member.
PERSONAL_DATA_APP_PREFIXES = {"otp_": _("tweede-factorapparaten van medewerkers")}

# Models whose admin pages show no personal data: no purpose asked. Add a model here only after checking
# every field and inline it shows.
WITHOUT_PERSONAL_DATA = {
    # The municipality's name, codes, texts and theme, and its host names (shown inline): the organisation,
    # not people.
    "core.municipality",
    "core.municipalityhost",
}


def personal_data_in(model: type[Model]) -> str | None:
    """What personal data the admin pages of `model` show (for the log), or None when they show none."""
    label, app_label = model._meta.label_lower, model._meta.app_label
    if label in WITHOUT_PERSONAL_DATA:
        return None
    if app_label in PERSONAL_DATA_APPS:
        return str(PERSONAL_DATA_APPS[app_label])
    for prefix, what in PERSONAL_DATA_APP_PREFIXES.items():
        if app_label.startswith(prefix):
            return str(what)
    if app_label in registry:  # a Zwerm app that registered its personal data (core.personal_data)
        return gettext("persoonsgegevens in %(app)s") % {"app": model._meta.app_config.verbose_name}
    return gettext("alle velden (nog niet beoordeeld op persoonsgegevens)")
