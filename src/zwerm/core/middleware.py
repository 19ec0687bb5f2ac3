from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import translation

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


class LanguageMiddleware:
    """Dutch unless the visitor chose another language (the language cookie set by /taal).

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: a municipality's
    site speaks Dutch first, and English is a choice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
