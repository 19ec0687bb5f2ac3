"""The public page: aggregated figures only; no text, and no count below 5."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from zwerm.core import disclosure

from .. import selectors


@require_GET
def overview(request):
    context = {**selectors.public_overview(municipality=request.municipality), "min_public": disclosure.threshold()}
    return render(request, "sensing/public.html", context)
