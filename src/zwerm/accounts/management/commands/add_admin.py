"""Give a municipality its first admin: a staff account with a password (TOTP is linked at first log-in)."""

import getpass
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zwerm.accounts import services
from zwerm.accounts.selectors import user_get_by_email
from zwerm.core.models import Municipality


class Command(BaseCommand):
    help = (
        "Maak de eerste beheerder van een gemeente aan. Het wachtwoord komt uit ZWERM_ADMIN_PASSWORD of wordt "
        "gevraagd; de authenticator-app koppelt de beheerder bij de eerste keer inloggen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="slug van de gemeente")
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="naam die anderen zien")

    def handle(self, *args, municipality, email, name, **options):
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            raise CommandError(f"Onbekende gemeente: {municipality}")
        password = os.environ.get("ZWERM_ADMIN_PASSWORD") or getpass.getpass("Wachtwoord (minstens 12 tekens): ")
        try:
            with transaction.atomic():
                user = user_get_by_email(email=email)
                if user is None:
                    user = services.staff_user_create(email=email, display_name=name, password=password)
                services.role_bootstrap_admin(municipality=found, user=user)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        self.stdout.write(f"{email} is beheerder van {found.name}. Log in via /account/medewerker/inloggen.")
