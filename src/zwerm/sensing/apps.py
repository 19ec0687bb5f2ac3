from django.apps import AppConfig


class SensingConfig(AppConfig):
    name = "zwerm.sensing"
    label = "sensing"
