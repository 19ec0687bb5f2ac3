"""The vote-code letters as one PDF (WeasyPrint, tagged PDF/UA-1): one page per address or code.

Made once, when staff generate the codes, and sent straight to their browser: neither the PDF nor the
codes are stored (only the codes' hashes are)."""

import logging

from django.template.loader import render_to_string
from django.utils import translation

from .models import Budget
from .services.codes import Letter


class LettersUnavailable(Exception):
    """WeasyPrint (or Pango) is not installed on this machine."""


def letters_html(*, budget: Budget, letters: list[Letter], vote_url: str) -> str:
    with translation.override("nl"):
        return render_to_string(
            "budgets/vote_code_letters.html", {"budget": budget, "letters": letters, "vote_url": vote_url}
        )


def letters_pdf(*, budget: Budget, letters: list[Letter], vote_url: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango or its friends are missing
        raise LettersUnavailable(str(error)) from error
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    html = letters_html(budget=budget, letters=letters, vote_url=vote_url)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
