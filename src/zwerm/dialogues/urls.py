from django.urls import path

from .views import public, staff

app_name = "dialogues"
urlpatterns = [
    path("", public.dialogue_list, name="list"),
    path("nieuw", staff.dialogue_create, name="create"),
    path("<int:pk>", public.dialogue_detail, name="detail"),
    path("<int:pk>/stemmen", public.vote, name="vote"),
    path("<int:pk>/stelling", public.statement_submit, name="statement"),
    path("<int:pk>/resultaten", public.results, name="results"),
    path("<int:pk>/moderatie", staff.moderation, name="moderation"),
    path("<int:pk>/moderatie/<int:statement_pk>", staff.moderate, name="moderate"),
    path("<int:pk>/export.zip", staff.export, name="export"),
]
