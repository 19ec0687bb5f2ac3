"""The conventions every endpoint keeps (NL API Design Rules): version header, problem+json, methods,
no trailing slashes, pagination with links, rate limits."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwerm.accounts.roles import Role

from .builders import make_initiative, token_for

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status and body["type"].startswith("urn:zwerm:problem:")
    return body


def test_every_answer_carries_the_api_version(api, published):
    for response in (api.get("initiatives"), api.get("initiatives/999999"), api.call("TRACE", "initiatives")):
        assert response["API-Version"] == "1.2.0"


def test_an_unknown_path_is_a_problem_not_the_sites_html_page(api, municipality):
    body = assert_problem(api.get("initiatieven"), 404)
    assert body["instance"] == "/api/v1/initiatieven"
    assert_problem(api.call("DELETE", "bestaat/niet"), 404)


def test_paths_have_no_trailing_slash(api, municipality):
    assert api.get("initiatives").status_code == 200
    assert_problem(api.get("initiatives/"), 404)


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "PATCH", "DELETE", "HEAD", "POST"])
def test_methods_an_endpoint_does_not_declare_answer_405(api, municipality, method):
    response = api.call(method, "initiatives")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    if method != "HEAD":  # a HEAD answer has no body
        assert_problem(response, 405)


def test_the_openapi_document_is_public_and_describes_the_api(api, municipality):
    response = api.get("openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.") and document["info"]["version"] == "1.2.0"
    assert document["servers"] == [{"url": "/api/v1", "description": "The municipality's own host name."}]
    assert all(not path.endswith("/") for path in document["paths"])
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "404" in operation["responses"], (method, path)
            ok = next(v for k, v in operation["responses"].items() if k.startswith("2"))
            assert "API-Version" in ok["headers"], (method, path)


def test_bad_query_parameters_are_a_problem_with_invalid_params(api, municipality):
    body = assert_problem(api.get("initiatives", {"kind": "plan", "district": "abc"}), 400)
    assert {p["name"] for p in body["invalid-params"]} == {"kind", "district"}
    assert all(p["reason"] for p in body["invalid-params"])


def test_ids_too_large_for_the_database_are_not_found_not_a_crash(api, municipality):
    assert_problem(api.get("initiatives/" + "9" * 30), 404)
    assert_problem(api.get("initiatives", {"district": "9" * 30}), 400)


def test_lists_come_in_pages_with_links_and_a_count(api, municipality, neighbourhood, resident, moderator):
    for i in range(5):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    first = api.get("initiatives", {"pageSize": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    assert first["next"].startswith("http://testdam.localhost/api/v1/initiatives?") and "page=2" in first["next"]
    last = api.get("initiatives", {"pageSize": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    pages = [api.get("initiatives", {"pageSize": 2, "page": p}).json()["results"] for p in (1, 2, 3)]
    titles = [row["title"] for page in pages for row in page]
    assert sorted(titles) == [f"Plan {i}" for i in range(5)]
    assert_problem(api.get("initiatives", {"pageSize": 2, "page": 4}), 404)


def test_the_page_size_is_bounded(api, municipality, neighbourhood, resident, moderator, settings):
    settings.ZWERM_API_PAGE_SIZE = 1
    for _ in range(3):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    assert len(api.get("initiatives").json()["results"]) == 1
    assert len(api.get("initiatives", {"pageSize": 1000}).json()["results"]) == 3  # capped at 100, not refused


def test_anonymous_callers_are_rate_limited_with_a_problem(api, municipality, settings):
    settings.ZWERM_API_ANONYMOUS_RATE = "3/minute"
    for _ in range(3):
        assert api.get("processes").status_code == 200
    response = api.get("processes")
    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0


def test_a_token_has_its_own_rate(api, municipality, make_staff, settings):
    settings.ZWERM_API_ANONYMOUS_RATE = "1/minute"
    settings.ZWERM_API_TOKEN_RATE = "2/minute"
    token = token_for(municipality, make_staff(Role.MODERATOR), Role.MODERATOR)
    assert api.get("processes").status_code == 200
    assert api.get("processes").status_code == 429
    assert [api.get("processes", token=token).status_code for _ in range(3)] == [200, 200, 429]


def test_a_body_that_is_not_json_is_refused(api, municipality, make_staff):
    token = token_for(municipality, make_staff(Role.PROCESS_LEAD), Role.PROCESS_LEAD)
    response = api.post("sensing/reports", "id=1&text=x", token=token, format=None, content_type="text/plain")
    assert_problem(response, 415)
    response = api.post("sensing/reports", "{niet: json", token=token, format=None, content_type="application/json")
    assert_problem(response, 400)


def test_a_format_the_api_cannot_give_is_a_406_problem(api, municipality):
    response = api.get("initiatives", HTTP_ACCEPT="application/xml")
    assert_problem(response, 406)
    assert api.get("initiatives", HTTP_ACCEPT="text/html,*/*;q=0.8").status_code == 200


def test_a_list_costs_the_same_queries_for_more_rows(api, municipality, neighbourhood, resident, moderator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert api.get("initiatives").status_code == 200
        return len(captured)

    make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    queries()  # the host name -> municipality lookup is cached from here on
    few = queries()
    for _ in range(4):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    assert queries() == few


def test_deep_pages_follow_a_cursor_and_every_item_comes_once(api, municipality, neighbourhood, resident, moderator):
    for i in range(8):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    body = api.get("initiatives", {"pageSize": 1}).json()
    titles, links = [row["title"] for row in body["results"]], []
    while body["next"]:
        links.append(body["next"])
        body = api.client.get(body["next"], HTTP_HOST="testdam.localhost").json()
        titles += [row["title"] for row in body["results"]]
        assert body["count"] == 8
    assert titles == [f"Plan {i}" for i in range(7, -1, -1)]
    assert all("page=" in link for link in links[:4]) and all("after=" in link for link in links[4:])
    assert "page=" not in links[-1] and body["previous"] is None


def test_a_cursor_that_is_not_one_is_a_problem(api, municipality, published):
    for cursor in ("x", "W10", "WyJhIiwiYiJd"):
        body = assert_problem(api.get("initiatives", {"after": cursor}), 400)
        assert [p["name"] for p in body["invalid-params"]] == ["after"]
