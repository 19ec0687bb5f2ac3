from django.conf import settings
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView

from zwerm.budgets.selectors import budget_list_voting
from zwerm.dialogues.selectors import dialogue_list_open
from zwerm.initiatives.selectors import InitiativeFilters, initiative_card_images, initiative_list
from zwerm.places.selectors import district_list
from zwerm.processes.selectors import process_list_running


@require_GET
def home(request):
    municipality = request.municipality
    latest = list(initiative_list(municipality=municipality, filters=InitiativeFilters())[:6])
    popular = list(initiative_list(municipality=municipality, filters=InitiativeFilters(sort="supported"))[:3])
    initiative_card_images(municipality=municipality, initiatives=[*latest, *popular])
    context = {
        "latest": latest,
        "popular": popular,
        "districts": district_list(municipality=municipality),
        # what a visitor can take part in right now
        "open_dialogues": list(dialogue_list_open(municipality=municipality)[:2]),
        "voting_budgets": list(budget_list_voting(municipality=municipality)[:2]),
        "running_processes": list(process_list_running(municipality=municipality)[:2]),
    }
    return render(request, "web/home.html", context)


@require_GET
def about(request):
    return render(request, "web/about.html")


@require_GET
def methods(request):
    """How the platform calculates: each method in plain Dutch, with the method documents behind it."""
    return render(request, "web/methods.html", {"source_url": settings.ZWERM_SOURCE_URL})


@require_GET
def favicon(request):
    """Browsers ask /favicon.ico whatever the page says; send them to the icon."""
    return RedirectView.as_view(url=static("zwerm/favicon.svg"), permanent=True)(request)
