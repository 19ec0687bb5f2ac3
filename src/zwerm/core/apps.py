from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zwerm.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self):
        from django.core import checks

        from . import task_leases
        from .uploads.scanners import check_scanner_setting

        task_leases.connect()
        checks.register(check_scanner_setting)
