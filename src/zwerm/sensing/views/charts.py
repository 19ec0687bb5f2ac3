"""Charts drawn on the server as SVG geometry (no JavaScript, no style attributes); tables carry the numbers."""

from __future__ import annotations

SPARK_WIDTH, SPARK_HEIGHT, PAD = 132, 32, 3
# A light-to-dark blue ramp with enough contrast steps for the per-wijk grid.
RAMP = ["#f1f5fb", "#c6d8ef", "#8fb3df", "#4f86c6", "#1f5fa6", "#0b3a70"]


def sparkline(counts: list[int], band: list[tuple[float, float]] | None = None) -> dict:
    """Polyline points for weekly counts, scaled to the largest; the last point marked. With `band`
    ((low, high) per coming week), the expected band is drawn after the counts as a shaded area."""
    band = band or []
    n = len(counts) + len(band)
    top = max([*counts, *(high for _low, high in band)], default=0)
    step = (SPARK_WIDTH - 2 * PAD) / max(n - 1, 1)

    def y(value: float) -> float:
        return round(SPARK_HEIGHT - PAD - (value / top if top else 0) * (SPARK_HEIGHT - 2 * PAD), 1)

    coords = [(round(PAD + i * step, 1), y(v)) for i, v in enumerate(counts)]
    area = []
    if band:
        xs = [round(PAD + (len(counts) + i) * step, 1) for i in range(len(band))]
        area = [(x, y(high)) for x, (_low, high) in zip(xs, band, strict=True)]
        area += [(x, y(low)) for x, (low, _high) in reversed(list(zip(xs, band, strict=True)))]
    return {
        "coords": coords,
        "last": coords[-1] if coords else (0, 0),
        "band": area,
        "width": SPARK_WIDTH,
        "height": SPARK_HEIGHT,
        "max": top,
    }


def shade(value: int, top: int) -> str:
    """A fill colour for a count in the per-wijk grid (0 = lightest)."""
    if value <= 0 or top <= 0:
        return RAMP[0]
    return RAMP[min(len(RAMP) - 1, 1 + int((len(RAMP) - 2) * value / top))]
