from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "zwerm.attachments"
    label = "attachments"
    verbose_name = _("Bijlagen")

    def ready(self):
        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import AttachmentsPersonalData

        if AttachmentsPersonalData.key not in personal_data:
            personal_data.register(AttachmentsPersonalData())
