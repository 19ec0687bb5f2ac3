"""Template tags: accessible form fields in NL Design System markup, and small display helpers."""

import re
from functools import lru_cache

from django import forms, template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.FileInput: "utrecht-textbox",
}


@register.inclusion_tag("web/_field.html")
def form_field(field):
    """Label, description and error tied to the input with aria-describedby, as WCAG asks."""
    widget = field.field.widget
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["required"] = True
    is_choice_list = isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))
    is_checkbox = isinstance(widget, forms.CheckboxInput)
    if is_choice_list:
        # Each option's own input, styled by the design system so it sits beside its label.
        kind = "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "radio-button"
        widget.attrs.setdefault("class", f"utrecht-{kind} utrecht-{kind}--html-input")
    elif is_checkbox:
        attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
    else:
        css = next((c for k, c in WIDGET_CLASSES.items() if isinstance(widget, k)), "utrecht-textbox")
        if field.errors:
            css += f" {css}--invalid"
        attrs["class"] = css
    return {
        "field": field,
        "widget_html": field.as_widget(attrs=attrs),
        "is_choice_list": is_choice_list,
        "is_checkbox": is_checkbox,
        "choice_kind": "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "radio",
        "is_hidden": field.is_hidden,
        "described_by": " ".join(described),
    }


@register.filter
def status_class(status: str) -> str:
    return {
        "submitted": "warning",
        "published": "neutral",
        "in_progress": "active",
        "realised": "success",
        "not_realised": "danger",
        "withdrawn": "inactive",
    }.get(status, "neutral")


@lru_cache(maxsize=64)
def _icon_svg(name: str) -> str:
    """The icon's SVG from vendor/tabler (copied from npm by scripts/build-assets), decorative for screen
    readers: the text beside it says what it means. Empty when the icon is not there."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        return ""
    path = finders.find(f"vendor/tabler/{name}.svg")
    if path is None:
        return ""
    with open(path, encoding="utf-8") as f:
        svg = f.read()
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r'\s(width|height|class)="[^"]*"', "", svg)
    svg = svg.replace("<svg", '<svg class="zwerm-icon" aria-hidden="true" focusable="false"', 1)
    return " ".join(svg.split())


@register.simple_tag
def icon(name: str):
    """An icon from the Tabler set, inline so that it takes the text's colour."""
    return mark_safe(_icon_svg(name))  # noqa: S308 (our own static file, cleaned above)
