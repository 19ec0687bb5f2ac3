"""Server-side SVG bar charts that always come with a table of the same figures.

A page builds a `BarChart` from its rows (label, value, the text the table shows) and includes
`web/_bar_chart.html`: a horizontal bar per row in an SVG (role="img", titled) and, beside it, a table
with the same rows, so the figures work without JavaScript and for screen readers. Rows whose figure is
not published (fewer than 5 people) get no bar, only their text in the table. Coordinates go through
`markup_number` in the template, so the chart draws in every language."""

from __future__ import annotations

from dataclasses import dataclass, field

LABEL_WIDTH = 160  # room for the label left of the bars
BAR_WIDTH = 220  # the longest bar (narrow enough to stay readable on a phone)
ROW_HEIGHT = 28
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    shown: str  # what the table (and the bar's end) says: "12", "minder dan 5", "€ 4.000"
    value: float | None  # None: no bar (a figure that is not published)
    y: float
    width: float
    tone: str = ""  # an optional CSS modifier: "good", "bad", "muted"
    extra: tuple[str, ...] = ()  # more table cells after the figure

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT - 3

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    title: str  # the SVG's title: what the chart shows, in words
    caption: str  # the table's caption
    label_header: str
    value_header: str
    bars: list[Bar]
    extra_headers: tuple[str, ...] = ()
    ident: str = "chart"
    width: int = LABEL_WIDTH + BAR_WIDTH + 80
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    notes: list[str] = field(default_factory=list)

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW_HEIGHT + 8

    @property
    def drawn(self) -> list[Bar]:
        return [b for b in self.bars if b.value is not None and b.width > 0]


def bar_chart(
    rows: list[tuple],
    *,
    title: str,
    caption: str,
    label_header: str,
    value_header: str,
    extra_headers: tuple[str, ...] = (),
    ident: str = "chart",
) -> BarChart:
    """`rows` are (label, value or None, shown text[, tone[, extra cells]]); bars scale to the largest value."""
    values = [r[1] for r in rows if r[1] is not None]
    top = max(values) if values else 0
    bars = []
    for i, row in enumerate(rows):
        label, value, shown = row[0], row[1], row[2]
        tone = row[3] if len(row) > 3 else ""
        extra = tuple(row[4]) if len(row) > 4 else ()
        width = (BAR_WIDTH * float(value) / float(top)) if value is not None and top else 0.0
        if value is not None and value > 0:
            width = max(width, 2.0)  # a small figure still shows a sliver
        bars.append(
            Bar(
                label=str(label),
                shown=str(shown),
                value=value,
                y=4 + i * ROW_HEIGHT,
                width=width,
                tone=tone,
                extra=extra,
            )
        )
    return BarChart(
        title=title,
        caption=caption,
        label_header=label_header,
        value_header=value_header,
        bars=bars,
        extra_headers=extra_headers,
        ident=ident,
    )
