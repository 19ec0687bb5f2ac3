"""Stakeholders: who is involved and through what, as a drawn network and as a table."""

import math
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zwerm.privacy.decorators import personal_data_gate

from .. import selectors, services
from ..forms import StakeholderForm
from ..models import Stakeholder
from .common import managed_process_or_403, manager_required, save

WIDTH, HEIGHT = 640, 480
KIND_COLOURS = {
    Stakeholder.Kind.RESIDENT: "#1b5e20",
    Stakeholder.Kind.GROUP: "#0d47a1",
    Stakeholder.Kind.ORGANISATION: "#6a1b9a",
    Stakeholder.Kind.COLLEAGUE: "#8d4a00",
}


@dataclass(frozen=True)
class Node:
    stakeholder: Stakeholder
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    colour: str


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float


def network_layout(stakeholders) -> tuple[list[Node], list[Edge]]:
    """Stakeholders on a circle around the process, grouped by kind; lines to the process and between
    related stakeholders. Drawn on the server so it works without JavaScript."""
    people = list(stakeholders)
    cx, cy, radius = WIDTH / 2, HEIGHT / 2, min(WIDTH, HEIGHT) / 2 - 70
    nodes, positions = [], {}
    for i, s in enumerate(people):
        angle = 2 * math.pi * i / max(len(people), 1) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        right = math.cos(angle) >= 0
        positions[s.pk] = (x, y)
        nodes.append(
            Node(
                stakeholder=s,
                x=round(x, 1),
                y=round(y, 1),
                label_x=round(x + (12 if right else -12), 1),
                label_y=round(y + 4, 1),
                anchor="start" if right else "end",
                colour=KIND_COLOURS.get(s.kind, "#333333"),
            )
        )
    edges = [Edge(cx, cy, x, y) for x, y in positions.values()]
    seen = set()
    for s in people:
        for other in s.related_to.all():
            key = tuple(sorted((s.pk, other.pk)))
            if key in seen or other.pk not in positions:
                continue
            seen.add(key)
            (x1, y1), (x2, y2) = positions[s.pk], positions[other.pk]
            edges.append(Edge(round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1)))
    return nodes, edges


def _context(process, form):
    stakeholders = list(selectors.stakeholder_list(process=process))
    nodes, edges = network_layout(stakeholders)
    return {
        "process": process,
        "stakeholders": stakeholders,
        "nodes": nodes,
        "edges": edges,
        "width": WIDTH,
        "height": HEIGHT,
        "centre": (WIDTH / 2, HEIGHT / 2),
        "form": form,
        "kinds": [(k, label, KIND_COLOURS[k]) for k, label in Stakeholder.Kind.choices],
    }


@manager_required
@require_http_methods(["GET", "POST"])
def stakeholders(request, slug):
    process = managed_process_or_403(request, slug)
    form = StakeholderForm(request.POST or None, others=selectors.stakeholder_list(process=process))
    if request.method == "POST":
        if save(form, lambda: services.stakeholder_add(process=process, actor=request.user, **form.cleaned_data)):
            messages.success(request, _("De betrokkene is toegevoegd."))
            return redirect("processes:stakeholders", process.slug)
        return render(request, "processes/stakeholders.html", _gated_context(request, process, form), status=400)
    return render(request, "processes/stakeholders.html", _gated_context(request, process, form))


def _contacts_gate(request, process):
    """Contact details are shown after the staff member gave a purpose (logged by the privacy app)."""
    what = _("contactgegevens van betrokkenen bij %(title)s") % {"title": process.title}
    return personal_data_gate(request, scope=f"stakeholders:{process.pk}", what=what)


def _gated_context(request, process, form):
    context = _context(process, form)
    has_contacts = any(s.contact for s in context["stakeholders"])
    contacts = _contacts_gate(request, process) if has_contacts else None
    return {**context, "has_contacts": has_contacts, "contacts": contacts}


@manager_required
@require_http_methods(["GET", "POST"])
def stakeholder_edit(request, slug, pk):
    process = managed_process_or_403(request, slug)
    stakeholder = selectors.stakeholder_list(process=process).filter(pk=pk).first()
    if stakeholder is None:
        raise Http404
    if stakeholder.contact and not (gate := _contacts_gate(request, process)):
        return render(request, "privacy/reveal_page.html", {"gate": gate})
    initial = {
        "name": stakeholder.name,
        "kind": stakeholder.kind,
        "role": stakeholder.role,
        "contact": stakeholder.contact,
        "related_to": list(stakeholder.related_to.all()),
    }
    others = selectors.stakeholder_list(process=process).exclude(pk=pk)
    form = StakeholderForm(request.POST or None, initial=initial, others=others)
    if request.method == "POST" and save(
        form, lambda: services.stakeholder_update(stakeholder=stakeholder, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("De betrokkene is bijgewerkt."))
        return redirect("processes:stakeholders", process.slug)
    return render(
        request, "processes/stakeholder_form.html", {"process": process, "stakeholder": stakeholder, "form": form}
    )
