"""Vote codes (stemcodes): one code per address, sent by letter; a code votes once.

Only a keyed hash of each code is stored (HMAC-SHA256 with the installation's secret key and the budget),
never the code itself and never the address: the codes exist in the letters' PDF only, made once when staff
generate them. A code's row says that it was used; the ballot does not know the code (ADR 0021)."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.places.selectors import district_list

from ..models import Budget, VoteCode
from .checks import require_manager

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type from a letter
CODE_LENGTH = 12  # 32^12 = 2^60 codes
MAX_CODES = 20_000  # per generation
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
ADDRESS_MAX = 200
GENERATE_STATUSES = (Budget.Status.PROPOSALS, Budget.Status.REVIEW, Budget.Status.VOTING)


@dataclass(frozen=True)
class Address:
    """One line of the uploaded address list: printed on a letter, never stored."""

    street: str
    postcode: str = ""
    place: str = ""
    district_id: int | None = None


@dataclass(frozen=True)
class Letter:
    code: str  # shown grouped, "ABCD-EFGH-JKLM"
    address: Address | None


def normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def grouped(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def code_hash(*, budget_id: int, code: str) -> str:
    message = f"zwerm-vote-code:{budget_id}:{normalise(code)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def address_list_read(*, budget: Budget, data: bytes) -> list[Address]:
    """The uploaded address list (CSV: `adres`, optionally `postcode`, `plaats`, `wijk`; comma or semicolon).
    Every problem is named with its line; the same address twice gets one code."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is groter dan 2 MB. Splits de adreslijst op."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Sla de adreslijst op als CSV in UTF-8.")) from None
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    if "adres" not in columns:
        raise ValidationError(_("De eerste regel moet de kolomnamen geven, met ten minste de kolom 'adres'."))
    districts = {}
    for d in district_list(municipality=budget.municipality):
        districts[d.name.strip().lower()] = d.pk
        districts[d.code.strip().lower()] = d.pk
    seen: dict[tuple[str, str], Address] = {}
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        street = " ".join(row.get("adres", "").split())
        if not street:
            raise ValidationError(_("Regel %(n)d: het adres is leeg.") % {"n": line})
        if any(len(row.get(k, "")) > ADDRESS_MAX for k in ("adres", "postcode", "plaats")):
            raise ValidationError(_("Regel %(n)d: het adres is te lang.") % {"n": line})
        wijk = row.get("wijk", "")
        district_id = districts.get(wijk.lower()) if wijk else None
        if wijk and district_id is None:
            raise ValidationError(_("Regel %(n)d: de wijk '%(w)s' kennen we niet.") % {"n": line, "w": wijk})
        address = Address(street, " ".join(row.get("postcode", "").upper().split()), row.get("plaats", ""), district_id)
        seen.setdefault((street.lower(), address.postcode.replace(" ", "")), address)
        if len(seen) > MAX_CODES:
            raise ValidationError(_("Hoogstens %(n)d adressen per keer.") % {"n": MAX_CODES})
    if not seen:
        raise ValidationError(_("De adreslijst bevat geen adressen."))
    return list(seen.values())


def vote_codes_generate(
    *, budget: Budget, actor, count: int | None = None, addresses: list[Address] | None = None
) -> list[Letter]:
    """Make one code per address (or `count` codes without an address) and switch the budget to voting by
    code. Returns the letters; the codes are not kept anywhere else (only their hashes)."""
    require_manager(budget=budget, user=actor)
    budget = Budget.objects.get(pk=budget.pk)
    if budget.status not in GENERATE_STATUSES:
        raise ValidationError(_("Stemcodes maak je voordat het tellen begint."))
    if budget.status == Budget.Status.VOTING and budget.eligibility != Budget.Eligibility.CODE:
        raise ValidationError(_("Het stemmen is al begonnen voor ingelogde inwoners; stemcodes kunnen niet meer."))
    targets: list[Address | None]
    if addresses:
        targets = list(addresses)
    else:
        if not count or not (1 <= count <= MAX_CODES):
            raise ValidationError(_("Kies een aantal van 1 tot %(n)d, of lever een adreslijst aan.") % {"n": MAX_CODES})
        targets = [None] * count
    letters = []
    rows = []
    for address in targets:
        code = _new_code()
        letters.append(Letter(grouped(code), address))
        rows.append(
            VoteCode(
                budget=budget,
                code_hash=code_hash(budget_id=budget.pk, code=code),
                district_id=address.district_id if address else None,
            )
        )
    with transaction.atomic():
        VoteCode.objects.bulk_create(rows, batch_size=1000)
        Budget.objects.filter(pk=budget.pk).update(eligibility=Budget.Eligibility.CODE)
    return letters
