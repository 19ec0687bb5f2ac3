import re

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from . import geometry as geo
from .models import District, DistrictShape, Neighbourhood, NeighbourhoodShape, Postcode


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


def _around(*, lon: float, lat: float) -> dict:
    return {"min_lon__lte": lon, "max_lon__gte": lon, "min_lat__lte": lat, "max_lat__gte": lat}


def neighbourhood_at(*, municipality: Municipality, lon: float, lat: float) -> Neighbourhood | None:
    """The buurt (with its wijk, `.district`) whose shape holds the point (WGS84), or None outside every
    known shape. The bounding boxes pick the candidates in SQL, shapely decides; on a shared border the
    buurt with the lowest code wins, so the answer is always the same."""
    candidates = NeighbourhoodShape.objects.filter(
        neighbourhood__municipality=municipality, **_around(lon=lon, lat=lat)
    ).order_by("neighbourhood__code")
    for pk, text in candidates.values_list("neighbourhood_id", "geometry"):
        if geo.covers(text, lon=lon, lat=lat):
            return Neighbourhood.objects.select_related("district").get(pk=pk)
    return None


def district_at(*, municipality: Municipality, lon: float, lat: float) -> District | None:
    """The wijk whose shape holds the point (WGS84); the buurt's wijk when only buurten have shapes."""
    candidates = DistrictShape.objects.filter(district__municipality=municipality, **_around(lon=lon, lat=lat))
    for pk, text in candidates.order_by("district__code").values_list("district_id", "geometry"):
        if geo.covers(text, lon=lon, lat=lat):
            return District.objects.get(pk=pk)
    neighbourhood = neighbourhood_at(municipality=municipality, lon=lon, lat=lat)
    return neighbourhood.district if neighbourhood else None
