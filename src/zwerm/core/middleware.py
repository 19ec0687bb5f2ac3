from django.http import HttpRequest
from django.shortcuts import render

from .selectors import municipality_for_host


class MunicipalityMiddleware:
    """Sets request.municipality from the host name; every view works within it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.municipality = municipality_for_host(host=request.get_host())
        if request.municipality is None and not request.path.startswith(("/static/", "/beheer/django/")):
            return render(request, "core/no_municipality.html", status=503)
        return self.get_response(request)
