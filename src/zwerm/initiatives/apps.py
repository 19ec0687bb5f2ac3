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

        from zwerm.attachments.registry import targets

        from .photos import INITIATIVE_TARGET

        if INITIATIVE_TARGET.kind not in targets:
            targets.register(INITIATIVE_TARGET)

        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import InitiativesPersonalData

        if InitiativesPersonalData.key not in personal_data:
            personal_data.register(InitiativesPersonalData())

        from zwerm.core import staff_actions

        from .staff_actions import initiative_staff_actions

        staff_actions.register("initiatives", initiative_staff_actions)

        from zwerm.core.text_sources import registry as text_sources

        from .text_sources import TEXT_SOURCES

        for source in TEXT_SOURCES:
            if source.channel not in text_sources:
                text_sources.register(source)
