"""The initiative pages, through the web interface as residents and staff use them."""

import pytest
from django.core import mail

from zwerm.accounts.roles import Role
from zwerm.initiatives import services as initiative_services
from zwerm.initiatives.models import Initiative

from .builders import make_initiative, make_resident, staff_login

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


def test_the_list_shows_published_initiatives_only(client, published, municipality, resident, neighbourhood):
    draft = make_initiative(municipality, resident, neighbourhood, title="Nog niet openbaar")
    html = get(client, "/initiatieven/").content.decode()
    assert published.public_title in html
    assert draft.title not in html


def test_the_list_filters_by_kind_and_searches(client, municipality, resident, neighbourhood, moderator):
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Moestuin bij de school")
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Drempel in de straat")
    html = get(client, "/initiatieven/?q=moestuin").content.decode()
    assert "Moestuin bij de school" in html and "Drempel in de straat" not in html
    html = get(client, "/initiatieven/?kind=concern").content.decode()
    assert "Moestuin" not in html and "geen initiatieven die hierbij passen" in html


def test_sorting_by_support_puts_the_most_supported_first(client, municipality, resident, neighbourhood, moderator):
    from zwerm.initiatives.services import initiative_support

    quiet = make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Stil plan")
    popular = make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Populair plan")
    initiative_support(initiative=popular, resident=make_resident(municipality, neighbourhood))
    html = get(client, "/initiatieven/?sort=supported").content.decode()
    assert html.index(popular.public_title) < html.index(quiet.public_title)


def test_the_list_paginates(client, municipality, resident, neighbourhood, moderator, settings):
    settings.ZWERM_PAGE_SIZE = 2
    for i in range(3):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    first = get(client, "/initiatieven/").content.decode()
    assert "Pagina 1 van 2" in first
    second = get(client, "/initiatieven/?pagina=2").content.decode()
    assert second.count('class="zwerm-card"') == 1


def test_the_list_page_takes_a_constant_number_of_queries(
    client, municipality, resident, neighbourhood, moderator, django_assert_max_num_queries
):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert get(client, "/initiatieven/").status_code == 200
        return len(ctx.captured_queries)

    make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    count_queries()  # warm the per-host cache first
    few = count_queries()
    for _ in range(8):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    assert count_queries() == few


