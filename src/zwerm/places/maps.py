"""Server-side SVG maps of wijken or buurten (choropleths) that always come with a table of the same figures.

A page builds an `AreaMap` from its rows, like a bar chart (zwerm.core.charts):

    area_map(
        [(district, figure.value if figure.shown else None, str(figure)) for ...],
        title=_("Kaart: ..."), caption=_("..."), label_header=_("Wijk"), value_header=_("Inwoners"),
        ident="districts-map",
    )

and includes `places/_area_map.html` with `map=...`: an SVG (role="img", titled, no JavaScript) with each
area shaded by its value, a legend, and beside it a table with every row, which is the accessible version.
Areas whose figure is not published are drawn hatched grey as "onvoldoende gegevens": the SVG never carries
their number. With `people=True` (the default) a value below the disclosure threshold is treated as not
published as well, whatever the caller passed. Areas without a known shape are only in the table; with no
shape at all the table stands alone. Coordinates go through `markup_number`."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from zwerm.core import disclosure
from zwerm.core.markup import markup_number

from . import geometry as geo
from .models import District, DistrictShape, Neighbourhood, NeighbourhoodShape

WIDTH = 640  # the SVG's coordinate width; it scales to the column (phone or desktop)
MAX_HEIGHT = 560
PADDING = 6
PALETTE = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")  # light to dark: few to many
HATCH = "hatch"


@dataclass(frozen=True)
class MapArea:
    code: str
    label: str  # the wijk's or buurt's name
    shown: str  # what the table says: "12", "minder dan 5"
    value: float | None  # None: not published, drawn hatched without a number
    extra: tuple[str, ...] = ()
    fill: str = ""  # a colour, or "" for hatched
    path: str = ""  # SVG path data ("" when the area has no shape)

    @property
    def hidden(self) -> bool:
        return self.value is None

    @property
    def tooltip(self) -> str:
        return f"{self.label}: {_('onvoldoende gegevens') if self.hidden else self.shown}"


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str  # "" for the hatched "onvoldoende gegevens"


@dataclass(frozen=True)
class AreaMap:
    title: str  # the SVG's title: what the map shows, in words
    caption: str  # the table's caption
    label_header: str
    value_header: str
    areas: list[MapArea]
    legend: list[LegendItem]
    ident: str = "area-map"
    width: int = WIDTH
    height: int = 0
    extra_headers: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def drawn(self) -> list[MapArea]:
        return [a for a in self.areas if a.path]

    @property
    def hatch_id(self) -> str:
        return f"{self.ident}-{HATCH}"

    @property
    def elements(self) -> list[SafeString]:
        """One `<path>` per drawn area, numbers through markup_number; hidden areas carry no number at all."""
        out = []
        for area in self.drawn:
            fill = area.fill or f"url(#{self.hatch_id})"
            css = "zwerm-map__area zwerm-map__area--hidden" if area.hidden else "zwerm-map__area"
            out.append(
                format_html(
                    '<path d="{}" fill="{}" class="{}" fill-rule="evenodd"><title>{}</title></path>',
                    area.path,
                    fill,
                    css,
                    area.tooltip,
                )
            )
        return out


def _shapes(places: Sequence[District | Neighbourhood]) -> dict[int, str]:
    """The outlines (GeoJSON, WGS84) of the places that have a shape, by pk, in one query."""
    if not places:
        return {}
    pks = [p.pk for p in places]
    if isinstance(places[0], District):
        return dict(DistrictShape.objects.filter(district__in=pks).values_list("district_id", "outline"))
    return dict(NeighbourhoodShape.objects.filter(neighbourhood__in=pks).values_list("neighbourhood_id", "outline"))


class _Projection:
    """Longitude/latitude to SVG coordinates: equirectangular at the map's middle latitude (true enough for a
    town), north up, fitted into WIDTH x MAX_HEIGHT."""

    def __init__(self, boxes: list[tuple[float, float, float, float]]):
        self.min_lon = min(b[0] for b in boxes)
        self.min_lat = min(b[1] for b in boxes)
        self.max_lon = max(b[2] for b in boxes)
        self.max_lat = max(b[3] for b in boxes)
        self.kx = math.cos(math.radians((self.min_lat + self.max_lat) / 2))
        span_x = max((self.max_lon - self.min_lon) * self.kx, 1e-9)
        span_y = max(self.max_lat - self.min_lat, 1e-9)
        inner_w, inner_h = WIDTH - 2 * PADDING, MAX_HEIGHT - 2 * PADDING
        self.scale = min(inner_w / span_x, inner_h / span_y)
        self.height = math.ceil(span_y * self.scale + 2 * PADDING)
        self.offset_x = (WIDTH - span_x * self.scale) / 2

    def path(self, shape) -> str:
        parts = []
        polygons = shape.geoms if hasattr(shape, "geoms") else [shape]
        for polygon in polygons:
            for ring in [polygon.exterior, *polygon.interiors]:
                points = [
                    f"{markup_number(self.offset_x + (lon - self.min_lon) * self.kx * self.scale)} "
                    f"{markup_number(PADDING + (self.max_lat - lat) * self.scale)}"
                    for lon, lat in ring.coords[:-1]
                ]
                if len(points) >= 3:
                    parts.append("M" + " L".join(points) + " Z")
        return " ".join(parts)


def _drawing(outlines: dict[int, str]) -> tuple[int, dict[int, str]]:
    """The SVG height and the path data per pk for these outlines. Drawing a town's hundred buurten writes
    some 16,000 coordinates; the result depends on the outlines only, so it is kept in the cache under their
    digest (a changed shape is a new key)."""
    if not outlines:
        return 0, {}
    digest = hashlib.sha256()
    for pk in sorted(outlines):
        digest.update(f"{pk}:{outlines[pk]};".encode())
    key = f"zwerm:places:drawing:{WIDTH}:{MAX_HEIGHT}:{digest.hexdigest()}"
    found = cache.get(key)
    if found is None:
        shapes = {pk: geo.from_text(text) for pk, text in outlines.items()}
        projection = _Projection([shape.bounds for shape in shapes.values()])
        found = (projection.height, {pk: projection.path(shape) for pk, shape in shapes.items()})
        cache.set(key, found, 24 * 3600)
    return found


def _bands(values: list[float]) -> list[tuple[float, float]]:
    """Up to len(PALETTE) classes of the published values, each about as many distinct values (quantiles):
    (lowest, highest) per class."""
    distinct = sorted(set(values))
    if not distinct:
        return []
    k = min(len(PALETTE), len(distinct))
    bands = []
    for i in range(k):
        chunk = distinct[round(i * len(distinct) / k) : round((i + 1) * len(distinct) / k)]
        bands.append((chunk[0], chunk[-1]))
    return bands


def _band_label(low: float, high: float) -> str:
    def text(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else f"{v:g}"

    return text(low) if low == high else f"{text(low)}–{text(high)}"


def area_map(
    rows: Sequence[tuple],
    *,
    title: str,
    caption: str,
    label_header: str,
    value_header: str,
    extra_headers: tuple[str, ...] = (),
    ident: str = "area-map",
    people: bool = True,
) -> AreaMap:
    """`rows` are (District or Neighbourhood, value or None, shown text[, extra cells]), all of one kind.
    A value of None is a figure that is not published; with `people` a value below the disclosure threshold
    is one too (its shown text becomes "minder dan 5")."""
    places = [row[0] for row in rows]
    height, paths = _drawing(_shapes(places))
    cleaned = []
    for row in rows:
        place, value, shown = row[0], row[1], row[2]
        extra = tuple(row[3]) if len(row) > 3 else ()
        if value is not None and people and not disclosure.is_public(int(value)):
            shown = disclosure.people(int(value)).display
            value = None
        cleaned.append((place, value, str(shown), extra))
    bands = _bands([v for _p, v, _s, _e in cleaned if v is not None])
    areas = []
    for place, value, shown, extra in cleaned:
        fill = ""
        if value is not None:
            fill = next((PALETTE[i] for i, (_lo, hi) in enumerate(bands) if value <= hi), PALETTE[len(bands) - 1])
        areas.append(MapArea(place.code, place.name, shown, value, extra, fill, paths.get(place.pk, "")))
    legend = [LegendItem(_band_label(lo, hi), PALETTE[i]) for i, (lo, hi) in enumerate(bands)]
    if any(a.hidden for a in areas):
        legend.append(
            LegendItem(
                _("onvoldoende gegevens (minder dan %(n)d)") % {"n": disclosure.threshold()}
                if people
                else _("onvoldoende gegevens"),
                "",
            )
        )
    return AreaMap(
        title=title,
        caption=caption,
        label_header=label_header,
        value_header=value_header,
        areas=areas,
        legend=legend,
        ident=ident,
        height=height,
        extra_headers=extra_headers,
    )
