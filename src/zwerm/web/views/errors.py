"""Error pages in plain Dutch, with the site's layout where a municipality is known."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "errors/403.html", {"message": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors here: the database may be what failed.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


def rate_limited(request, exception=None):
    return render(request, "errors/429.html", status=429)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
