from django.urls import path

from .views import bylaw, promises

app_name = "participation"
urlpatterns = [
    path("", bylaw.overview, name="overview"),
    path("verordening/<int:version>", bylaw.bylaw_version, name="bylaw"),
    path("beheer/verordening", bylaw.bylaw_admin, name="bylaw_admin"),
    path("trajecten/<slug:slug>/belofte", promises.promise_edit, name="promise"),
    path("trajecten/<slug:slug>/besluiten/<int:pk>/inbreng", promises.weighed_input, name="weighed_input"),
]
