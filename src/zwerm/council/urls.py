from django.urls import path

from . import views

app_name = "council"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapportages/<int:pk>", views.report_detail, name="report"),
    path("rapportages/<int:pk>/versturen", views.report_send, name="report_send"),
    path("rapportages/<int:pk>/bijwerken", views.report_refresh, name="report_refresh"),
    path("rapportages/<int:pk>.<str:fmt>", views.report_download, name="report_download"),
    path("<slug:slug>", views.process_detail, name="process"),
    path("<slug:slug>/kader", views.frame_create, name="frame_create"),
    path("<slug:slug>/vraag", views.question_create, name="question_create"),
    path("<slug:slug>/vragen/<int:pk>/antwoord", views.question_answer, name="question_answer"),
    path("<slug:slug>/uitgave", views.spending_create, name="spending_create"),
    path("<slug:slug>/rapportage", views.report_generate, name="report_generate"),
    path("<slug:slug>/volgen", views.follow, name="follow"),
    path("<slug:slug>/niet-meer-volgen", views.unfollow, name="unfollow"),
]
