"""Council reports: progress reports (from the process record) and district reports (from sensing's public
figures), with renderings as JSON, HTML and PDF."""

from .content import report_content
from .district import district_report_content
from .render import ReportRenderingUnavailable, render_html, render_json, render_pdf

__all__ = [
    "ReportRenderingUnavailable",
    "district_report_content",
    "render_html",
    "render_json",
    "render_pdf",
    "report_content",
]
