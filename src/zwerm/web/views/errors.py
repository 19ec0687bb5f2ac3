"""Error pages in plain Dutch, with the site's layout where a municipality is known."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from zwerm.api.problems import PROBLEM_JSON, problem


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        # A body Django refuses before the API sees it (too large, too many fields): problem+json there too.
        body = problem(
            status_code=400,
            code="bad-request",
            detail=_("Het verzoek kon niet worden gelezen."),
            instance=request.get_full_path(),
        )
        return JsonResponse(body, status=400, content_type=PROBLEM_JSON)
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
