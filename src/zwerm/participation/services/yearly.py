"""Writes for the yearly report: made (and remade) by staff until it is sent to the council; then frozen."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role

from ..models import YearlyReport
from ..report import report_content

MAKERS = (Role.PROCESS_LEAD, Role.ADMIN)


def _require_maker(*, user, municipality) -> None:
    if not (user.is_authenticated and user_has_role(user=user, municipality=municipality, roles=MAKERS)):
        raise PermissionDenied(_("Alleen een procesambtenaar of beheerder maakt het jaarverslag."))


def yearly_report_generate(*, municipality, actor, year: int) -> YearlyReport:
    """Make the report for `year` from the record as it is now; an unsent report is made again."""
    _require_maker(user=actor, municipality=municipality)
    if not 2000 <= year <= timezone.localdate().year:
        raise ValidationError({"year": [_("Kies een jaar tot en met dit jaar.")]})
    content = report_content(municipality=municipality, year=year)
    with transaction.atomic():
        report, _created = YearlyReport.objects.select_for_update().get_or_create(
            municipality=municipality,
            year=year,
            defaults={"content": content, "generated_at": timezone.now(), "generated_by": actor},
        )
        if not _created:
            if report.is_frozen:
                raise ValidationError(_("Het jaarverslag over %(year)d is al naar de raad gestuurd.") % {"year": year})
            report.content, report.generated_at, report.generated_by = content, timezone.now(), actor
            report.save(update_fields=["content", "generated_at", "generated_by"])
    return report


def yearly_report_send(*, report: YearlyReport, actor) -> YearlyReport:
    """Send the report to the council: from now on it is frozen and public."""
    _require_maker(user=actor, municipality=report.municipality)
    with transaction.atomic():
        locked = YearlyReport.objects.select_for_update().get(pk=report.pk)
        if locked.is_frozen:
            raise ValidationError(_("Dit jaarverslag is al naar de raad gestuurd."))
        locked.sent_at, locked.sent_by = timezone.now(), actor
        locked.save(update_fields=["sent_at", "sent_by"])
    return locked
