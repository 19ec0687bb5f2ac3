"""Long lists: numbered first pages, cursor pages after them, and a count that never scans the whole table."""

import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .builders import make_initiative, make_resident

HOST = "testdam.localhost"
TITLE = re.compile(r"Plan (\d+)")
NEXT = re.compile(r'rel="next" href="\?([^"]*)"')


def get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def walk(client, start):
    """Follow "Volgende" from `start` to the end: the titles in the order shown and the links followed."""
    titles, links, url = [], [], start
    while url:
        html = get(client, url).content.decode()
        titles += [int(n) for n in TITLE.findall(html)]
        found = NEXT.search(html)
        url = "/initiatieven/?" + unescape(found.group(1)) if found else None
        if url:
            links.append(url)
    return titles, links


def test_following_volgende_shows_every_initiative_once_newest_first_also_past_the_numbered_pages(
    client, municipality, resident, neighbourhood, moderator, settings
):
    settings.ZWERM_PAGE_SIZE = 2
    for i in range(13):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    titles, links = walk(client, "/initiatieven/")
    assert titles == list(range(12, -1, -1))
    assert links[:4] == [f"/initiatieven/?pagina={n}" for n in (2, 3, 4, 5)]
    assert all("na=" in link for link in links[4:]) and len(links) == 6
    deep = get(client, links[-1]).content.decode()
    assert 'href="?pagina=1"' in deep and "Naar het begin" in deep  # the way back from a cursor page

    by_support, _ = walk(client, "/initiatieven/?sort=supported")
    assert sorted(by_support) == list(range(13))


def test_numbered_pages_still_work_and_a_broken_cursor_gives_the_first_page(
    client, municipality, resident, neighbourhood, moderator, settings
):
    settings.ZWERM_PAGE_SIZE = 2
    for i in range(5):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    assert [int(n) for n in TITLE.findall(get(client, "/initiatieven/?pagina=3").content.decode())] == [0]
    assert "Pagina 3 van 3" in get(client, "/initiatieven/?pagina=99").content.decode()
    for broken in ("x", "%%%", "WyIxIl0", "W10"):
        html = get(client, f"/initiatieven/?na={broken}").content.decode()
        assert [int(n) for n in TITLE.findall(html)] == [4, 3]


def test_a_long_list_says_more_than_the_limit_instead_of_counting_everything(
    client, municipality, resident, neighbourhood, moderator, settings
):
    settings.ZWERM_LIST_COUNT_LIMIT = 3
    settings.ZWERM_PAGE_SIZE = 2
    for i in range(3):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    html = get(client, "/initiatieven/").content.decode()
    assert "3 gevonden" in html and "Pagina 1 van 2" in html
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Plan 3")
    html = get(client, "/initiatieven/").content.decode()
    assert "Meer dan 3 gevonden" in html and "Pagina 1</p>" in html and "Pagina 1 van" not in html


def test_a_deep_cursor_page_takes_the_queries_of_the_first_page(
    client, municipality, resident, neighbourhood, moderator, settings
):
    settings.ZWERM_PAGE_SIZE = 1
    for i in range(8):
        make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=f"Plan {i}")
    _, links = walk(client, "/initiatieven/")
    counts = []
    for url in ("/initiatieven/", links[1], links[-1]):
        with CaptureQueriesContext(connection) as ctx:
            assert get(client, url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] == counts[2]


def test_a_search_puts_the_best_match_first_on_postgresql_and_a_chosen_order_still_wins(
    client, municipality, resident, neighbourhood, moderator
):
    from django.db import connection

    best = make_initiative(
        municipality, resident, neighbourhood, publish_by=moderator, title="Speeltuin aan de Dorpsstraat"
    )
    make_initiative(
        municipality, resident, neighbourhood, publish_by=moderator, title="Bankjes", body="Ook bij de speeltuin."
    )
    html = get(client, "/initiatieven/?q=speeltuin").content.decode()
    first_best = html.index(best.public_title) < html.index("Bankjes")
    assert first_best == (connection.vendor == "postgresql")  # SQLite has no rank: newest first there
    html = get(client, "/initiatieven/?q=speeltuin&sort=newest").content.decode()
    assert html.index("Bankjes") < html.index(best.public_title)


def test_comments_come_in_pages_newest_first_with_the_first_replies_and_a_page_per_thread(
    client, municipality, resident, neighbourhood, moderator, other_resident, settings
):
    from zwerm.initiatives import selectors
    from zwerm.initiatives.services import comment_create

    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    comments = [
        comment_create(initiative=initiative, author=other_resident, body=f"Reactie {i}")
        for i in range(selectors.COMMENTS_PER_PAGE + 3)
    ]
    for i in range(selectors.REPLIES_SHOWN + 2):
        comment_create(initiative=initiative, author=resident, body=f"Antwoord {i}", parent=comments[-1])
    url = f"/initiatieven/{initiative.pk}"

    def shown(html, word):
        return [int(n) for n in re.findall(rf"{word} (\d+)", html)]

    first = get(client, url).content.decode()
    newest = len(comments) - 1
    assert shown(first, "Reactie") == list(range(newest, newest - selectors.COMMENTS_PER_PAGE, -1))
    assert shown(first, "Antwoord") == list(range(selectors.REPLIES_SHOWN))
    assert f"Alle {selectors.REPLIES_SHOWN + 2} antwoorden lezen" in first
    next_link = unescape(NEXT.search(first).group(1))
    assert next_link == "pagina=2#reacties"
    second = get(client, f"{url}?{next_link.split('#')[0]}").content.decode()
    assert shown(second, "Reactie") == [2, 1, 0]
    oldest = get(client, url + "?reacties=oudste").content.decode()
    assert shown(oldest, "Reactie")[:3] == [0, 1, 2]

    thread = get(client, f"{url}/reacties/{comments[-1].pk}").content.decode()
    assert shown(thread, "Antwoord") == list(range(selectors.REPLIES_SHOWN + 2))
    assert get(client, f"{url}/reacties/999999").status_code == 404


def test_a_page_of_comments_takes_the_same_queries_however_many_comments_and_replies(
    client, municipality, resident, neighbourhood, moderator, other_resident
):
    from zwerm.initiatives.services import comment_create

    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert get(client, f"/initiatieven/{initiative.pk}").status_code == 200
        return len(ctx.captured_queries)

    top = comment_create(initiative=initiative, author=other_resident, body="Eerste")
    comment_create(initiative=initiative, author=resident, body="Antwoord", parent=top)
    queries()
    few = queries()
    for i in range(30):
        parent = comment_create(initiative=initiative, author=make_resident(municipality), body=f"Nog een {i}")
        comment_create(initiative=initiative, author=make_resident(municipality), body="Ja", parent=parent)
    assert queries() == few
