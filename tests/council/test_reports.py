"""Report generation and rendering: the chain kader -> phases -> advice -> decisions with values,
and no personal data of residents."""

import json
import shutil
import subprocess

import pytest

from zwerm.council import services
from zwerm.council.models import Frame
from zwerm.council.reports import render_html, render_json, render_pdf, report_content

from .builders import RESIDENT_NAME


@pytest.fixture
def framed(full_process, set_frame):
    set_frame(full_process, budget="50000", description="Budget voor ontwerp en aanleg.")
    set_frame(full_process, kind=Frame.Kind.SCOPE, description="De locatie staat niet open voor inspraak.", budget=None)
    return full_process


def test_the_content_holds_the_whole_chain(framed, lead):
    content = services.report_generate(process=framed, actor=lead).content
    assert content["@type"] == "schema:Report" and content["format"] == "zwerm-council-report/1"
    assert {f["kind"] for f in content["frames"]["current"]} == {"budget", "scope"}
    assert content["frames"]["current"][0]["citation"]["name"] == "Raadsbesluit 2026-14"
    assert [p["name"] for p in content["phases"]] == ["Verkennen", "Ontwerpen met bewoners"]
    assert content["phases"][1]["current"] and content["phases"][0]["closed"]
    states = {a["team"]: a["state"] for a in content["advice"]}
    assert states == {"Team Groen": "answered", "Team Verkeer": "late"}
    decision = content["decisions"][0]
    assert decision["name"] == "Populieren vervangen door linden"
    assert decision["advice"][0]["text"] == "Kap is mogelijk met compensatie."
    assert [(v["value"], v["weighed"]) for v in decision["values"]] == [
        ("Rechtvaardigheid", True),
        ("Duurzaamheid", True),
    ]
    assert content["frames"]["state"]["budget"]["set"] == "50000.00"


def test_the_content_has_no_personal_data_of_residents(framed, lead):
    text = json.dumps(services.report_generate(process=framed, actor=lead).content, ensure_ascii=False)
    for secret in (
        RESIDENT_NAME,
        "henk",
        "06-12345678",
        "Rianne",
        "@example.org",
        "info@speel.example",
        "Buurtbewoner",
    ):
        assert secret.lower() not in text.lower(), secret
    assert "@gemeente.example" not in text  # no staff e-mail addresses either


def test_small_counts_of_people_show_as_fewer_than_five(framed):
    participation = report_content(process=framed)["participation"]
    assert participation["followers"] == {"value": None, "display": "minder dan 5"}
    assert participation["stakeholders"]["display"] == "minder dan 5"
    by_kind = {s["kind"]: s["count"]["display"] for s in participation["stakeholdersByKind"]}
    assert by_kind["resident"] == "minder dan 5"
    meeting = participation["components"][0]
    assert meeting["figures"][0] == {"key": "participants", "label": "deelnemers", "value": 12, "display": "12"}
    assert participation["participants"] == {"value": 12, "display": "12"}


def test_staff_free_text_is_masked_for_personal_data(full_process, set_frame):
    set_frame(full_process, description="Overleg met bewoner via piet@example.org of 0612345678.")
    text = render_json(report_content(process=full_process))
    assert "piet@example.org" not in text and "0612345678" not in text
    assert "[e-mailadres]" in text


def test_the_report_is_written_in_dutch_whatever_the_active_language(framed):
    from django.utils import translation

    with translation.override("en"):
        content = report_content(process=framed)
    assert content["name"].startswith("Voortgangsrapportage") and content["inLanguage"] == "nl"


def test_the_html_is_one_accessible_document_with_the_chain(framed):
    html = render_html(report_content(process=framed))
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<title>Voortgangsrapportage: Buurtpark Noord" in html
    in_order(
        html,
        [
            'id="r-frames"',
            "Budget voor ontwerp en aanleg.",
            'id="r-phases"',
            "Ontwerpen met bewoners",
            'id="r-advice"',
            "Kap is mogelijk met compensatie.",
            'id="r-decisions"',
            "Populieren vervangen door linden",
            "Rechtvaardigheid",
        ],
    )
    assert '<th class="utrecht-table__header-cell" scope="col">' in html
    assert RESIDENT_NAME not in html and "<link" not in html and "<script" not in html


def in_order(text: str, parts: list[str]) -> None:
    """Each part occurs in `text` after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position} in: {text[position : position + 500]}"
        position = found + len(part)


def _pdftotext(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: apt-get install poppler-utils")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdf_or_skip(content) -> bytes:
    from zwerm.council.reports import ReportRenderingUnavailable

    try:
        return render_pdf(content)
    except ReportRenderingUnavailable as error:
        pytest.skip(f"WeasyPrint or its system libraries (Pango) are missing: {error}")


def test_the_pdf_shows_the_chain_kader_phases_advice_decisions_with_values(framed, lead, tmp_path):
    report = services.report_generate(process=framed, actor=lead)
    pdf = _pdf_or_skip(report.content)
    assert pdf.startswith(b"%PDF-")
    text = " ".join(_pdftotext(pdf, tmp_path).split())
    info = subprocess.run(["pdfinfo", str(tmp_path / "report.pdf")], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info  # PDF/UA-1: a tagged, accessible PDF
    assert "Title:           Voortgangsrapportage: Buurtpark Noord" in info
    chain = [
        "De kaders en hoe het traject ervoor staat",
        "Budget voor ontwerp en aanleg.",
        "Raadsbesluit 2026-14",
        "Fasen",
        "Ontwerpen met bewoners",
        "Adviezen van vakambtenaren",
        "Kap is mogelijk met compensatie.",
        "Bomenverordening artikel 4",
        "Besluiten en de waarden die zijn gewogen",
        "Populieren vervangen door linden",
        "Rechtvaardigheid",
        "Iedereen kon meedenken.",
        "Duurzaamheid",
    ]
    in_order(text, chain)
    assert "pagina 1 van" in text  # the running footer, with its own font
    assert RESIDENT_NAME not in text and "henk" not in text.lower()
