from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "zwerm.budgets"
    label = "budgets"
