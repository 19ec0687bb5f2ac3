from django.urls import path

from . import views

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
]
