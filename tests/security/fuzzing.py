"""Reading the forms a page renders, and hypothesis strategies for hostile values to send back."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlparse

from hypothesis import strategies as st

# --- forms as rendered ---------------------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    method: str
    action: str  # a path on this host
    multipart: bool
    fields: list[Field] = field(default_factory=list)

    def signature(self) -> tuple:
        return (self.method, self.action, tuple(sorted({f.name for f in self.fields})))


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urlparse(urljoin(self.page_url, a.get("action") or self.page_url))
            self._form = Form(
                method=(a.get("method") or "get").lower(),
                action=action.path + (f"?{action.query}" if action.query else ""),
                multipart="multipart" in a.get("enctype", ""),
            )
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("reset", "image"):
                return
            self._form.fields.append(Field(a["name"], kind, a.get("value", "")))
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self._form.fields.append(Field(a["name"], "submit", a.get("value", "")))
        elif tag == "textarea":
            self._form.fields.append(Field(a["name"], "textarea"))
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        if tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_on(html: str, page_url: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return [f for f in parser.forms if urlparse(f.action).netloc == "" and not f.action.startswith("//")]


# --- hostile values ------------------------------------------------------------------------------------------

MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "<b>vet</b>"]
# (A NUL byte is not searched for: SQLite's LIKE cannot; PostgreSQL cannot store one at all.)
STORED_MARKERS = ("<script", "onerror=", "javascript:", "\x1b")
NASTY = [
    "a" * 10_001,  # over-long
    "é" * 6_000 + "\u202e",
    "x\x00y",  # NUL byte
    "\x00",
    "\x1b[31mrood\x1b[0m",  # terminal escape
    "\u0007\u0008\u000b\u000c",
    "regel\r\nregel\rregel",
    "\ufeff\u200b\u2028",
    "🙂" * 300,
    *MARKUP,
    "&#60;script&#62;",
    "{{ 7|add:7 }} {% now 'Y' %}",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%s%n%x",
    "99999999999999999999999999999999999",
    "-99999999999999999999",
    "-1",
    "0",
    "1e308",
    "NaN",
    "Infinity",
    "3,14",
    "0x1F",
    "²",  # a digit to str.isdigit(), but not to int()
    "١٢",  # Arabic-Indic digits: int() reads them
    "2026-02-30",
    "9999-12-31T23:59",
    "0000-00-00",
    "",
    " ",
]
UNKNOWN_CHOICES = ["__onbekend__", "-1", "999999999", "1 OR 1=1", "[]"]
# Bytes that are not UTF-8: a lone surrogate (CESU-8), an overlong slash, a stray continuation byte, 0xFF.
BAD_BYTES = [b"\xed\xa0\x80", b"\xc0\xaf", b"\x80", b"\xff\xfe", b"caf\xe9"]


def value_for(f: Field):
    """One hostile (or sometimes valid) value for a field, or a list of them (an unexpected array)."""
    valid = [o for o in f.options if o] or [f.value]
    single = st.one_of(
        st.sampled_from(NASTY),
        st.sampled_from(valid),
        st.sampled_from(UNKNOWN_CHOICES),
        st.text(max_size=40),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


def files_for(f: Field):
    content = st.one_of(
        st.sampled_from(
            [
                b"",
                b"tekst\n" + b"\xff\xfe\x00bad",
                b"tekst;tijd\n<script>alert(1)</script>;gisteren\n",
                b"tekst\n" + b"a" * 70_000,
                b"\x89PNG\r\n\x1a\n\x00\x00",
                b"wijkcode;wijknaam\nWK;\x00\n",
            ]
        ),
        st.binary(max_size=200),
    )
    name = st.sampled_from(["meldingen.csv", "<script>.csv", "../../x.csv", "a" * 300 + ".csv", "leeg"])
    return st.tuples(name, content)


@dataclass
class Submission:
    data: dict  # field -> str | list[str] | (filename, bytes)
    raw: bytes | None = None  # a hand-made urlencoded body (invalid UTF-8, or oversized)

    def has_markup(self) -> bool:
        text = repr(self.data) + repr(self.raw)
        return any(m in text for m in ("script", "onerror", "javascript"))


def _raw_body(form: Form, values: dict, bad: bytes, where: int) -> bytes:
    parts = []
    for i, (name, value) in enumerate(values.items()):
        encoded = quote(str(value) if not isinstance(value, list) else str(value[0]), safe="").encode()
        if i == where % max(len(values), 1):
            encoded = encoded[:20] + bad + (quote(bad.decode("latin-1"), safe="").encode())
        parts.append(quote(name, safe="").encode() + b"=" + encoded)
    return b"&".join(parts)


def submissions(form: Form):
    """Hypothesis strategy: a form submission with hostile values, missing fields and odd bodies."""
    fields = [f for f in form.fields if f.name]
    per_field = [
        st.one_of(st.none(), files_for(f) if f.kind == "file" else value_for(f))  # None: the field is left out
        for f in fields
    ]
    as_dict = st.tuples(*per_field).map(
        lambda vals: {f.name: v for f, v in zip(fields, vals, strict=True) if v is not None}
    )
    plain = as_dict.map(Submission)
    if form.multipart or form.method != "post":
        return plain
    invalid_utf8 = st.tuples(as_dict, st.sampled_from(BAD_BYTES), st.integers(0, 20)).map(
        lambda t: Submission(data=t[0], raw=_raw_body(form, t[0] or {"x": "y"}, t[1], t[2]))
    )
    oversized = st.sampled_from(
        [
            Submission(data={}, raw=b"&".join(b"f%d=1" % i for i in range(1_100))),  # too many fields
            Submission(data={}, raw=b"tekst=" + b"a" * 3_000_000),  # over the upload limit
        ]
    )
    return st.one_of(plain, plain, invalid_utf8, oversized)
