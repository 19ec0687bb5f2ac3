"""Reads for privacy: the access log for the admin, the municipality's settings, erasure and retention records."""

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from .models import AccountErasure, PersonalDataAccess, PrivacySettings, RetentionRun


def access_log_list(*, municipality: Municipality, staff_id: int | None = None) -> QuerySet[PersonalDataAccess]:
    qs = PersonalDataAccess.objects.filter(municipality=municipality).select_related("staff")
    if staff_id is not None:
        qs = qs.filter(staff_id=staff_id)
    return qs.order_by("-created_at", "-pk")


def access_log_staff_choices(*, municipality: Municipality) -> list[tuple[int, str]]:
    """The staff members who appear in the log, for the filter."""
    rows = (
        PersonalDataAccess.objects.filter(municipality=municipality)
        .values_list("staff_id", "staff__display_name")
        .distinct()
        .order_by("staff__display_name", "staff_id")
    )
    return list(rows)


def privacy_settings_get(*, municipality: Municipality) -> PrivacySettings | None:
    return PrivacySettings.objects.filter(municipality=municipality).first()


def retention_run_list(*, municipality: Municipality) -> QuerySet[RetentionRun]:
    return RetentionRun.objects.filter(municipality=municipality).order_by("-created_at", "-pk")


def account_erasure_list(*, municipality: Municipality) -> QuerySet[AccountErasure]:
    return AccountErasure.objects.filter(municipality=municipality).order_by("-created_at", "-pk")
