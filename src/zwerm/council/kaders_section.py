"""The process page's section on the kaders: budget spent and time until the deadline as bars, with a table.

Registered in processes' page_sections (apps.py), so the processes app does not need to know the council."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.amounts import format_euro

from .selectors import APPROACHING, EXCEEDED, MET, PASSED, frame_state

TRACK = 240  # the width of a full bar
ROW = 34


@dataclass(frozen=True)
class ProgressRow:
    label: str
    percent: int  # how far along, 0 to 100 (the bar stops at the end of its track)
    shown: str  # the figures in words, for the table and beside the bar
    tone: str  # ok, warning or danger
    y: int

    @property
    def width(self) -> float:
        return TRACK * min(max(self.percent, 0), 100) / 100

    @property
    def text_y(self) -> int:
        return self.y + 14


def _tone(state: str) -> str:
    return {APPROACHING: "warning", EXCEEDED: "danger", PASSED: "danger", MET: "ok"}.get(state, "ok")


def progress_rows(*, process, state, today: datetime.date) -> list[ProgressRow]:
    rows: list[ProgressRow] = []
    budget = state.budget
    if budget.budget is not None:
        rows.append(
            ProgressRow(
                label=_("Budget besteed"),
                percent=budget.percent or 0,
                shown=_("%(spent)s van %(budget)s (%(percent)s%%)")
                % {
                    "spent": format_euro(budget.spent),
                    "budget": format_euro(budget.budget),
                    "percent": budget.percent or 0,
                },
                tone=_tone(budget.state),
                y=len(rows) * ROW,
            )
        )
    deadline = state.deadline
    if deadline.deadline is not None:
        start = timezone.localdate(process.created_at)
        total = max((deadline.deadline - start).days, 1)
        end = timezone.localdate(process.closed_at) if process.closed_at else today
        percent = int(100 * (end - start).days / total)
        if deadline.state == MET:
            shown = _("afgerond vóór de deadline")
        elif deadline.days_left is not None and deadline.days_left >= 0:
            shown = _("nog %(days)s dagen tot de deadline") % {"days": deadline.days_left}
        else:
            shown = _("deadline verstreken")
        rows.append(
            ProgressRow(
                label=_("Tijd tot de deadline"),
                percent=percent,
                shown=shown,
                tone=_tone(deadline.state),
                y=len(rows) * ROW,
            )
        )
    return rows


class KadersSection:
    key = "council.kaders"
    template = "council/_kaders_section.html"

    def context(self, *, process, user) -> dict | None:
        state = frame_state(process=process)
        if not state.frames:
            return None
        rows = progress_rows(process=process, state=state, today=timezone.localdate())
        return {
            "process": process,
            "state": state,
            "rows": rows,
            "track": TRACK,
            "height": max(len(rows), 1) * ROW,
        }
