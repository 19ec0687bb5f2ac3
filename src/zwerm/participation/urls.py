from django.urls import path

from .views import bylaw, challenges, mirror, promises, resident_survey, yearly

app_name = "participation"
urlpatterns = [
    path("", bylaw.overview, name="overview"),
    path("verordening/<int:version>", bylaw.bylaw_version, name="bylaw"),
    path("beheer/verordening", bylaw.bylaw_admin, name="bylaw_admin"),
    path("jaarverslagen", yearly.public_list, name="yearly_reports"),
    path("jaarverslagen/<int:year>.<str:fmt>", yearly.download, name="yearly_report"),
    path("beheer/jaarverslag", yearly.manage, name="yearly_manage"),
    path("spiegel", mirror.mirror, name="mirror"),
    path("spiegel/zelfscan", mirror.self_assessment, name="self_assessment"),
    path("beheer/zelfscan", mirror.statements, name="statements"),
    path("beheer/zelfscan/<int:pk>/buiten-gebruik", mirror.statement_retire, name="statement_retire"),
    path("uitdagingen", challenges.register, name="challenges"),
    path("uitdagingen/nieuw", challenges.submit, name="challenge_new"),
    path("uitdagingen/te-doen", challenges.due, name="challenges_due"),
    path("uitdagingen/<int:pk>", challenges.detail, name="challenge"),
    path("uitdagingen/<int:pk>/behandelen", challenges.manage, name="challenge_manage"),
    path("uitdagingen/<int:pk>/stap/<slug:step>", challenges.step, name="challenge_step"),
    path("trajecten/<slug:slug>/belofte", promises.promise_edit, name="promise"),
    path("trajecten/<slug:slug>/evaluatie", promises.evaluation, name="evaluation"),
    path("trajecten/<slug:slug>/hoe-ging-het", resident_survey.answer, name="resident_survey"),
    path("trajecten/<slug:slug>/hoe-ging-het/openen", resident_survey.open_survey, name="resident_survey_open"),
    path("trajecten/<slug:slug>/besluiten/<int:pk>/inbreng", promises.weighed_input, name="weighed_input"),
]
