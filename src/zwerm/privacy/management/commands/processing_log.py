from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zwerm.core.selectors import municipality_list
from zwerm.privacy.processing_log import processing_log_lines


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date or time (use 2026-11-01 or 2026-11-01T08:00)") from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = (
        "Write the staff access log of personal data and the staff actions of one municipality as JSON lines "
        "in the shape of the Logboek Dataverwerkingen standard (docs/privacy.md), oldest first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="slug or CBS code (GMxxxx)")
        parser.add_argument("--since", type=_moment, help="from this moment (inclusive)")
        parser.add_argument("--until", type=_moment, help="up to this moment (exclusive)")
        parser.add_argument("--output", help="a file; default: standard output")

    def handle(self, *args, municipality, since, until, output, **options):
        found = [m for m in municipality_list() if municipality in (m.slug, m.cbs_code)]
        if not found:
            raise CommandError(f"No municipality {municipality!r}.")
        lines = processing_log_lines(municipality=found[0], since=since, until=until)
        target = open(output, "w", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        try:
            count = 0
            for line in lines:
                target.write(line, ending="") if target is self.stdout else target.write(line)
                count += 1
        finally:
            if output:
                target.close()
        if output:
            self.stderr.write(f"{count} records written to {output}")
