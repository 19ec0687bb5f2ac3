"""The PDOK Locatieserver (the national geocoder of the Dutch government, free, no key): `free` search.

Documented at https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/. Only the municipality's own addresses,
streets and places are asked for (fq=gemeentecode), one result, a short timeout; the answer's `centroide_ll`
is a WKT point in WGS84. Set ZWERM_GEOCODER=pdok; ZWERM_GEOCODER_PDOK_URL changes the address (a mirror, or a
local fake in tests); ZWERM_GEOCODER_TIMEOUT_SECONDS the patience (default 3).
"""

import json
import re
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError

from zwerm.core.models import Municipality

from ..points import point_from
from . import Found, GeocoderUnavailable

DEFAULT_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
WKT_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$", re.IGNORECASE)
MAX_ANSWER_BYTES = 256 * 1024


class PdokLocatieserver:
    def __init__(self, *, url: str = DEFAULT_URL, timeout: float = 3.0):
        self.url = url
        self.timeout = timeout

    @classmethod
    def from_settings(cls) -> "PdokLocatieserver":
        return cls(
            url=getattr(settings, "ZWERM_GEOCODER_PDOK_URL", "") or DEFAULT_URL,
            timeout=float(getattr(settings, "ZWERM_GEOCODER_TIMEOUT_SECONDS", 3)),
        )

    def _query(self, text: str, municipality: Municipality) -> str:
        params = [("q", text), ("rows", "1"), ("fl", "weergavenaam,centroide_ll,type")]
        params.append(("fq", "type:(adres OR weg OR postcode OR woonplaats)"))
        code = (municipality.cbs_code or "").upper().removeprefix("GM")
        if code:
            params.append(("fq", f"gemeentecode:{code}"))
        return f"{self.url}?{urllib.parse.urlencode(params)}"

    def geocode(self, text: str, *, municipality: Municipality) -> Found | None:
        text = " ".join((text or "").split())[:200]
        if not text:
            return None
        url = self._query(text, municipality)
        if not url.startswith(("https://", "http://")):
            raise GeocoderUnavailable("ZWERM_GEOCODER_PDOK_URL must be an http(s) address")
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 (checked above)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 (checked above)
                body = answer.read(MAX_ANSWER_BYTES + 1)
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            raise GeocoderUnavailable(str(e)) from e
        if len(body) > MAX_ANSWER_BYTES:
            raise GeocoderUnavailable("answer too large")
        try:
            docs = json.loads(body)["response"]["docs"]
        except (ValueError, KeyError, TypeError) as e:
            raise GeocoderUnavailable("unexpected answer") from e
        for doc in docs[:1]:
            match = WKT_POINT.match(str(doc.get("centroide_ll", "")))
            if not match:
                continue
            try:
                point = point_from(match.group(1), match.group(2))
            except ValidationError:
                return None
            if point is not None:
                return Found(point=point, label=str(doc.get("weergavenaam", ""))[:200])
        return None
