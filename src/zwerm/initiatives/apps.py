from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "zwerm.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatieven")

    def ready(self):
        from zwerm.processes.registry import components

        from .components import InitiativeComponent

        components.register(InitiativeComponent())
