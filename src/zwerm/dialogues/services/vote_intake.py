"""The fast path for a vote from someone who already takes part: one SQL statement on PostgreSQL.

Vote intake is the busiest write in Zwerm (issue #3 asks 500 votes/s on 2 cores). `vote_cast` needs five
queries and a transaction; this path checks the same rules (dialogue of this municipality and open,
participant known, statement approved and not meta) inside one INSERT … ON CONFLICT with common table
expressions, and raises the recompute flag in the same statement. A participant is matched by account or
cookie, or, where the dialogue promises anonymous votes, by the pseudonym of either (the time is then the
day). Anything it cannot take — a first vote, a refused vote, another database — returns False, and the
caller takes the full path, which gives the precise message."""

from django.db import connection
from django.utils import timezone

from ..anonymity import day, participant_pseudonym, random_id
from ..models import Dialogue, Participant, Statement, Vote
from .analysis import analysis_queued

_SQL = """
WITH d AS (
    SELECT id, anonymous_votes FROM {dialogue}
    WHERE id = %(dialogue)s AND municipality_id = %(municipality)s
      AND opens_at <= %(now)s AND (closes_at IS NULL OR closes_at > %(now)s) {anonymous_allowed}
), p AS (
    SELECT pa.id FROM {participant} pa JOIN d ON pa.dialogue_id = d.id WHERE {participant_match}
), s AS (
    SELECT st.id FROM {statement} st JOIN d ON st.dialogue_id = d.id
    WHERE st.id = %(statement)s AND st.status = %(approved)s AND NOT st.is_meta
), v AS (
    INSERT INTO {vote} (id, participant_id, statement_id, value, updated_at)
    SELECT %(id)s, p.id, s.id, %(value)s, CASE WHEN d.anonymous_votes THEN %(day)s ELSE %(now)s END FROM p, s, d
    ON CONFLICT (participant_id, statement_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
    RETURNING 1
), flag AS (
    UPDATE {dialogue} SET needs_analysis = true
    WHERE id IN (SELECT id FROM d) AND NOT needs_analysis AND EXISTS (SELECT 1 FROM v)
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM v), EXISTS (SELECT 1 FROM flag)
"""


def _sql(*, anonymous: bool) -> str:
    return _SQL.format(
        dialogue=Dialogue._meta.db_table,
        participant=Participant._meta.db_table,
        statement=Statement._meta.db_table,
        vote=Vote._meta.db_table,
        anonymous_allowed="AND allow_anonymous" if anonymous else "",
        participant_match=(
            "(pa.anonymous_key = %(key)s OR pa.pseudonym = %(pseudonym)s)"
            if anonymous
            else "(pa.user_id = %(user)s OR pa.pseudonym = %(pseudonym)s)"
        ),
    )


_BY_USER, _BY_COOKIE = _sql(anonymous=False), _sql(anonymous=True)


def vote_record_known(
    *, municipality_id: int, dialogue_id: int, statement_id: int, value: int, user_id=None, anonymous_key=None
) -> bool:
    """Record the vote of an existing participant in one statement; False means: take `vote_cast`."""
    if connection.vendor != "postgresql" or value not in (-1, 0, 1) or (user_id is None and anonymous_key is None):
        return False
    now = timezone.now()
    params = {
        "dialogue": dialogue_id,
        "municipality": municipality_id,
        "statement": statement_id,
        "approved": Statement.Status.APPROVED,
        "value": value,
        "user": user_id,
        "key": anonymous_key,
        "now": now,  # the application's clock, as the full path uses (not the transaction's start)
        "day": day(now),
        "id": random_id(),
        "pseudonym": participant_pseudonym(dialogue_id=dialogue_id, user_id=user_id, anonymous_key=anonymous_key),
    }
    with connection.cursor() as cursor:
        cursor.execute(_BY_USER if user_id is not None else _BY_COOKIE, params)
        recorded, flagged = cursor.fetchone()
    if flagged:
        analysis_queued(dialogue_id=dialogue_id)
    return recorded
