"""Council progress reports: their content (from the process record) and renderings as JSON, HTML and PDF."""

from .content import report_content
from .render import ReportRenderingUnavailable, render_html, render_json, render_pdf

__all__ = ["ReportRenderingUnavailable", "render_html", "render_json", "render_pdf", "report_content"]
