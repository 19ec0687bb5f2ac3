from django.urls import path

from . import views
from .oidc import views as oidc_views

app_name = "accounts"
urlpatterns = [
    path("registreren", views.register, name="register"),
    path("inloggen", views.login_view, name="login"),
    path("inloggen/verstuurd", views.link_sent, name="link_sent"),
    path("inloggen/link", views.link, name="link"),
    path("uitloggen", views.logout_view, name="logout"),
    path("medewerker/inloggen", views.staff_login, name="staff_login"),
    path("medewerker/authenticator", views.totp_setup, name="totp_setup"),
    path("profiel", views.profile, name="profile"),
    # OpenID Connect plug-in (ADR 0014): these answer 404 while the provider is switched off.
    path("oidc/medewerker/start", oidc_views.start, {"provider_key": "staff"}, name="oidc_staff_start"),
    path("oidc/medewerker/callback", oidc_views.callback, {"provider_key": "staff"}, name="oidc_staff_callback"),
    path("oidc/medewerker/code", oidc_views.staff_code, name="oidc_staff_code"),
    path("oidc/digid/start", oidc_views.start, {"provider_key": "broker"}, name="oidc_broker_start"),
    path("oidc/digid/callback", oidc_views.callback, {"provider_key": "broker"}, name="oidc_broker_callback"),
]
