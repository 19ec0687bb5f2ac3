from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "zwerm.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from zwerm.core.personal_data import registry

        from .inventory import OTHER_MODELS

        for label, what in OTHER_MODELS.items():
            registry.declare(label, what)
