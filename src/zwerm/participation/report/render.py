"""Renderings of the yearly report: JSON, a self-contained HTML document and a tagged PDF (WeasyPrint)."""

import json
import logging

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


class ReportRenderingUnavailable(RuntimeError):
    """PDF rendering needs WeasyPrint and its system libraries (Pango)."""


def render_json(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def render_html(content: dict, *, for_pdf: bool = False, nonce: str = "") -> str:
    """A self-contained HTML document (styles inline; `nonce` for the site's Content-Security-Policy)."""
    with translation.override(content.get("inLanguage") or "nl"):
        context = {
            "report": content,
            "for_pdf": for_pdf,
            "nonce": nonce,
            "body_template": "participation/report_body.html",
            "running_head": content.get("name", ""),
            "description": _("Jaarverslag participatie voor de gemeenteraad, zoals de participatieverordening vraagt"),
        }
        return render_to_string("core/printed_document.html", context)


def render_pdf(content: dict) -> bytes:
    """A tagged, accessible PDF (PDF/UA-1), like the council's reports."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango or its friends are missing
        raise ReportRenderingUnavailable(f"WeasyPrint is not available: {error}") from error
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string=render_html(content, for_pdf=True)).write_pdf(pdf_variant="pdf/ua-1")
