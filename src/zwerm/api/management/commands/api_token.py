"""zwerm api_token create|revoke|list: tokens for the municipality's own systems (docs/api/README.md)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zwerm.accounts.roles import STAFF_ROLES
from zwerm.accounts.selectors import user_get_by_email
from zwerm.core.models import Municipality

from ... import selectors, services


def _municipality(slug: str) -> Municipality:
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        raise CommandError(f"Onbekende gemeente: {slug}")
    return found


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = (
        "Sleutels voor de REST API (/api/v1/). Een sleutel hoort bij één gemeente, handelt namens een "
        "medewerker en heeft één rol die die medewerker daar heeft. De sleutel wordt alleen bij het maken getoond."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        create = commands.add_parser("create", help="maak een sleutel en toon hem één keer")
        create.add_argument("--municipality", required=True, help="slug van de gemeente")
        create.add_argument("--user", required=True, help="e-mailadres van de medewerker namens wie de sleutel werkt")
        create.add_argument("--role", required=True, choices=sorted(str(r) for r in STAFF_ROLES))
        create.add_argument("--name", required=True, help="naam van de koppeling, bijvoorbeeld 'Zaaksysteem'")
        revoke = commands.add_parser("revoke", help="trek een sleutel in")
        revoke.add_argument("--municipality", required=True, help="slug van de gemeente")
        revoke.add_argument("id", type=int, help="nummer van de sleutel (zie list)")
        listing = commands.add_parser("list", help="toon de sleutels van een gemeente (niet de sleutels zelf)")
        listing.add_argument("--municipality", required=True, help="slug van de gemeente")
        listing.add_argument("--all", action="store_true", help="ook ingetrokken sleutels")

    def handle(self, *args, action, municipality, **options):
        found = _municipality(municipality)
        try:
            getattr(self, f"_{action}")(found, **options)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None

    def _create(self, municipality, *, user, role, name, **options):
        owner = user_get_by_email(email=user)
        if owner is None:
            raise CommandError(f"Onbekende gebruiker: {user}")
        token, raw = services.api_token_create(municipality=municipality, name=name, role=role, created_by=owner)
        self.stderr.write(
            f"Sleutel {token.pk} ({token.name}, rol {token.role}) voor {municipality.name}. "
            "Bewaar hem nu: hij wordt niet nog eens getoond."
        )
        self.stdout.write(raw)

    def _revoke(self, municipality, *, id, **options):  # noqa: A002  (the argument's name)
        token = services.api_token_revoke(municipality=municipality, pk=id)
        self.stdout.write(f"Sleutel {token.pk} ({token.name}) is ingetrokken.")

    def _list(self, municipality, *, all, **options):  # noqa: A002
        for token in selectors.api_token_list(municipality=municipality, include_revoked=all):
            owner = token.created_by.email if token.created_by else "-"
            state = f"ingetrokken {_when(token.revoked_at)}" if token.revoked_at else "actief"
            self.stdout.write(
                f"{token.pk}\t{token.name}\t{token.role}\t{owner}\taangemaakt {_when(token.created_at)}\t"
                f"laatst gebruikt {_when(token.last_used_at)}\t{state}"
            )
