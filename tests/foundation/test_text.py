import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from zwerm.core.text import clean_text
from zwerm.initiatives import services as initiatives

from .builders import make_initiative, make_resident


def test_text_is_trimmed():
    assert clean_text("  Hallo  ", field_label="de titel", max_length=10) == "Hallo"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Vul de titel in"),
        ("   ", "Vul de titel in"),
        ("x" * 51, "te lang: 51 tekens, het maximum is 50"),
        ("<b>vet</b>", "HTML of code"),
        ("<script>alert(1)</script>", "HTML of code"),
        ("klik javascript:alert(1)", "HTML of code"),
        ("<img src=x onerror=alert(1)>", "HTML of code"),
        ("<!-- verborgen -->", "HTML of code"),
        ("zie </p>", "HTML of code"),
        ("a<b en c>d", "spatie na <"),  # a browser reads <b en c> as a bold tag
        ("a\x00b", "stuurtekens"),
    ],
)
def test_bad_text_gets_a_clear_dutch_message(value, message):
    with pytest.raises(ValidationError, match=message):
        clean_text(value, field_label="de titel", max_length=50)


@pytest.mark.parametrize(
    "value",
    [
        "3 < 5 en 7 > 4",
        "De onkosten = ongeveer 300 euro",
        "a < b en c > d",
        "3<4 en 5>2",
        "<3 voor de buurt",
        "Kosten => baten, en <-- dit",
        "Jansen & Zn. kregen &#39;t werk",
        "Mail me: <jan@example.org>",
        "onclick = niet van toepassing",
    ],
)
def test_ordinary_sentences_with_mathematics_are_kept_as_typed(value):
    assert clean_text(value, field_label="de tekst", max_length=100) == value


TITLE = "Kosten < 300 & baten > 200"
BODY = "De onkosten = ongeveer 300 euro, dus a < b en c > d."


def test_text_with_mathematics_is_shown_escaped_on_the_page_and_as_typed_in_the_email(
    client, municipality, neighbourhood, resident, moderator, django_capture_on_commit_callbacks
):
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title=TITLE, body=BODY)
    follower = make_resident(municipality, neighbourhood)
    initiatives.initiative_follow(initiative=initiative, user=follower)
    initiatives.comment_create(initiative=initiative, author=follower, body="Klopt: 2 <= 3 en 4 >= 1.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiatives.initiative_status_change(
            initiative=initiative, actor=moderator, to_status="in_progress", reason="We rekenen: 1 < 2 & 2 > 1."
        )

    html = client.get(f"/initiatieven/{initiative.pk}", HTTP_HOST="testdam.localhost").content.decode()
    assert "Kosten &lt; 300 &amp; baten &gt; 200" in html
    assert "De onkosten = ongeveer 300 euro, dus a &lt; b en c &gt; d." in html
    assert "Klopt: 2 &lt;= 3 en 4 &gt;= 1." in html
    assert "a < b" not in html and "2 <= 3" not in html
    message = next(m for m in mail.outbox if follower.email in m.to)
    assert TITLE in message.body and "We rekenen: 1 < 2 & 2 > 1." in message.body
