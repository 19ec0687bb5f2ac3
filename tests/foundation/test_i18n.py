"""Dutch first, English complete: the language switch, translated pages and messages, and a full catalogue.

The catalogue is src/zwerm/locale/en/LC_MESSAGES/django.po; scripts/update-translations refreshes it
after templates or code change. The compiled .mo is committed, so these tests need no gettext tools."""

import gettext
import html
import re
from pathlib import Path

import pytest

from zwerm import __file__ as zwerm_init

from .builders import make_initiative

HOST = "testdam.localhost"
LOCALE = Path(zwerm_init).resolve().parent / "locale"
PO_FILE = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = LOCALE / "en" / "LC_MESSAGES" / "django.mo"


def page(response) -> str:
    """The page text with entities decoded, so "can't" matches "can&#x27;t"."""
    return html.unescape(response.content.decode())


def switch_to_english(client):
    return client.post("/taal", {"language": "en", "next": "/"}, HTTP_HOST=HOST, follow=True)


# --- the pages --------------------------------------------------------------------------------------


def test_the_home_page_is_dutch_by_default(client, municipality):
    response = client.get("/", HTTP_HOST=HOST)
    assert response.status_code == 200
    text = page(response)
    assert '<html lang="nl"' in text
    assert "Direct naar de inhoud" in text
    assert "Skip to content" not in text


def test_an_english_browser_still_gets_dutch_until_english_is_chosen(client, municipality):
    response = client.get("/", HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="nl"' in page(response)
    assert response["Content-Language"] == "nl"


def test_choosing_english_switches_the_page_to_english(client, municipality):
    response = switch_to_english(client)
    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[-1][0].endswith("/")
    text = page(response)
    assert '<html lang="en"' in text
    assert "Skip to content" in text
    assert "Submit an initiative" in text
    assert "Direct naar de inhoud" not in text
    # The choice sticks for the next page, and the switch offers the way back to Dutch.
    text = page(client.get("/initiatieven/", HTTP_HOST=HOST))
    assert '<html lang="en"' in text and "Initiatives, ideas and concerns" in text
    assert 'name="language" value="nl"' in text


def test_choosing_dutch_again_switches_back(client, municipality):
    switch_to_english(client)
    response = client.post("/taal", {"language": "nl", "next": "/"}, HTTP_HOST=HOST, follow=True)
    text = page(response)
    assert '<html lang="nl"' in text and "Direct naar de inhoud" in text


def test_a_service_refusal_is_shown_in_english(client, published, resident):
    client.force_login(resident)
    switch_to_english(client)
    response = client.post(f"/initiatieven/{published.pk}/steunen", HTTP_HOST=HOST, follow=True)
    text = page(response)
    assert "You can't support your own initiative." in text
    assert "eigen initiatief niet steunen" not in text


def test_a_form_error_from_a_service_check_is_shown_in_english(client, published, other_resident):
    client.force_login(other_resident)
    switch_to_english(client)
    response = client.post(
        f"/initiatieven/{published.pk}/reageren", {"body": "<b>hallo</b>"}, HTTP_HOST=HOST, follow=True
    )
    assert "Your comment contains HTML or code. Please use plain text." in page(response)


def test_a_success_message_is_shown_in_english(client, published, other_resident):
    client.force_login(other_resident)
    switch_to_english(client)
    response = client.post(f"/initiatieven/{published.pk}/steunen", HTTP_HOST=HOST, follow=True)
    assert "You support this initiative. Thank you!" in page(response)


def test_the_title_help_text_is_shown_in_english(client, resident):
    client.force_login(resident)
    switch_to_english(client)
    text = page(client.get("/initiatieven/nieuw", HTTP_HOST=HOST))
    assert "Short and clear, no more than" in text


def test_labels_that_are_translated_lazily_follow_the_language(
    client, municipality, resident, neighbourhood, moderator
):
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Moestuin bij de school")
    switch_to_english(client)
    text = page(client.get("/initiatieven/", HTTP_HOST=HOST))
    assert "Moestuin bij de school" in text  # residents' own words stay as written
    assert "Idea" in text and "Published" in text  # kind and status labels come from model choices


# --- the catalogue ----------------------------------------------------------------------------------


_FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr or msgstr[n], flags, references.

    A small reader, enough for what makemessages writes; obsolete (#~) entries are skipped."""
    entries, entry, field = [], None, None

    def finish():
        if entry and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                finish()
                entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "references": []}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:"):
            entry["references"].extend(line[2:].split())
        elif line.startswith("#"):
            continue
        elif match := _FIELD.match(line):
            field = match.group(1)
            entry[field] = _unquote(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += _unquote(line[1:-1])
        else:
            raise AssertionError(f"cannot read this line of {path.name}: {raw!r}")
    return entries


def translations(entry) -> list[str]:
    if "msgid_plural" in entry:
        return [value for key, value in sorted(entry.items()) if key.startswith("msgstr[")]
    return [entry["msgstr"]]


def where(entry) -> str:
    return f"{entry['msgid']!r} ({', '.join(entry['references'][:2]) or 'no reference'})"


_PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")  # %(name)s for gettext, {name} for format_lazy


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text.replace("%%", "")))


@pytest.fixture(scope="module")
def catalogue():
    assert PO_FILE.is_file(), f"{PO_FILE} is missing: run scripts/update-translations"
    entries = parse_po(PO_FILE)
    header = entries[0]
    assert header["msgid"] == "", "the .po file should start with its header"
    return header, entries[1:]


def test_the_catalogue_is_for_english_with_two_plural_forms(catalogue):
    header, entries = catalogue
    assert "Language: en\n" in header["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"]
    assert "fuzzy" not in header["flags"]
    assert len(entries) > 300


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    _header, entries = catalogue
    untranslated = [where(e) for e in entries if any(not text.strip() for text in translations(e))]
    fuzzy = [where(e) for e in entries if "fuzzy" in e["flags"]]
    plurals_incomplete = [where(e) for e in entries if "msgid_plural" in e and len(translations(e)) != 2]
    assert not untranslated, "untranslated (run scripts/update-translations and fill them in):\n" + "\n".join(
        untranslated
    )
    assert not fuzzy, "fuzzy (check the translation, then remove the fuzzy flag):\n" + "\n".join(fuzzy)
    assert not plurals_incomplete, "plural entries need msgstr[0] and msgstr[1]:\n" + "\n".join(plurals_incomplete)


def test_translations_keep_every_placeholder(catalogue):
    _header, entries = catalogue
    wrong = []
    for entry in entries:
        # msgstr[0] answers the singular msgid, msgstr[1] the plural (a Dutch singular may leave the count out)
        sources = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
        for index, text in enumerate(translations(entry)):
            if placeholders(text) != placeholders(sources[min(index, 1)]):
                wrong.append(f"{where(entry)} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_the_compiled_catalogue_matches_the_po_file(catalogue):
    """The committed .mo is what Django loads: it must hold every translation from the .po file."""
    _header, entries = catalogue
    assert MO_FILE.is_file(), f"{MO_FILE} is missing: run scripts/update-translations"
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in entries:
        context = f"{entry['msgctxt']}\x04" if "msgctxt" in entry else ""
        if "msgid_plural" in entry:
            for n, text in enumerate(translations(entry)):
                if compiled._catalog.get((context + entry["msgid"], n)) != text:
                    stale.append(where(entry))
        elif compiled._catalog.get(context + entry["msgid"]) != entry["msgstr"]:
            stale.append(where(entry))
    assert not stale, "the .mo file is out of date (run scripts/update-translations):\n" + "\n".join(stale)
