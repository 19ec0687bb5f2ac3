"""Reads for initiatives, always scoped to one municipality."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet, prefetch_related_objects

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.attachments.selectors import attachment_list, first_images
from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.places.selectors import neighbourhood_list

from .models import (
    PHOTO_TARGET,
    PUBLIC,
    Comment,
    Flag,
    Follow,
    Initiative,
    MailDelivery,
    ModerationAction,
    Participation,
    Status,
    StatusChange,
    Support,
)

SORTS = ("newest", "supported", "relevance")


def _ordering(sort: str) -> tuple:
    """Newest first; most supported first, where support counts below the disclosure threshold sort as
    equal (newest first among them): the order must not rank what the page shows as "minder dan 5";
    or the best match first (only with a search on PostgreSQL, where the rank is annotated)."""
    if sort == "supported":
        return (disclosure.order_people("support_count").desc(), "-published_at", "-pk")
    if sort == "relevance":
        return ("-rank", "-published_at", "-pk")
    return ("-published_at", "-pk")


# The comments under an initiative: pages of top-level comments, each with its first replies.
COMMENT_ORDERS = {"nieuwste": ("-created_at", "-pk"), "oudste": ("created_at", "pk")}
COMMENTS_PER_PAGE = 20
REPLIES_SHOWN = 5
REPLIES_PER_PAGE = 50


@dataclass(frozen=True)
class InitiativeFilters:
    district: int | None = None
    neighbourhood: int | None = None
    kind: str = ""
    status: str = ""
    query: str = ""
    sort: str = ""  # "newest", "supported"; empty: the best match when searching, else the newest


def _public(municipality: Municipality) -> QuerySet[Initiative]:
    return Initiative.objects.filter(PUBLIC, municipality=municipality)


def _search(qs: QuerySet[Initiative], query: str) -> QuerySet[Initiative]:
    """On PostgreSQL through the stored, GIN-indexed `search_vector` (kept by a trigger, see migration 0003),
    with its rank for ordering; elsewhere word by word in the texts."""
    words = query.split()
    if not words:
        return qs
    if connection.vendor == "postgresql":
        # Stemmed words as typed, plus prefixes so that 'fiets' also finds 'fietsenstalling'.
        wanted = SearchQuery(query, config="dutch", search_type="websearch")
        prefixes = [f"{''.join(ch for ch in w if ch.isalnum())}:*" for w in words if any(c.isalnum() for c in w)]
        if prefixes:  # only punctuation typed: no prefix query (an empty raw tsquery is a syntax error)
            wanted = wanted | SearchQuery(" & ".join(prefixes), config="simple", search_type="raw")
        return qs.filter(search_vector=wanted).annotate(rank=SearchRank(F("search_vector"), wanted))
    for word in words:
        qs = qs.filter(Q(public_title__icontains=word) | Q(public_body__icontains=word))
    return qs


def initiative_list(*, municipality: Municipality, filters: InitiativeFilters) -> QuerySet[Initiative]:
    """Public initiatives with their buurt and wijk, filtered, searched and sorted."""
    qs = _public(municipality)
    if filters.district:
        # By the wijk's buurten, not through a join with the buurt: the index per buurt serves it (and the
        # planner knows how many initiatives each buurt has).
        hoods = neighbourhood_list(municipality=municipality).filter(district_id=filters.district)
        qs = qs.filter(neighbourhood_id__in=list(hoods.order_by().values_list("pk", flat=True)))
    if filters.neighbourhood:
        qs = qs.filter(neighbourhood_id=filters.neighbourhood)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    query = filters.query.strip()
    qs = _search(qs, query)
    # Without a chosen order: the best match first when searching (PostgreSQL ranks), else the newest first.
    ranked = bool(query) and connection.vendor == "postgresql"
    sort = filters.sort or ("relevance" if ranked else "newest")
    if sort == "relevance" and not ranked:
        sort = "newest"
    return qs.select_related("neighbourhood__district").order_by(*_ordering(sort))


PLACED_MAX = 500  # a map with more dots says nothing; the list pages through all


def initiative_list_placed(*, municipality: Municipality, filters: InitiativeFilters) -> list[Initiative]:
    """The public initiatives of the list that have a place, newest first, at most PLACED_MAX."""
    qs = initiative_list(municipality=municipality, filters=filters).filter(location_lon__isnull=False)
    return list(qs.order_by("-published_at", "-id")[:PLACED_MAX])


def initiative_get_for_user(*, municipality: Municipality, pk: int, user, as_staff: bool = False) -> Initiative | None:
    """The initiative if `user` may see it: public ones for all; submitted or hidden ones for the
    author, and for staff who handle initiatives when `as_staff` (logged in with their second factor)."""
    initiative = (
        Initiative.objects.filter(municipality=municipality, pk=pk)
        .select_related("author", "neighbourhood__district")
        .first()
    )
    if initiative is None:
        return None
    if initiative.is_public or (user.is_authenticated and initiative.author_id == user.pk):
        return initiative
    if as_staff and user_has_role(
        user=user, municipality=municipality, roles=(Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN)
    ):
        return initiative
    return None


def initiative_status_history(*, initiative: Initiative) -> QuerySet[StatusChange]:
    """The status changes, oldest first, each with whether its e-mail went out (`mail`, for staff only)."""
    return initiative.status_changes.select_related("mail").order_by("created_at", "pk")


def mail_delivery_state(*, status_change: StatusChange | None = None, action: ModerationAction | None = None) -> str:
    """Whether the e-mail about this staff step went out (MailDelivery.State), "" when none was due."""
    if status_change is not None:
        rows = MailDelivery.objects.filter(status_change=status_change)
    else:
        rows = MailDelivery.objects.filter(moderation_action=action)
    return rows.values_list("state", flat=True).first() or ""


def initiative_comments(*, initiative: Initiative, order: str = "") -> QuerySet[Comment]:
    """Top-level comments with their authors, newest first (or oldest with order="oudste"); page them, then
    give the page its replies with `comment_replies_attach`."""
    return (
        initiative.comments.filter(parent__isnull=True)
        .select_related("author")
        .order_by(*COMMENT_ORDERS.get(order, COMMENT_ORDERS["nieuwste"]))
    )


def comment_replies_attach(*, comments: list[Comment], shown: int = REPLIES_SHOWN) -> None:
    """Give each comment `shown_replies` (its first `shown` replies, oldest first, with their authors) and
    `reply_count` (all of them): two queries for a whole page, however long the threads are."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    prefetch_related_objects(comments, Prefetch("replies", queryset=replies[:shown], to_attr="shown_replies"))
    counts = dict(
        Comment.objects.filter(parent__in=[c.pk for c in comments])
        .values_list("parent")
        .annotate(n=Count("pk"))
        .values_list("parent", "n")
    )
    for comment in comments:
        comment.reply_count = counts.get(comment.pk, 0)  # type: ignore[attr-defined]


