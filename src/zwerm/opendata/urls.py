from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("catalog.jsonld", views.catalog_jsonld, name="catalog"),
    path("catalog.ttl", views.catalog_turtle, name="catalog_turtle"),
    path("<slug:key>.<slug:fmt>", views.download, name="download"),
]
