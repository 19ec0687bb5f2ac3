from django.urls import path

from . import views

app_name = "attachments"
urlpatterns = [
    path("<int:pk>", views.attachment_file, name="file"),
    path("<int:pk>/kaart", views.attachment_card, name="card"),
    path("<int:pk>/verbergen", views.attachment_hide, name="hide"),
    path("<int:pk>/terugzetten", views.attachment_restore, name="restore"),
]
