"""The public page: aggregated figures only; no text, and no count below 5."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from zwerm.core import disclosure

from .. import selectors


@require_GET
def overview(request):
    overview = selectors.public_overview_cached(municipality=request.municipality)
    context = {**overview, "min_public": disclosure.threshold()}
    return render(request, "sensing/public.html", context)
