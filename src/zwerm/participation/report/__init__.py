"""The yearly participation report the verordening asks for: content (JSON-ready) and its renderings."""

from .content import FORMAT, report_content
from .render import ReportRenderingUnavailable, render_html, render_json, render_pdf

__all__ = ["FORMAT", "ReportRenderingUnavailable", "render_html", "render_json", "render_pdf", "report_content"]
