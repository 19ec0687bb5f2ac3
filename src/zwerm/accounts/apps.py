from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "zwerm.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from zwerm.core.personal_data import registry

        from .personal_data import AccountsPersonalData, placeholder_user

        if AccountsPersonalData.key not in registry:
            registry.register(AccountsPersonalData())
            registry.set_placeholder(placeholder_user)

        from zwerm.core import staff_actions

        from .staff_actions import role_staff_actions

        staff_actions.register("accounts", role_staff_actions)
