from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "zwerm.budgets"
    label = "budgets"
    verbose_name = _("Buurtbudgetten")

    def ready(self):
        from zwerm.processes.registry import components

        from .components import BudgetComponent

        if BudgetComponent.key not in components:
            components.register(BudgetComponent())

        from zwerm.attachments.registry import targets

        from .photos import PROJECT_TARGET

        if PROJECT_TARGET.kind not in targets:
            targets.register(PROJECT_TARGET)

        from zwerm.core.personal_data import registry as personal_data

        from .personal_data import BudgetsPersonalData

        if BudgetsPersonalData.key not in personal_data:
            personal_data.register(BudgetsPersonalData())
