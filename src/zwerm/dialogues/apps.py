from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "zwerm.dialogues"
    label = "dialogues"
