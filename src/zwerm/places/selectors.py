import re

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from .models import District, Neighbourhood, Postcode


def district_list(*, municipality: Municipality) -> QuerySet[District]:
    return District.objects.filter(municipality=municipality).order_by("name")


def neighbourhood_list(*, municipality: Municipality, district: District | None = None) -> QuerySet[Neighbourhood]:
    qs = Neighbourhood.objects.filter(municipality=municipality).select_related("district")
    if district is not None:
        qs = qs.filter(district=district)
    return qs.order_by("district__name", "name")


def neighbourhood_get(*, municipality: Municipality, pk) -> Neighbourhood | None:
    return neighbourhood_list(municipality=municipality).filter(pk=pk).first()


def district_get(*, municipality: Municipality, pk) -> District | None:
    return district_list(municipality=municipality).filter(pk=pk).first()


def normalise_postcode(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def neighbourhood_for_postcode(*, municipality: Municipality, postcode: str) -> Neighbourhood | None:
    found = (
        Postcode.objects.filter(municipality=municipality, postcode=normalise_postcode(postcode))
        .select_related("neighbourhood")
        .first()
    )
    return found.neighbourhood if found else None
