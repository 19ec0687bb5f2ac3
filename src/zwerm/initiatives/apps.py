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

        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import InitiativesPersonalData

        if InitiativesPersonalData.key not in personal_data:
            personal_data.register(InitiativesPersonalData())

        from zwerm.core import staff_actions

        from .staff_actions import initiative_staff_actions

        staff_actions.register("initiatives", initiative_staff_actions)
