from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("mijn-gegevens", views.my_data, name="my_data"),
    path("mijn-gegevens/download", views.my_data_download, name="download"),
    path("account-verwijderen", views.account_delete, name="account_delete"),
    path("inzage", views.reveal, name="reveal"),
    path("beheer/inzage-log", views.access_log, name="access_log"),
    path("beheer/instellingen", views.privacy_settings, name="settings"),
]
