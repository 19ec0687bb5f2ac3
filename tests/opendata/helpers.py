"""Reading the open-data files back the way a user's tools would."""

import csv
import io
import json

HOST = "testdam.localhost"
KEYS = (
    "initiatieven",
    "trajecten",
    "trajectfasen",
    "besluiten",
    "waardenafwegingen",
    "signalen",
    "buurtbudget-uitslagen",
    "uitdagingen",
)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def get(client, path, host=HOST, **headers):
    return client.get(path, HTTP_HOST=host, **headers)


def read_csv(response) -> list[dict]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff"), "CSV starts with a byte order mark for Excel"
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def read_json(response) -> dict:
    return json.loads(body(response).decode("utf-8"))


def everything(client, host=HOST) -> str:
    """Every download of the municipality and the catalogue, as one text."""
    parts = [
        body(get(client, f"/open-data/{key}.{fmt}", host)).decode("utf-8") for key in KEYS for fmt in ("csv", "json")
    ]
    parts.append(get(client, "/open-data/catalog.jsonld", host).content.decode())
    parts.append(get(client, "/open-data/catalog.ttl", host).content.decode())
    return "\n".join(parts)
