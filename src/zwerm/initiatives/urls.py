from django.urls import path

from .views import public, resident, staff

app_name = "initiatives"
urlpatterns = [
    path("", public.initiative_list, name="list"),
    path("kaart", public.initiative_map, name="map"),
    path("nieuw", resident.initiative_create, name="create"),
    path("mijn", resident.my_initiatives, name="mine"),
    path("<int:pk>", public.initiative_detail, name="detail"),
    path("<int:pk>/bewerken", resident.initiative_edit, name="edit"),
    path("<int:pk>/intrekken", resident.initiative_withdraw, name="withdraw"),
    path("<int:pk>/reacties/<int:comment_pk>", public.comment_thread, name="comment_thread"),
    path("<int:pk>/reageren", resident.comment_create, name="comment"),
    path("<int:pk>/melden", resident.flag_create, name="flag"),
    *[
        path(f"<int:pk>/{slug}", resident.initiative_engage, {"action": action}, name=action)
        for slug, action in (
            ("steunen", "support"),
            ("steun-intrekken", "unsupport"),
            ("meedoen", "join"),
            ("niet-meer-meedoen", "leave"),
            ("volgen", "follow"),
            ("niet-meer-volgen", "unfollow"),
        )
    ],
    path("<int:pk>/status", staff.status_change, name="status"),
    path("<int:pk>/verbergen", staff.moderation_hide, name="hide"),
    path("<int:pk>/terugzetten", staff.moderation_restore, name="restore"),
    path("beheer/lijst", staff.staff_initiative_list, name="staff_list"),
    path("beheer/moderatie", staff.moderation_queue, name="moderation"),
    path("beheer/meldingen/<int:flag_pk>/afwijzen", staff.flag_dismiss, name="flag_dismiss"),
]
