"""The admin's pages: the municipality's texts and theme, wijken and buurten, and roles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zwerm.accounts import selectors as account_selectors
from zwerm.accounts import services as account_services
from zwerm.accounts.decorators import role_required
from zwerm.accounts.forms import RoleForm
from zwerm.accounts.roles import Role
from zwerm.core.services import municipality_update_texts
from zwerm.core.text import decode_export
from zwerm.core.uploads import too_large_message, upload_limit
from zwerm.places import selectors as place_selectors
from zwerm.places import services as place_services
from zwerm.privacy.decorators import personal_data_gate

from ..actions import add_service_errors, perform
from ..forms_admin import (
    PLACES_CSV_MAX_BYTES,
    PLACES_SHAPES_MAX_BYTES,
    DistrictForm,
    MunicipalityTextsForm,
    NeighbourhoodForm,
    PlacesCsvForm,
    PlacesShapesForm,
)

TEXT_FIELDS = ("welcome_title", "welcome_text", "contact_email", "theme_class", "theme_stylesheet")


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def municipality_settings(request):
    municipality = request.municipality
    form = MunicipalityTextsForm(request.POST or None, initial={f: getattr(municipality, f) for f in TEXT_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            municipality_update_texts(municipality=municipality, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De instellingen van de gemeente zijn opgeslagen."))
            return redirect("web:municipality_settings")
    return render(request, "web/admin/municipality.html", {"form": form})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
@upload_limit(PLACES_CSV_MAX_BYTES)
def places(request):
    municipality = request.municipality
    districts = place_selectors.district_list(municipality=municipality)
    action = request.POST.get("action")
    district_form = DistrictForm(request.POST if action == "district" else None)
    neighbourhood_form = NeighbourhoodForm(request.POST if action == "neighbourhood" else None, districts=districts)
    csv_form = PlacesCsvForm(request.POST if action == "csv" else None, request.FILES if action == "csv" else None)
    if action == "district" and district_form.is_valid():
        if perform(
            request,
            lambda: place_services.district_save(municipality=municipality, **district_form.cleaned_data),
            success=_("De wijk is opgeslagen."),
        ):
            return redirect("web:places")
    elif action == "neighbourhood" and neighbourhood_form.is_valid():
        data = neighbourhood_form.cleaned_data
        district = place_selectors.district_get(municipality=municipality, pk=data["district"])
        if perform(
            request,
            lambda: place_services.neighbourhood_save(
                municipality=municipality, district=district, code=data["code"], name=data["name"]
            ),
            success=_("De buurt is opgeslagen."),
        ):
            return redirect("web:places")
    elif action == "csv" and csv_form.is_valid():
        upload = csv_form.cleaned_data["file"]
        report = place_services.places_import_csv(municipality=municipality, text=decode_export(upload.read()))
        if report.errors:
            for error in report.errors[:20]:
                messages.error(request, error)
            messages.error(request, _("Er is niets geïmporteerd. Verbeter het bestand en probeer opnieuw."))
        else:
            messages.success(
                request,
                _("%(d)d wijken en %(n)d buurten toegevoegd, %(u)d bijgewerkt.")
                % {"d": report.districts_created, "n": report.neighbourhoods_created, "u": report.updated},
            )
            return redirect("web:places")
    context = {
        "districts": districts.prefetch_related("neighbourhoods"),
        "district_form": district_form,
        "neighbourhood_form": neighbourhood_form,
        "csv_form": csv_form,
        "shapes_form": PlacesShapesForm(),
    }
    return render(request, "web/admin/places.html", context)


def _places_too_large(request: HttpRequest, limit: int) -> HttpResponse:
    messages.error(request, too_large_message(limit))
    return redirect("web:places")


@role_required(Role.ADMIN)
@require_http_methods(["POST"])
@upload_limit(PLACES_SHAPES_MAX_BYTES, refuse=_places_too_large)
def places_shapes(request):
    """The CBS wijk- en buurtkaart (GeoJSON or GeoPackage) uploaded on the wijken page: its own URL, because
    the kaart may be larger than the CSV limit of the page's other forms."""
    municipality = request.municipality
    form = PlacesShapesForm(request.POST, request.FILES)
    if form.is_valid():
        report = place_services.places_import_shape_file(municipality=municipality, file=form.cleaned_data["file"])
        if not report.errors:
            messages.success(
                request,
                _(
                    "Vormen ingelezen: %(ws)d van wijken en %(bs)d van buurten. Nieuw: %(d)d wijken en %(n)d "
                    "buurten; %(u)d bijgewerkt."
                )
                % {
                    "ws": report.district_shapes,
                    "bs": report.neighbourhood_shapes,
                    "d": report.districts_created,
                    "n": report.neighbourhoods_created,
                    "u": report.updated,
                },
            )
            return redirect("web:places")
        for error in report.errors[:20]:
            messages.error(request, error)
        messages.error(request, _("Er is niets geïmporteerd. Verbeter het bestand en probeer opnieuw."))
    districts = place_selectors.district_list(municipality=municipality)
    context = {
        "districts": districts.prefetch_related("neighbourhoods"),
        "district_form": DistrictForm(),
        "neighbourhood_form": NeighbourhoodForm(districts=districts),
        "csv_form": PlacesCsvForm(),
        "shapes_form": form,
    }
    return render(request, "web/admin/places.html", context)


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def roles(request):
    municipality = request.municipality
    form = RoleForm(request.POST if request.POST.get("action") == "grant" else None)
    if request.method == "POST":
        # A revoke names the assignment, so that the page need not carry e-mail addresses.
        assignment = _assignment(municipality, request.POST.get("assignment", ""))
        if assignment is not None and request.POST.get("action") == "revoke":
            user, role = assignment.user, assignment.role
        else:
            user = account_selectors.user_get_by_email(email=request.POST.get("email", ""))
            role = request.POST.get("role", "")
        if user is None:
            messages.error(
                request, _("Er is geen account met dat e-mailadres. Laat de medewerker eerst een account aanmaken.")
            )
        elif request.POST.get("action") == "revoke" or form.is_valid():
            revoke = request.POST.get("action") == "revoke"
            change = account_services.role_revoke if revoke else account_services.role_grant
            chosen = role if revoke else form.cleaned_data["role"]
            done = _("De rol is ingetrokken.") if revoke else _("De rol is toegekend.")
            if perform(
                request,
                lambda: change(actor=request.user, municipality=municipality, user=user, role=chosen),
                success=done,
            ):
                return redirect("web:roles")
    assignments = account_selectors.role_assignment_list(municipality=municipality)
    emails = personal_data_gate(request, scope="roles", what=_("e-mailadressen van medewerkers met een rol"))
    return render(request, "web/admin/roles.html", {"form": form, "assignments": assignments, "emails": emails})


def _assignment(municipality, pk: str):
    if not pk.isdecimal():
        return None
    return account_selectors.role_assignment_list(municipality=municipality).filter(pk=int(pk)).first()
