"""Roles are held per municipality; every staff role needs a second factor at log-in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESIDENT = "resident", _("inwoner")
    MODERATOR = "moderator", _("moderator")
    PROCESS_LEAD = "process_lead", _("procesambtenaar")
    SPECIALIST = "specialist", _("vakambtenaar")
    COUNCIL_MEMBER = "council_member", _("raadslid")
    ADMIN = "admin", _("beheerder")


STAFF_ROLES = frozenset(r for r in Role if r != Role.RESIDENT)
