"""Print the current second-factor code of a demo staff account (only for the demo's fixed keys)."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .demo_data import demo_totp_key


class Command(BaseCommand):
    help = "Toon de huidige inlogcode van een demo-medewerker (alleen voor de demo)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        device = TOTPDevice.objects.filter(user__email__iexact=email, confirmed=True).first()
        if device is None or device.key != demo_totp_key(email.lower()):
            raise CommandError("Geen demo-account met een demo-sleutel voor dit e-mailadres.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
