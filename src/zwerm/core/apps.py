from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zwerm.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self):
        from . import task_leases

        task_leases.connect()
