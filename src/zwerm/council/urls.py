from django.urls import path

from . import district_views as district
from . import public_views, views

app_name = "council"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Public record: the progress reports sent to the council (paths with a slash never clash with a process slug).
    path("openbaar/", public_views.public_report_list, name="public_reports"),
    path("openbaar/<int:pk>", public_views.public_report_detail, name="public_report"),
    path("openbaar/<int:pk>.<str:fmt>", public_views.public_report_download, name="public_report_download"),
    path("rapportages/<int:pk>", views.report_detail, name="report"),
    path("rapportages/<int:pk>/versturen", views.report_send, name="report_send"),
    path("rapportages/<int:pk>/bijwerken", views.report_refresh, name="report_refresh"),
    path("rapportages/<int:pk>.<str:fmt>", views.report_download, name="report_download"),
    path("wijkrapportages/", district.district_report_list, name="district_reports"),
    path("wijkrapportages/nieuw", district.district_report_create, name="district_report_create"),
    path("wijkrapportages/<int:pk>", district.district_report_detail, name="district_report"),
    path("wijkrapportages/<int:pk>/versturen", district.district_report_send, name="district_report_send"),
    path("wijkrapportages/<int:pk>/bijwerken", district.district_report_refresh, name="district_report_refresh"),
    path("wijkrapportages/<int:pk>.<str:fmt>", district.district_report_download, name="district_report_download"),
    path("<slug:slug>", views.process_detail, name="process"),
    path("<slug:slug>/kader", views.frame_create, name="frame_create"),
    path("<slug:slug>/vraag", views.question_create, name="question_create"),
    path("<slug:slug>/vragen/<int:pk>/antwoord", views.question_answer, name="question_answer"),
    path("<slug:slug>/uitgave", views.spending_create, name="spending_create"),
    path("<slug:slug>/rapportage", views.report_generate, name="report_generate"),
    path("<slug:slug>/volgen", views.follow, name="follow"),
    path("<slug:slug>/niet-meer-volgen", views.unfollow, name="unfollow"),
]
