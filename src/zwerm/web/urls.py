from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from .views import admin as municipality_admin
from .views import pages, staff_home

web_patterns = [
    path("", pages.home, name="home"),
    path("over", pages.about, name="about"),
    path("hoe-we-rekenen", pages.methods, name="methods"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("medewerkers", staff_home.staff_home, name="staff_home"),
    path("beheer/gemeente", municipality_admin.municipality_settings, name="municipality_settings"),
    path("beheer/wijken", municipality_admin.places, name="places"),
    path("beheer/wijken/vormen", municipality_admin.places_shapes, name="places_shapes"),
    path("beheer/rollen", municipality_admin.roles, name="roles"),
]

handler400 = "zwerm.web.views.errors.bad_request"
handler403 = "zwerm.web.views.errors.permission_denied"
handler404 = "zwerm.web.views.errors.page_not_found"
handler500 = "zwerm.web.views.errors.server_error"

urlpatterns = [
    path("", include((web_patterns, "web"))),
    path("account/", include("zwerm.accounts.urls")),
    path("initiatieven/", include("zwerm.initiatives.urls")),
    path("dialogen/", include("zwerm.dialogues.urls")),
    path("signalen/", include("zwerm.sensing.urls")),
    path("raad/", include("zwerm.council.urls")),
    path("trajecten/", include("zwerm.processes.urls")),
    path("participatie/", include("zwerm.participation.urls")),
    path("buurtbudget/", include("zwerm.budgets.urls")),
    path("bijlagen/", include("zwerm.attachments.urls")),
    path("beheer/waarden/", include("zwerm.values.urls")),
    path("api/", include("zwerm.api.urls")),
    path("open-data/", include("zwerm.opendata.urls")),
    path("privacy/", include("zwerm.privacy.urls")),
    path("taal", set_language, name="set_language"),
    path("beheer/django/", admin.site.urls),
]
