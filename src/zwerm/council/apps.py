from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "zwerm.council"
    label = "council"
    verbose_name = _("Raad")

    def ready(self):
        from zwerm.core.personal_data import registry as personal_data
        from zwerm.processes.registry import page_sections

        from .kaders_section import KadersSection
        from .personal_data import CouncilPersonalData

        if CouncilPersonalData.key not in personal_data:
            personal_data.register(CouncilPersonalData())
        if KadersSection.key not in page_sections:
            page_sections.register(KadersSection())
