from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "zwerm.dialogues"
    label = "dialogues"
    verbose_name = _("Dialogen")

    def ready(self):
        from zwerm.processes.registry import components

        from .components import DialogueComponent

        components.register(DialogueComponent())

        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import DialoguesPersonalData

        if DialoguesPersonalData.key not in personal_data:
            personal_data.register(DialoguesPersonalData())

        from zwerm.core.text_sources import registry as text_sources

        from .text_sources import TEXT_SOURCE

        if TEXT_SOURCE.channel not in text_sources:
            text_sources.register(TEXT_SOURCE)
