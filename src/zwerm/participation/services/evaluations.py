"""Writes for evaluations: after a process closes, its lead sets the promise against what happened."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.moments import moment
from zwerm.core.text import clean_texts
from zwerm.processes.services.checks import require_manager

from ..models import TEXT_MAX, Evaluation
from ..selectors.evaluations import evaluation_figures
from ..selectors.promises import promise_current


def evaluation_record(
    *,
    process,
    actor,
    kept: str,
    account: str,
    lessons: str,
    residents_said: str = "",
    at: datetime.datetime | None = None,
) -> Evaluation:
    """Record the evaluation of a closed process, with its figures as they are now (kept with it). `at`: when,
    for history recorded afterwards (core.moments; default now; never before the process closed)."""
    when = moment(at)
    if process.closed_at is not None and when < process.closed_at:
        raise ValueError("an evaluation cannot come before the process closed")
    require_manager(process=process, user=actor)
    if process.status != "closed":
        raise ValidationError(_("Een traject wordt geëvalueerd nadat het is afgerond."))
    if kept not in Evaluation.Kept.values:
        raise ValidationError({"kept": [_("Kies of de belofte is waargemaakt.")]})
    texts = clean_texts(
        (
            ("account", _("wat er gebeurde"), account, TEXT_MAX, True),
            ("lessons", _("wat we leren"), lessons, TEXT_MAX, True),
            ("residents_said", _("wat inwoners zeiden"), residents_said, TEXT_MAX, False),
        )
    )
    figures = evaluation_figures(process=process)
    with transaction.atomic():
        return Evaluation.objects.create(
            process=process,
            promise=promise_current(process=process),
            kept=kept,
            figures=figures,
            author=actor,
            created_at=when,
            **texts,
        )
