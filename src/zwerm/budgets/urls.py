from django.urls import path

from .views import public, staff

app_name = "budgets"
urlpatterns = [
    path("", public.budget_list, name="list"),
    path("nieuw/<slug:slug>", staff.budget_create, name="create"),
    path("<int:pk>", public.budget_detail, name="detail"),
    path("<int:pk>/voorstellen", public.propose, name="propose"),
    path("<int:pk>/stemmen", public.ballot, name="ballot"),
    path("<int:pk>/uitslag", public.result, name="result"),
    path("<int:pk>/beheer", staff.manage, name="manage"),
    path("<int:pk>/fase", staff.set_status, name="status"),
    path("<int:pk>/tellen", staff.count, name="count"),
    path("<int:pk>/publiceren", staff.publish, name="publish"),
    path("<int:pk>/initiatief", staff.from_initiative, name="from_initiative"),
    path("<int:pk>/export.pb", staff.export, name="export"),
    path("<int:pk>/stemcodes", staff.vote_codes, name="vote_codes"),
    path("<int:pk>/projecten/<int:project_pk>/advies", staff.review_request, name="review_request"),
    path("<int:pk>/projecten/<int:project_pk>/beoordelen", staff.review, name="review"),
    path("<int:pk>/projecten/<int:project_pk>/bijlagen", staff.project_attachments, name="project_attachments"),
    path(
        "<int:pk>/projecten/<int:project_pk>/bijlagen/<int:attachment_pk>/verwijderen",
        staff.project_attachment_remove,
        name="project_attachment_remove",
    ),
    path("<int:pk>/projecten/<int:project_pk>/plek", staff.project_locate, name="project_locate"),
]