def comment_replies(*, comment: Comment) -> QuerySet[Comment]:
    """All replies to a top-level comment, oldest first, with their authors (for the thread's own pages)."""
    return comment.replies.select_related("author").order_by("created_at", "pk")


def comment_top_level_get(*, initiative: Initiative, pk) -> Comment | None:
    return initiative.comments.filter(pk=pk, parent__isnull=True).select_related("author").first()


@dataclass(frozen=True)
class Engagement:
    supports: bool = False
    joined: bool = False
    follows: bool = False


def initiative_engagement(*, initiative: Initiative, user) -> Engagement:
    if not user.is_authenticated:
        return Engagement()
    return Engagement(
        supports=Support.objects.filter(initiative=initiative, resident=user).exists(),
        joined=Participation.objects.filter(initiative=initiative, resident=user).exists(),
        follows=Follow.objects.filter(initiative=initiative, user=user).exists(),
    )


def initiative_participant_count(*, initiative: Initiative) -> int:
    return initiative.participants.count()


def initiative_list_for_author(*, municipality: Municipality, author) -> QuerySet[Initiative]:
    return (
        Initiative.objects.filter(municipality=municipality, author=author)
        .select_related("neighbourhood")
        .order_by("-created_at")
    )


def initiative_list_for_staff(*, municipality: Municipality, status: str = "") -> QuerySet[Initiative]:
    """All initiatives, also submitted and hidden ones, for staff who handle them."""
    qs = Initiative.objects.filter(municipality=municipality).select_related("author", "neighbourhood")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")


