from django.urls import path

from .views import api, public, staff

app_name = "sensing"
urlpatterns = [
    path("", public.overview, name="public"),
    path("beheer", staff.dashboard, name="dashboard"),
    path("beheer/thema/<int:pk>", staff.theme_detail, name="theme"),
    path("beheer/thema/<int:pk>/naam", staff.theme_rename, name="theme_rename"),
    path("beheer/teksten", staff.text_list, name="texts"),
    path("beheer/export.csv", staff.export_csv, name="export"),
    path("beheer/verversen", staff.refresh_now, name="refresh"),
    path("beheer/import", staff.report_import, name="import"),
    path("beheer/import/<int:pk>", staff.import_detail, name="import_detail"),
    path("beheer/koppelingen", staff.tokens, name="tokens"),
    path("beheer/koppelingen/<int:pk>/intrekken", staff.token_revoke, name="token_revoke"),
    path("api/meldingen", api.report_post, name="api_reports"),
]
