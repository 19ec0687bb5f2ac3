"""What a resident does: bring in and edit an initiative, support, join, follow, react, report."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from zwerm.accounts.decorators import resident_required
from zwerm.accounts.selectors import membership_get
from zwerm.core.limits import submission_rate
from zwerm.core.uploads import upload_limit
from zwerm.web.actions import add_service_errors, perform, submit_once
from zwerm.web.pagination import paginate

from .. import selectors, services
from ..forms import CommentForm, FlagForm, InitiativeForm, ReasonForm
from ..models import Status
from ..services.checks import masked_message
from .public import get_visible_or_404

SUBMISSION_RATE = submission_rate


def photo_max_bytes() -> int:
    """A photo is checked on its own size later; the body may not be larger than that (read per request)."""
    return settings.ZWERM_IMAGE_MAX_BYTES


def _initiative_fields(form) -> dict:
    data = form.cleaned_data
    fields = {key: data[key] for key in ("kind", "title", "body", "neighbourhood", "location_description")}
    if "location" in data:
        fields["location"] = data["location"].point if data["location"] else None
    if data.get("photo"):
        fields.update(photo=data["photo"], photo_alt=data.get("photo_alt") or "")
    if data.get("photos_remove"):
        fields["photos_remove"] = data["photos_remove"]
    return fields


@resident_required
@ratelimit(key="user", rate=SUBMISSION_RATE, method="POST")
@require_http_methods(["GET", "POST"])
@upload_limit(photo_max_bytes)
def initiative_create(request):
    membership_initial = {}
    membership = membership_get(user=request.user, municipality=request.municipality)
    if membership and membership.neighbourhood_id:
        membership_initial["neighbourhood"] = membership.neighbourhood_id
    form = InitiativeForm(
        request.POST or None, request.FILES or None, municipality=request.municipality, initial=membership_initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcome = submit_once(
                request,
                "initiatives.create",
                lambda: services.initiative_create(
                    author=request.user, municipality=request.municipality, **_initiative_fields(form)
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if outcome.replayed:
                return redirect(outcome.reference or "initiatives:mine")
            initiative = outcome.result
            messages.success(
                request,
                _(
                    "Dank je wel! Je initiatief is ingediend. De gemeente bekijkt het en "
                    "publiceert het daarna. Tot dan kun je het nog bewerken."
                ),
            )
            if initiative.masked_kinds:
                messages.warning(request, masked_message(initiative.masked_kinds))
            return redirect(initiative)
    return render(request, "initiatives/form.html", {"form": form, "editing": False})


@resident_required
@require_http_methods(["GET", "POST"])
@upload_limit(photo_max_bytes)
def initiative_edit(request, pk):
    initiative = get_visible_or_404(request, pk)
    if initiative.author_id != request.user.pk:
        raise PermissionDenied(_("Alleen de indiener kan dit initiatief bewerken."))
    if initiative.status != Status.SUBMITTED:
        messages.error(request, _("Dit initiatief is al gepubliceerd en kan niet meer worden bewerkt."))
        return redirect(initiative)
    initial = {
        "kind": initiative.kind,
        "title": initiative.title,
        "body": initiative.body,
        "neighbourhood": initiative.neighbourhood_id,
        "location_description": initiative.location_description,
        "location_lon": initiative.location_lon,
        "location_lat": initiative.location_lat,
    }
    photos = selectors.initiative_photos(initiative=initiative, with_hidden=True)
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        municipality=request.municipality,
        initial=initial,
        has_location=initiative.location is not None,
        photos=photos,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(initiative=initiative, editor=request.user, **_initiative_fields(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Je wijzigingen zijn opgeslagen."))
            if initiative.masked_kinds:
                messages.warning(request, masked_message(initiative.masked_kinds))
            return redirect(initiative)
    context = {"form": form, "editing": True, "initiative": initiative, "photos": photos}
    return render(request, "initiatives/form.html", context)


ENGAGEMENTS = {
    "support": (services.initiative_support, "resident", gettext_lazy("Je steunt dit initiatief. Dank je wel!")),
    "unsupport": (services.initiative_unsupport, "resident", gettext_lazy("Je steun is ingetrokken.")),
    "join": (services.initiative_join, "resident", gettext_lazy("Je doet mee! De indiener ziet dat je wilt helpen.")),
    "leave": (services.initiative_leave, "resident", gettext_lazy("Je doet niet meer mee.")),
    "follow": (services.initiative_follow, "user", gettext_lazy("Je volgt dit initiatief. We mailen je bij nieuws.")),
    "unfollow": (services.initiative_unfollow, "user", gettext_lazy("Je volgt dit initiatief niet meer.")),
}


@resident_required
@require_POST
def initiative_engage(request, pk, action):
    initiative = get_visible_or_404(request, pk)
    service, who, success = ENGAGEMENTS[action]
    perform(request, lambda: service(initiative=initiative, **{who: request.user}), success=str(success))
    return redirect(initiative)


@resident_required
@ratelimit(key="user", rate=SUBMISSION_RATE, method="POST")
@require_POST
def comment_create(request, pk):
    initiative = get_visible_or_404(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(f"{initiative.get_absolute_url()}#reageren")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = selectors.comment_get(initiative=initiative, pk=form.cleaned_data["parent"])
        if parent is None:
            messages.error(request, _("Die reactie bestaat niet (meer)."))
            return redirect(initiative)
    created = {}

    def create():
        created["comment"] = submit_once(
            request,
            "initiatives.comment",
            lambda: services.comment_create(
                initiative=initiative, author=request.user, body=form.cleaned_data["body"], parent=parent
            ),
        ).result

    if perform(request, create, success=_("Je reactie is geplaatst.")) and getattr(
        created["comment"], "masked_kinds", None
    ):
        messages.warning(request, masked_message(created["comment"].masked_kinds))
    return redirect(f"{initiative.get_absolute_url()}#reacties")


@resident_required
@ratelimit(key="user", rate=SUBMISSION_RATE, method="POST")
@require_POST
def flag_create(request, pk):
    initiative = get_visible_or_404(request, pk)
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op waarom je dit meldt."))
        return redirect(initiative)
    comment = None
    if form.cleaned_data.get("comment"):
        comment = selectors.comment_get(initiative=initiative, pk=form.cleaned_data["comment"])
        if comment is None:
            messages.error(request, _("Die reactie bestaat niet (meer)."))
            return redirect(initiative)
    perform(
        request,
        lambda: services.flag_create(
            reporter=request.user, initiative=initiative, comment=comment, reason=form.cleaned_data["reason"]
        ),
        success=_("Dank je wel voor je melding. Een moderator kijkt ernaar."),
    )
    return redirect(initiative)


@resident_required
@require_POST
def initiative_withdraw(request, pk):
    initiative = get_visible_or_404(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op waarom je je initiatief intrekt."))
        return redirect(initiative)
    perform(
        request,
        lambda: services.initiative_status_change(
            initiative=initiative, actor=request.user, to_status=Status.WITHDRAWN, reason=form.cleaned_data["reason"]
        ),
        success=_("Je initiatief is ingetrokken."),
    )
    return redirect(initiative)


@resident_required
def my_initiatives(request):
    items = selectors.initiative_list_for_author(municipality=request.municipality, author=request.user)
    return render(request, "initiatives/mine.html", {"page": paginate(request, items)})
