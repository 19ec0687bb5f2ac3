from django.urls import path

from .views import advice, decisions, network, public, workspace

app_name = "processes"
urlpatterns = [
    path("", public.process_list, name="list"),
    path("werkplek", workspace.workspace, name="workspace"),
    path("waarden-in-besluiten", public.values_weighed, name="values_weighed"),
    path("nieuw", workspace.process_create, name="create"),
    path("mijn-adviesaanvragen", advice.my_advice, name="my_advice"),
    path("advies/<int:pk>", advice.advice_answer, name="advice_answer"),
    path("<slug:slug>", public.process_detail, name="detail"),
    path("<slug:slug>/volgen", public.follow, name="follow"),
    path("<slug:slug>/niet-meer-volgen", public.unfollow, name="unfollow"),
    path("<slug:slug>/bijeenkomst/<int:pk>", public.meeting_detail, name="meeting"),
    path("<slug:slug>/bijeenkomst/<int:pk>/bewerken", workspace.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/vragenlijst/<int:pk>", public.survey_detail, name="survey"),
    path("<slug:slug>/vragenlijst/<int:pk>/invullen", public.survey_respond, name="survey_respond"),
    path("<slug:slug>/beheer", workspace.manage, name="manage"),
    path("<slug:slug>/bewerken", workspace.process_edit, name="edit"),
    path("<slug:slug>/plek", workspace.process_locate, name="locate"),
    path("<slug:slug>/openen", workspace.process_open, name="open"),
    path("<slug:slug>/afronden", workspace.process_close, name="close"),
    path("<slug:slug>/fasen", workspace.phases, name="phases"),
    path("<slug:slug>/fasen/volgorde", workspace.phases_reorder, name="phases_reorder"),
    path("<slug:slug>/fasen/<int:pk>", workspace.phase_edit, name="phase_edit"),
    path("<slug:slug>/fasen/<int:pk>/afsluiten", workspace.phase_close, name="phase_close"),
    path("<slug:slug>/onderdelen", workspace.components_page, name="components"),
    path("<slug:slug>/onderdelen/<int:pk>/fasen", workspace.placement_phases, name="placement_phases"),
    path("<slug:slug>/betrokkenen", network.stakeholders, name="stakeholders"),
    path("<slug:slug>/betrokkenen/<int:pk>", network.stakeholder_edit, name="stakeholder_edit"),
    path("<slug:slug>/advies", advice.advice_requests, name="advice_requests"),
    path("<slug:slug>/besluiten", decisions.decisions, name="decisions"),
    path("<slug:slug>/berichten", decisions.updates, name="updates"),
]
