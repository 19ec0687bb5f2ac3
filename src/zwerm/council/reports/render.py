"""Renderings of a report's content: JSON, a one-page HTML document and a tagged PDF (WeasyPrint).

All three take the stored content, so a frozen report always renders the same. The content's `format`
picks the body: a progress report or a district report."""

import json
import logging

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from .district import FORMAT as DISTRICT_FORMAT


class ReportRenderingUnavailable(RuntimeError):
    """PDF rendering needs WeasyPrint and its system libraries (Pango)."""


# format -> (body template, running head, description); anything else is a progress report
DOCUMENTS = {
    DISTRICT_FORMAT: (
        "council/_district_report_body.html",
        gettext_lazy("Wijkrapportage"),
        gettext_lazy("Wijkrapportage voor de gemeenteraad: wat er speelt in de wijk"),
    ),
}
PROGRESS = (
    "council/_report_body.html",
    gettext_lazy("Voortgangsrapportage"),
    gettext_lazy("Voortgangsrapportage voor de gemeenteraad"),
)


def render_json(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_html(content: dict, *, for_pdf: bool = False, nonce: str = "") -> str:
    """A self-contained HTML document (styles inline, no external files), readable in one page.

    Headings are in the report's own language, so a frozen report always reads the same."""
    body, head, description = DOCUMENTS.get(content.get("format"), PROGRESS)
    with translation.override(content.get("inLanguage") or "nl"):
        context = {
            "report": content,
            "for_pdf": for_pdf,
            "nonce": nonce,
            "body_template": body,
            "running_head": str(head),
            "description": str(description),
        }
        return render_to_string("core/printed_document.html", context)


def render_pdf(content: dict) -> bytes:
    """A tagged, accessible PDF (PDF/UA-1) of the report."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango or its friends are missing
        raise ReportRenderingUnavailable(f"WeasyPrint is not available: {error}") from error
    # WeasyPrint reports every layout step at INFO; scheduled reports should stay quiet.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string=render_html(content, for_pdf=True)).write_pdf(pdf_variant="pdf/ua-1")
