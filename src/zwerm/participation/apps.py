from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "zwerm.participation"
    label = "participation"
    verbose_name = _("Participatie")

    def ready(self):
        from zwerm.core.personal_data import registry as personal_data
        from zwerm.processes.registry import page_sections

        from .challenge_section import ChallengeSection
        from .personal_data import ParticipationPersonalData
        from .promise_section import PromiseSection

        if ParticipationPersonalData.key not in personal_data:
            personal_data.register(ParticipationPersonalData())
        if ChallengeSection.key not in page_sections:
            page_sections.register(ChallengeSection())
        if PromiseSection.key not in page_sections:
            page_sections.register(PromiseSection())
