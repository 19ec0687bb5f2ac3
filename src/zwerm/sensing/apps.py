from django.apps import AppConfig


class SensingConfig(AppConfig):
    name = "zwerm.sensing"
    label = "sensing"

    def ready(self):
        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import SensingPersonalData

        if SensingPersonalData.key not in personal_data:
            personal_data.register(SensingPersonalData())
