"""The admin site: django-otp's (a second factor, as before) with the purpose step in front of every page of
a model that holds personal data (`personal_data.personal_data_in`), each showing logged per model.

The Django admin is one for the whole installation and has no municipality in its URL; the log is kept
under the municipality of the host name it was opened on (`request.municipality`), whose admin reads it at
/privacy/beheer/inzage-log. Without any municipality (a fresh installation) there is nowhere to log, so
those pages are refused with a page that says why; the municipality pages and the index still work."""

from dataclasses import replace
from functools import wraps

from django.contrib.admin.options import BaseModelAdmin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django_otp.admin import OTPAdminSite

from ..decorators import personal_data_gate, personal_data_purpose_post, read_token
from .personal_data import personal_data_in

SCOPE_PREFIX = "admin:"  # scopes of the admin's purposes: "admin:<app_label>.<model_name>"


def _gated_models(model_admin) -> list:
    """The model and the models of its inlines: an inline shows its rows on the parent's pages."""
    return [model_admin.model, *(inline.model for inline in getattr(model_admin, "inlines", ()))]


def personal_data_of(model_admin) -> str | None:
    """What personal data this model admin's pages show, or None."""
    found = [what for model in _gated_models(model_admin) if (what := personal_data_in(model)) is not None]
    return "; ".join(dict.fromkeys(found)) or None


class PersonalDataAdminSite(OTPAdminSite):
    def __init__(self, name="admin"):  # OTPAdminSite's default name is "otpadmin"; the URLs use "admin"
        super().__init__(name)

    def admin_view(self, view, cacheable=False):
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, BaseModelAdmin) and personal_data_of(model_admin) is not None:
            view = self._behind_purpose(view, model_admin)
        # The permission check (staff, second factor) wraps the purpose step: strangers never see the form.
        return super().admin_view(view, cacheable)

    def _behind_purpose(self, view, model_admin):
        @wraps(view)
        def gated(request, *args, **kwargs):
            refused = self._closed(request, model_admin)
            return refused if refused is not None else view(request, *args, **kwargs)

        return gated

    def _gate(self, request, model_admin):
        """This model's purpose gate (when open, this showing is logged); None without a municipality."""
        if getattr(request, "municipality", None) is None:
            return None
        opts = model_admin.model._meta
        what = _("Django-beheer, %(model)s: %(what)s") % {
            "model": opts.verbose_name_plural,
            "what": personal_data_of(model_admin),
        }
        return personal_data_gate(request, scope=f"{SCOPE_PREFIX}{opts.label_lower}", what=what)

    def _closed(self, request, model_admin):
        """None when the purpose was given (and this showing is logged); else the page to show instead."""
        gate = self._gate(request, model_admin)
        if gate is None:
            context = {**self.each_context(request), "title": _("Nog geen gemeente")}
            return TemplateResponse(request, "privacy/admin_no_municipality.html", context, status=403)
        if gate:
            return None
        context = {
            **self.each_context(request),
            "title": _("Waarom bekijk je deze gegevens?"),
            "opts": model_admin.model._meta,
            "gate": replace(gate, action=reverse("admin:privacy_reveal", current_app=self.name)),
        }
        return TemplateResponse(request, "privacy/admin_reveal.html", context)

    def get_urls(self):
        reveal = path("privacy/inzage/", self.admin_view(self.purpose_view), name="privacy_reveal")
        return [reveal, *super().get_urls()]

    def purpose_view(self, request):
        """The purpose form of an admin page: remember the purpose, then back to that page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        data = read_token(request.POST.get("token", ""))
        # Only the admin's own scopes: a purpose for a Zwerm staff page is given there, by someone with the role.
        if data is None or not data["scope"].startswith(SCOPE_PREFIX) or getattr(request, "municipality", None) is None:
            return HttpResponseBadRequest(_("Dit formulier is verlopen. Laad de pagina opnieuw."))
        return HttpResponseRedirect(personal_data_purpose_post(request, data=data))

    def autocomplete_view(self, request):
        """Search results for a foreign-key field list the rows of the model searched: the same step."""
        try:
            _term, model_admin, _field, _to_field = AutocompleteJsonView(admin_site=self).process_request(request)
        except (PermissionDenied, Http404):
            return super().autocomplete_view(request)  # Django refuses it with its own answer
        if personal_data_of(model_admin) is not None and not self._gate(request, model_admin):
            message = _("Open eerst de lijst van deze gegevens en zeg waarom je ze bekijkt.")
            return JsonResponse({"error": message}, status=403)
        return super().autocomplete_view(request)
