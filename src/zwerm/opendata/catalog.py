"""The catalogue of the open datasets in DCAT (DCAT-AP 3 / DCAT-AP-NL 3 vocabulary), as JSON-LD and Turtle.

The publisher is the municipality, named by its TOOI identifier (built from its CBS code, e.g.
https://identifier.overheid.nl/tooi/id/gemeente/gm0344) and carrying the CBS code itself as
dct:identifier. Themes, language, licence, access rights, frequency and file types use the EU
vocabularies (publications.europa.eu authority tables), media types the IANA register."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality

from .datasets import Context, Dataset

EU = "http://publications.europa.eu/resource/authority/"
LICENCE = f"{EU}licence/CC0"
LICENCE_PAGE = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
LANGUAGE = f"{EU}language/NLD"
ACCESS_PUBLIC = f"{EU}access-right/PUBLIC"
FREQUENCY = f"{EU}frequency/UPDATE_CONT"
THEMES = f"{EU}data-theme"
FILE_TYPES = {"csv": f"{EU}file-type/CSV", "json": f"{EU}file-type/JSON", "geojson": f"{EU}file-type/GEOJSON"}
MEDIA_TYPES = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "json": "https://www.iana.org/assignments/media-types/application/json",
    "geojson": "https://www.iana.org/assignments/media-types/application/geo+json",
}
FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "geojson": "GeoJSON"}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Entry:
    """One dataset as the catalogue and the page show it."""

    dataset: Dataset
    modified: datetime.datetime | None


def publisher_uri(municipality: Municipality) -> str:
    return f"https://identifier.overheid.nl/tooi/id/gemeente/{municipality.cbs_code.lower()}"


def _nl(text) -> dict:
    return {"@language": "nl", "@value": str(text)}


def _iri(value: str) -> dict:
    return {"@id": value}


def _when(value: datetime.datetime) -> dict:
    return {"@type": "xsd:dateTime", "@value": timezone.localtime(value).isoformat(timespec="seconds")}


def _location(code: str, name: str) -> dict:
    return {"@type": "dct:Location", "dct:identifier": code, "skos:prefLabel": _nl(name)}


def download_path(dataset: Dataset, fmt: str) -> str:
    return reverse("opendata:download", kwargs={"key": dataset.key, "fmt": fmt})


def catalog_document(*, context: Context, entries: list[Entry], districts=()) -> dict:
    """The catalogue as a JSON-LD document (compact form with prefixes)."""
    municipality = context.municipality
    page = context.url(reverse("opendata:index"))
    publisher = publisher_uri(municipality)
    contact = {"@type": "vcard:Organization", "vcard:fn": _nl(municipality.name), "vcard:hasURL": _iri(page)}
    if municipality.contact_email:
        contact["vcard:hasEmail"] = _iri(f"mailto:{municipality.contact_email}")
    area = _location(municipality.cbs_code, municipality.name)
    datasets = []
    for entry in entries:
        dataset = entry.dataset
        spatial = [area]
        if dataset.spatial_districts:
            spatial += [_location(d.code, d.name) for d in districts]
        node = {
            "@id": f"{page}#{dataset.key}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{page}#{dataset.key}",
            "dct:title": _nl(dataset.title),
            "dct:description": _nl(dataset.description),
            "dct:publisher": _iri(publisher),
            "dcat:contactPoint": contact,
            "dct:license": _iri(LICENCE),
            "dct:accessRights": _iri(ACCESS_PUBLIC),
            "dct:language": _iri(LANGUAGE),
            "dct:accrualPeriodicity": _iri(FREQUENCY),
            "dcat:theme": [_iri(f"{THEMES}/{theme}") for theme in dataset.themes],
            "dcat:keyword": [_nl(word) for word in dataset.keywords],
            "dct:spatial": spatial,
            "dcat:landingPage": _iri(f"{page}#{dataset.key}"),
            "dcat:distribution": [],
        }
        if entry.modified is not None:
            node["dct:modified"] = _when(entry.modified)
        for fmt in dataset.formats:
            url = context.url(download_path(dataset, fmt))
            distribution = {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": _nl(f"{dataset.title} ({FORMAT_NAMES[fmt]})"),
                "dcat:accessURL": _iri(url),
                "dcat:downloadURL": _iri(url),
                "dcat:mediaType": _iri(MEDIA_TYPES[fmt]),
                "dct:format": _iri(FILE_TYPES[fmt]),
                "dct:license": _iri(LICENCE),
                "dct:accessRights": _iri(ACCESS_PUBLIC),
            }
            if entry.modified is not None:
                distribution["dct:modified"] = _when(entry.modified)
            node["dcat:distribution"].append(distribution)
        datasets.append(node)
    document = {
        "@context": CONTEXT,
        "@id": context.url(reverse("opendata:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _nl(_("Open data van %(name)s") % {"name": municipality.name}),
        "dct:description": _nl(
            _(
                "Openbare gegevens van het participatieplatform van %(name)s: initiatieven, trajecten, besluiten, "
                "wat er speelt per wijk en uitslagen van buurtbudgetten. Zonder persoonsgegevens; vrij te "
                "gebruiken onder CC0 1.0."
            )
            % {"name": municipality.name}
        ),
        "dct:publisher": {
            "@id": publisher,
            "@type": "foaf:Agent",
            "foaf:name": _nl(municipality.name),
            "dct:identifier": municipality.cbs_code,
        },
        "dct:license": _iri(LICENCE),
        "dct:language": _iri(LANGUAGE),
        "dct:spatial": area,
        "foaf:homepage": _iri(page),
        "dcat:themeTaxonomy": _iri(THEMES),
        "dcat:dataset": datasets,
    }
    moments = [e.modified for e in entries if e.modified is not None]
    if moments:
        document["dct:modified"] = _when(max(moments))
    return document


# --- Turtle ----------------------------------------------------------------------------------------


def _turtle_literal(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _turtle_iri(value: str) -> str:
    if ":" in value and value.split(":", 1)[0] in CONTEXT and "//" not in value:
        return value  # a prefixed name such as dcat:Dataset
    return "<" + "".join(f"%{ord(c):02X}" if c in '<>"{}|^`\\ ' else c for c in value) + ">"


def _turtle_object(value, subjects: list, indent: str) -> str:
    if isinstance(value, str):
        return _turtle_literal(value)
    if "@value" in value:
        literal = _turtle_literal(value["@value"])
        if "@language" in value:
            return f"{literal}@{value['@language']}"
        return f"{literal}^^{_turtle_iri(value['@type'])}" if "@type" in value else literal
    if "@id" in value:
        if len(value) > 1:
            subjects.append(value)  # a node of its own, written after this one
        return _turtle_iri(value["@id"])
    inner = _turtle_properties(value, subjects, indent + "    ")
    return f"[\n{inner}\n{indent}]"


def _turtle_properties(node: dict, subjects: list, indent: str) -> str:
    parts = []
    if "@type" in node:
        parts.append(f"{indent}a {_turtle_iri(node['@type'])}")
    for key, value in node.items():
        if key.startswith("@"):
            continue
        values = value if isinstance(value, list) else [value]
        if not values:
            continue
        objects = ", ".join(_turtle_object(v, subjects, indent) for v in values)
        parts.append(f"{indent}{key} {objects}")
    return " ;\n".join(parts)


def catalog_turtle(document: dict) -> str:
    """The same catalogue as Turtle (written by hand: the document's shapes are few and known)."""
    lines = [f"@prefix {prefix}: <{iri}> ." for prefix, iri in document["@context"].items()]
    lines.append("")
    subjects = [{k: v for k, v in document.items() if k != "@context"}]
    seen = set()
    while subjects:
        node = subjects.pop(0)
        if node["@id"] in seen:
            continue
        seen.add(node["@id"])
        body = _turtle_properties(node, subjects, "    ")
        lines.append(f"{_turtle_iri(node['@id'])}\n{body} .\n")
    return "\n".join(lines)
