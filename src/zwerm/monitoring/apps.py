from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "zwerm.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"

    def ready(self):
        from . import request_ids

        request_ids.connect()
