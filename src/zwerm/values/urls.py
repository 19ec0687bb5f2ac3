from django.urls import path

from . import views

app_name = "values"
urlpatterns = [
    path("", views.value_admin, name="admin"),
    path("<int:pk>", views.value_edit, name="edit"),
    path("<int:pk>/buiten-gebruik", views.value_retire, name="retire"),
]
