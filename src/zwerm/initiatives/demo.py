"""Demo-only: the demo shows a municipality with a past, which the services (they stamp the present) cannot make."""

from __future__ import annotations

from datetime import datetime

from .models import Comment


def comments_backdate(*, comments: list[Comment], at: datetime) -> None:
    """Give demo reactions an earlier moment, before sensing reads them (their texts are ingested after commit)."""
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(created_at=at)
