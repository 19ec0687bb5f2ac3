"""Pages every visitor sees: the list with filters and search, and one initiative."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zwerm.accounts.decorators import staff_verified
from zwerm.accounts.roles import Role
from zwerm.attachments.forms import ReasonForm as PhotoReasonForm
from zwerm.locations.maps import feature, places_map
from zwerm.places.selectors import district_list, neighbourhood_list
from zwerm.web.pagination import paginate, query_without_page

from .. import selectors
from ..forms import CommentForm, FilterForm, FlagForm, ModerationForm, StatusForm
from ..models import TRANSITIONS, Status


def _filters(request):
    municipality = request.municipality
    form = FilterForm(
        request.GET or None,
        districts=district_list(municipality=municipality),
        neighbourhoods=neighbourhood_list(municipality=municipality),
        statuses=selectors.status_choices_public(),
    )
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.InitiativeFilters(
        district=data.get("district"),
        neighbourhood=data.get("neighbourhood"),
        kind=data.get("kind") or "",
        status=data.get("status") or "",
        query=data.get("q") or "",
        sort=data.get("sort") or "",
    )
    return form, filters


@require_GET
def initiative_list(request):
    form, filters = _filters(request)
    page = paginate(request, selectors.initiative_list(municipality=request.municipality, filters=filters))
    selectors.initiative_card_images(municipality=request.municipality, initiatives=page.object_list)
    context = {"form": form, "page": page, "query": query_without_page(request), "filters": filters}
    template = "initiatives/_results.html" if request.htmx else "initiatives/list.html"
    return render(request, template, context)


@require_GET
def initiative_map(request):
    """The same list on a map: the initiatives with a place, at their public (rounded) point."""
    form, filters = _filters(request)
    items = selectors.initiative_list_placed(municipality=request.municipality, filters=filters)
    selectors.initiative_card_images(municipality=request.municipality, initiatives=items)
    features = [
        feature(point=i.public_point, title=i.shown_title, url=i.get_absolute_url(), kind=i.kind)
        for i in items
        if i.public_point
    ]
    context = {
        "form": form,
        "items": items,
        "query": query_without_page(request),
        "places_map": places_map(
            municipality=request.municipality,
            features=features,
            ident="initiative-map",
            label=_("Kaart van de initiatieven met een plek"),
        ),
    }
    return render(request, "initiatives/map.html", context)


def get_visible_or_404(request, pk):
    initiative = selectors.initiative_get_for_user(
        municipality=request.municipality,
        pk=pk,
        user=request.user,
        as_staff=staff_verified(request, Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN),
    )
    if initiative is None:
        raise Http404
    return initiative


@require_GET
def initiative_detail(request, pk):
    initiative = get_visible_or_404(request, pk)
    can_moderate = staff_verified(request, Role.MODERATOR, Role.ADMIN)
    can_change_status = staff_verified(request, Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN)
    allowed = TRANSITIONS[Status(initiative.status)]
    order = request.GET.get("reacties") if request.GET.get("reacties") in selectors.COMMENT_ORDERS else "nieuwste"
    comments = paginate(
        request,
        selectors.initiative_comments(initiative=initiative, order=order),
        per_page=selectors.COMMENTS_PER_PAGE,
    )
    selectors.comment_replies_attach(comments=comments.object_list)
    context = {
        "initiative": initiative,
        # Hidden photos only for moderators (with the reason) and the author (who sees why).
        "photos": selectors.initiative_photos(
            initiative=initiative, with_hidden=can_moderate or request.user.pk == initiative.author_id
        ),
        "photo_moderation_form": PhotoReasonForm() if can_moderate else None,
        "history": selectors.initiative_status_history(initiative=initiative),
        "comments": comments,
        "comment_order": order,
        "query": query_without_page(request),
        "engagement": selectors.initiative_engagement(initiative=initiative, user=request.user),
        "participant_count": selectors.initiative_participant_count(initiative=initiative),
        "is_author": request.user.is_authenticated and request.user.pk == initiative.author_id,
        "comment_form": CommentForm(),
        "flag_form": FlagForm(),
        "can_moderate": can_moderate,
        "moderation_form": ModerationForm() if can_moderate else None,
        "status_form": StatusForm(allowed=allowed) if can_change_status and allowed else None,
        "withdraw_form": ModerationForm(),
    }
    return render(request, "initiatives/detail.html", context)


@require_GET
def comment_thread(request, pk, comment_pk):
    """One top-level comment with all its replies, in pages (the initiative page shows the first few)."""
    initiative = get_visible_or_404(request, pk)
    comment = selectors.comment_top_level_get(initiative=initiative, pk=comment_pk)
    if comment is None:
        raise Http404
    page = paginate(request, selectors.comment_replies(comment=comment), per_page=selectors.REPLIES_PER_PAGE)
    comment.shown_replies = page.object_list  # type: ignore[attr-defined]
    comment.reply_count = 0  # type: ignore[attr-defined]  # no "all replies" link: this is that page
    context = {
        "initiative": initiative,
        "comment": comment,
        "page": page,
        "can_moderate": staff_verified(request, Role.MODERATOR, Role.ADMIN),
    }
    return render(request, "initiatives/comment_thread.html", context)