def moderation_queue(*, municipality: Municipality) -> QuerySet[Flag]:
    """Open flags, oldest first, with what they point at."""
    return (
        Flag.objects.filter(municipality=municipality, resolved_at__isnull=True)
        .select_related("initiative__author", "comment__author", "reporter")
        .order_by("created_at")
    )


def hidden_items(*, municipality: Municipality) -> dict[str, QuerySet]:
    return {
        "initiatives": Initiative.objects.filter(municipality=municipality)
        .exclude(hidden_reason="")
        .select_related("author")
        .order_by("-updated_at"),
        "comments": Comment.objects.filter(municipality=municipality)
        .exclude(hidden_reason="")
        .select_related("author", "initiative")
        .order_by("-created_at"),
    }


def comment_get(*, initiative: Initiative, pk) -> Comment | None:
    return initiative.comments.filter(pk=pk).first()


def flag_get(*, municipality: Municipality, pk) -> Flag | None:
    return Flag.objects.filter(municipality=municipality, pk=pk).select_related("initiative", "comment").first()


def page_size() -> int:
    return settings.ZWERM_PAGE_SIZE


def status_choices_public() -> list[tuple[str, str]]:
    return [(s.value, s.label) for s in Status if s != Status.SUBMITTED]


def comment_get_by_id(*, municipality: Municipality, pk) -> Comment | None:
    """Any comment of the municipality with its initiative's buurt and wijk (for sensing and staff)."""
    return (
        Comment.objects.filter(municipality=municipality, pk=pk)
        .select_related("initiative__neighbourhood__district")
        .first()
    )


def initiative_author_ids(*, municipality: Municipality, pks) -> dict[int, int]:
    """Initiative pk -> its author's user id, for counting distinct people in aggregates (never published)."""
    return dict(Initiative.objects.filter(municipality=municipality, pk__in=pks).values_list("pk", "author_id"))


def comment_author_ids(*, municipality: Municipality, pks) -> dict[int, int]:
    """Comment pk -> its author's user id, for counting distinct people in aggregates (never published)."""
    return dict(Comment.objects.filter(municipality=municipality, pk__in=pks).values_list("pk", "author_id"))


def flag_open_count(*, municipality: Municipality) -> int:
    """Flags waiting for a moderator (the staff start page)."""
    return Flag.objects.filter(municipality=municipality, resolved_at__isnull=True).count()


def initiative_submitted_count(*, municipality: Municipality) -> int:
    """Initiatives handed in and not yet published or refused (the staff start page)."""
    return Initiative.objects.filter(municipality=municipality, status=Status.SUBMITTED).count()


@dataclass(frozen=True)
class ResponseTime:
    """How long a published initiative waited for the municipality's first public response (a status change)."""

    initiative_id: int
    title: str
    published_at: datetime.datetime
    responded_at: datetime.datetime | None  # the first status change after publication
    days: int | None  # whole days from publication to that response; None while unanswered


def initiative_response_times(*, municipality: Municipality, published_from, published_before) -> list[ResponseTime]:
    """Public initiatives published in [from, before) with the time to their first response, oldest first."""
    qs = (
        _public(municipality)
        .filter(published_at__gte=published_from, published_at__lt=published_before)
        .prefetch_related(Prefetch("status_changes", queryset=StatusChange.objects.order_by("created_at", "pk")))
        .order_by("published_at", "pk")
    )
    rows = []
    for initiative in qs:
        first = next((c for c in initiative.status_changes.all() if c.created_at > initiative.published_at), None)
        responded = first.created_at if first else None
        days = (responded - initiative.published_at).days if responded else None
        rows.append(ResponseTime(initiative.pk, initiative.title, initiative.published_at, responded, days))
    return rows


def initiative_photos(*, initiative: Initiative, with_hidden: bool = False) -> list:
    """The initiative's photos and documents in order (`zwerm.attachments`); hidden ones only `with_hidden`."""
    return attachment_list(
        municipality=initiative.municipality, kind=PHOTO_TARGET, object_id=initiative.pk, with_hidden=with_hidden
    )


def initiative_card_images(*, municipality: Municipality, initiatives) -> None:
    """Give each initiative of a page its first visible photo as `card_image` (one query for the page)."""
    items = list(initiatives)
    images = first_images(municipality=municipality, kind=PHOTO_TARGET, object_ids=[i.pk for i in items])
    for item in items:
        item.card_image = images.get(item.pk)
