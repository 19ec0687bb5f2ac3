"""The public page: aggregated figures only; no text, and no count below 5."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..models import MIN_PUBLIC


@require_GET
def overview(request):
    context = {**selectors.public_overview(municipality=request.municipality), "min_public": MIN_PUBLIC}
    return render(request, "sensing/public.html", context)
