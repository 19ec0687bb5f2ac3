from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "zwerm.processes"
    label = "processes"
    verbose_name = _("Participatietrajecten")

    def ready(self):
        from .components import MeetingComponent, SurveyComponent
        from .registry import components

        for component_type in (MeetingComponent(), SurveyComponent()):
            if component_type.key not in components:
                components.register(component_type)

        from zwerm.attachments.registry import targets

        from .attachments import UPDATE_TARGET

        if UPDATE_TARGET.kind not in targets:
            targets.register(UPDATE_TARGET)

        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import ProcessesPersonalData

        if ProcessesPersonalData.key not in personal_data:
            personal_data.register(ProcessesPersonalData())

        from zwerm.core.text_sources import registry as text_sources

        from .text_sources import TEXT_SOURCE

        if TEXT_SOURCE.channel not in text_sources:
            text_sources.register(TEXT_SOURCE)
