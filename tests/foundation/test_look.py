"""The look (issue 12): charts drawn on the server with their table, cards with progress and counts, a
process's kaders as bars, how often each value was weighed."""

import datetime
import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone
from django.utils.translation import override

from zwerm.accounts.roles import Role
from zwerm.core.charts import BAR_WIDTH, bar_chart
from zwerm.council.services import frame_set, spending_record
from zwerm.dialogues.services import dialogue_create

from ..council.builders import make_full_record, make_process

HOST = "testdam.localhost"


def page(path, client=None) -> str:
    return (client or Client()).get(path, HTTP_HOST=HOST).content.decode()


def test_bars_scale_to_the_largest_figure_and_unpublished_figures_get_no_bar():
    chart = bar_chart(
        [("Afval", 20, "20"), ("Groen", 5, "5"), ("Speeltuin", None, "minder dan 5")],
        title="t",
        caption="c",
        label_header="Thema",
        value_header="Inwoners",
    )
    widths = [bar.width for bar in chart.bars]
    assert widths == [BAR_WIDTH, BAR_WIDTH / 4, 0]
    assert [bar.label for bar in chart.drawn] == ["Afval", "Groen"]
    assert chart.bars[2].shown == "minder dan 5"


def test_the_process_list_shows_status_phase_progress_and_counts(municipality, make_staff):
    lead, specialist = make_staff(Role.PROCESS_LEAD), make_staff(Role.SPECIALIST)
    process = make_process(municipality, lead)
    make_full_record(process, lead=lead, specialist=specialist)
    html = page("/trajecten/")
    assert re.search(r'<progress [^>]*max="2" value="1"', html), "one of two phases closed"
    assert "1 van 2 fasen afgerond" in html and "1 besluit" in html and 'class="zwerm-icon"' in html


def test_the_process_page_shows_its_kaders_as_bars_with_a_table(municipality, make_staff):
    lead, member = make_staff(Role.PROCESS_LEAD), make_staff(Role.COUNCIL_MEMBER)
    process = make_process(municipality, lead)
    make_full_record(process, lead=lead, specialist=make_staff(Role.SPECIALIST))
    today = timezone.localdate()
    common = {
        "process": process,
        "actor": member,
        "set_by": "council",
        "source_reference": "RB-1",
        "source_date": today,
    }
    frame_set(kind="budget", description="Het budget van de raad.", budget=Decimal("10000"), **common)
    frame_set(
        kind="deadline", description="Klaar voor de zomer.", deadline=today + datetime.timedelta(days=60), **common
    )
    spending_record(process=process, actor=lead, amount=Decimal("9500"), description="Ontwerp")
    for language in ("nl", "en"):
        with override(language):
            client = Client()
            client.cookies["django_language"] = language
            html = page(process.get_absolute_url(), client)
        assert 'class="zwerm-progress__fill zwerm-progress__fill--warning"' in html  # 95 % spent
        assert re.search(r'class="zwerm-progress__fill[^"]*"', html)
        widths = re.findall(r'width="([^"]+)" height="20" rx="3" class="zwerm-progress__fill', html)
        assert widths and all(re.fullmatch(r"\d+(\.\d+)?", w) for w in widths), widths
    assert "95%" in html or "95 %" in html


def test_the_values_page_counts_how_often_each_value_was_weighed(municipality, make_staff):
    lead, specialist = make_staff(Role.PROCESS_LEAD), make_staff(Role.SPECIALIST)
    make_full_record(make_process(municipality, lead), lead=lead, specialist=specialist)
    html = page("/trajecten/waarden-in-besluiten")
    assert 'role="img"' in html and "Rechtvaardigheid" in html and "Duurzaamheid" in html
    assert html.count('class="zwerm-chart__bar zwerm-chart__bar--good"') == 2
    assert re.search(r"Rechtvaardigheid</th>\s*<td[^>]*>1</td>\s*<td[^>]*>0</td>", html)


def test_the_public_sensing_page_draws_themes_and_wijken_next_to_their_tables(municipality):
    html = page("/signalen/")
    assert "Per wijk" in html and ("zwerm-chart" in html or "nog geen" in html.lower())


def test_a_chart_without_any_published_figure_is_a_table_alone(municipality):
    chart = bar_chart(
        [("Noord", None, "minder dan 5"), ("Zuid", None, "minder dan 5")],
        title="t",
        caption="Inwoners per wijk",
        label_header="Wijk",
        value_header="Inwoners",
    )
    html = render_to_string("web/_bar_chart.html", {"chart": chart})
    assert "<svg" not in html and "Inwoners per wijk" in html and html.count("minder dan 5") == 2
    assert "BarChart" not in html  # the template's comment stays a comment


def test_the_home_page_invites_to_what_is_open_now(municipality, make_staff):
    lead = make_staff(Role.PROCESS_LEAD)
    dialogue_create(author=lead, municipality=municipality, title="Ons plein", question="Hoe maken we het plein beter?")
    process = make_process(municipality, lead, title="Speelplek aan de kade")
    html = page("/")
    assert "Doe nu mee" in html and "Ons plein" in html and process.title in html and "Geef je mening" in html