def test_a_resident_brings_in_an_initiative_through_the_form(resident_client, neighbourhood):
    response = post(
        resident_client,
        "/initiatieven/nieuw",
        {
            "kind": "idea",
            "title": "Bankjes langs het water",
            "body": "Bel 06-12345678 voor meer info",
            "neighbourhood": neighbourhood.pk,
            "location_description": "",
        },
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/initiatieven/{initiative.pk}"
    page = get(resident_client, response["Location"]).content.decode()
    assert "Je initiatief is ingediend" in page
    assert "telefoonnummer" in page  # the author is told what was masked and why
    assert "06-12345678" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Vul een titel in."),
        ({"title": "x" * 200}, "De titel is te lang"),
        ({"body": "<script>alert(1)</script>"}, "bevat HTML of code"),
        ({"neighbourhood": "999999"}, "Kies een buurt uit de lijst."),
        ({"kind": "petitie"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_on_the_form_gets_a_message_at_the_field(resident_client, neighbourhood, data, message):
    form = {"kind": "idea", "title": "Titel", "body": "Tekst", "neighbourhood": neighbourhood.pk, **data}
    response = post(resident_client, "/initiatieven/nieuw", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert Initiative.objects.count() == 0


def test_editing_after_publication_is_refused_with_a_message(client, published, resident):
    client.force_login(resident)
    response = get(client, f"/initiatieven/{published.pk}/bewerken", follow=True)
    assert "al gepubliceerd en kan niet meer worden bewerkt" in response.content.decode()


def test_support_through_the_page_and_a_second_time_is_refused(client, published, other_resident):
    client.force_login(other_resident)
    post(client, f"/initiatieven/{published.pk}/steunen")
    response = post(client, f"/initiatieven/{published.pk}/steunen", follow=True)
    assert "Je steunt dit initiatief al." in response.content.decode()
    published.refresh_from_db()
    assert published.support_count == 1


def test_supporting_ones_own_initiative_gets_a_message(client, published, resident):
    client.force_login(resident)
    response = post(client, f"/initiatieven/{published.pk}/steunen", follow=True)
    assert "eigen initiatief niet steunen" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, published):
    response = post(client, f"/initiatieven/{published.pk}/steunen")
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen")


def test_a_resident_cannot_change_a_status(client, published, other_resident):
    client.force_login(other_resident)
    response = post(client, f"/initiatieven/{published.pk}/status", {"to_status": "realised", "reason": "x"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.status == "published"


def test_staff_change_the_status_with_a_reason_the_author_sees(
    client, published, make_staff, resident, django_capture_on_commit_callbacks
):
    lead = make_staff(Role.PROCESS_LEAD)
    staff_login(client, lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            f"/initiatieven/{published.pk}/status",
            {"to_status": "in_progress", "reason": "We gaan aan de slag"},
            follow=True,
        )
    html = response.content.decode()
    assert "De status is gewijzigd" in html and "We gaan aan de slag" in html
    assert any("We gaan aan de slag" in m.body for m in mail.outbox if m.to == [resident.email])


def test_a_staff_role_without_second_factor_is_sent_to_the_staff_login(client, published, make_staff):
    lead = make_staff(Role.PROCESS_LEAD)
    client.force_login(lead)  # logged in, but not with a second factor
    response = post(client, f"/initiatieven/{published.pk}/status", {"to_status": "in_progress", "reason": "x"})
    assert response.status_code == 302 and "/account/medewerker/inloggen" in response["Location"]


def test_a_moderator_hides_from_the_queue_and_the_author_sees_the_reason(
    client, published, other_resident, moderator, resident
):
    from zwerm.initiatives.services import flag_create

    flag_create(reporter=other_resident, initiative=published, reason="Scheldpartij")
    staff_login(client, moderator)
    queue = get(client, "/initiatieven/beheer/moderatie").content.decode()
    assert "Scheldpartij" in queue
    post(client, f"/initiatieven/{published.pk}/verbergen", {"reason": "Niet volgens de spelregels", "back": "queue"})
    client.logout()
    assert get(client, f"/initiatieven/{published.pk}").status_code == 404
    client.force_login(resident)
    assert "Niet volgens de spelregels" in get(client, f"/initiatieven/{published.pk}").content.decode()


def test_an_initiative_of_another_municipality_is_not_found_here(client, published):
    assert get(client, f"/initiatieven/{published.pk}").status_code == 200
    response = client.get(f"/initiatieven/{published.pk}", HTTP_HOST="andersum.localhost")
    assert response.status_code == 404 or "Andersum" not in response.content.decode()


def test_cross_municipality_host_does_not_show_foreign_initiatives(client, published, other_municipality):
    response = client.get(f"/initiatieven/{published.pk}", HTTP_HOST="andersum.localhost")
    assert response.status_code == 404


def test_comment_and_reply_through_the_page(client, published, other_resident, resident):
    client.force_login(other_resident)
    post(client, f"/initiatieven/{published.pk}/reageren", {"body": "Ik help graag"})
    top = published.comments.get()
    client.force_login(resident)
    post(client, f"/initiatieven/{published.pk}/reageren", {"body": "Top, dank je", "parent": top.pk})
    html = get(client, f"/initiatieven/{published.pk}").content.decode()
    assert "Ik help graag" in html and "Top, dank je" in html
    assert published.comments.get(body="Top, dank je").parent_id == top.pk


def test_an_empty_comment_is_refused_with_a_message(client, published, other_resident):
    client.force_login(other_resident)
    response = post(client, f"/initiatieven/{published.pk}/reageren", {"body": ""}, follow=True)
    assert "Vul je reactie in." in response.content.decode()
    assert published.comments.count() == 0


def test_search_finds_words_by_their_start(client, municipality, resident, neighbourhood, moderator):
    make_initiative(
        municipality, resident, neighbourhood, publish_by=moderator, title="Fietsenstalling bij het station"
    )
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Bankjes in het park")
    html = get(client, "/initiatieven/?q=fiets").content.decode()
    assert "Fietsenstalling" in html and "Bankjes" not in html


def test_htmx_filtering_returns_only_the_results(client, published):
    response = get(client, "/initiatieven/?q=Idee", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert published.public_title in html and "<html" not in html


def test_the_site_speaks_dutch_whatever_the_browser_prefers(client, municipality):
    html = client.get("/", HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl"' in html


def test_many_buurten_do_not_add_queries_to_the_list_page(client, municipality, resident, neighbourhood, moderator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import DistrictFactory, NeighbourhoodFactory

    make_initiative(municipality, resident, neighbourhood, publish_by=moderator)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert get(client, "/initiatieven/").status_code == 200
        return len(ctx.captured_queries)

    count_queries()  # warm the per-host cache first
    before = count_queries()
    for district in DistrictFactory.create_batch(3, municipality=municipality):
        NeighbourhoodFactory.create_batch(5, district=district)
    assert count_queries() == before


def test_the_page_shows_how_many_support_it_only_from_five_on(client, published, municipality, neighbourhood):
    def page():
        return client.get(published.get_absolute_url(), HTTP_HOST="testdam.localhost").content.decode()

    def support(times):
        for _ in range(times):
            resident = make_resident(municipality, neighbourhood)
            initiative_services.initiative_support(initiative=published, resident=resident)

    assert "Nog niemand steunt dit" in page()
    support(2)
    assert "Minder dan 5 inwoners steunen dit" in page() and "2 inwoners" not in page()
    support(3)
    assert "5 inwoners steunen dit" in page()
