"""Vote codes (stemcodes): staff make one code per address from an address list or a count and download the
letters as a PDF; only hashes are kept; a code votes once through the ballot page, without an account."""

import shutil
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from zwerm.budgets import selectors, services
from zwerm.budgets.letters import letters_html
from zwerm.budgets.models import Ballot, Budget, VoteCode
from zwerm.budgets.services.codes import code_hash

from ..foundation.builders import staff_login
from .test_pages import get, html, post

ADDRESSES = (
    "adres;postcode;plaats\nKastanjelaan 17;3512 JK;Zwermstad\nLindelaan 2;3512 JL;Zwermstad\n"
    "Kastanjelaan 17;3512JK;Zwermstad\n"
)


def _codes(budget, lead, count=3):
    return [letter.code for letter in services.vote_codes_generate(budget=budget, actor=lead, count=count)]


def _all_text() -> str:
    with connection.cursor() as cursor:
        values = []
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values += [str(v) for row in cursor.fetchall() for v in row]
    return "\n".join(values)


def test_one_code_per_address_only_hashes_kept(budget, lead):
    addresses = services.address_list_read(budget=budget, data=ADDRESSES.encode())
    assert len(addresses) == 2  # the same address twice gets one code
    letters = services.vote_codes_generate(budget=budget, actor=lead, addresses=addresses)
    assert len(letters) == 2 and VoteCode.objects.filter(budget=budget).count() == 2
    assert Budget.objects.get(pk=budget.pk).eligibility == "code"
    stored = _all_text()
    for letter in letters:
        assert letter.code.replace("-", "") not in stored and letter.code not in stored
        assert VoteCode.objects.filter(code_hash=code_hash(budget_id=budget.pk, code=letter.code)).exists()
    assert "Kastanjelaan" not in stored  # addresses are printed, never stored
    page = letters_html(budget=budget, letters=letters, vote_url="https://zwermstad.example/buurtbudget/1/stemmen")
    assert "Kastanjelaan 17" in page and letters[0].code in page and "Aan de bewoners van" in page


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("straat;plaats\nKerkstraat 1;Zwermstad\n", "kolom 'adres'"),
        ("adres;wijk\nKerkstraat 1;Atlantis\n", "Regel 2: de wijk 'Atlantis'"),
        ("adres,plaats\nKerkstraat 1,Zwermstad\n,Zwermstad\n", "Regel 3: het adres is leeg"),
        ("adres\n", "geen adressen"),
    ],
)
def test_a_bad_address_list_is_refused_with_its_line(budget, csv, message):
    with pytest.raises(ValidationError, match=message):
        services.address_list_read(budget=budget, data=csv.encode())


def test_only_the_manager_makes_codes(budget, resident):
    with pytest.raises(PermissionDenied):
        services.vote_codes_generate(budget=budget, actor=resident, count=1)
    assert not VoteCode.objects.exists()


def test_a_code_votes_once_without_an_account(voting_budget, lead):
    Budget.objects.filter(pk=voting_budget.pk).update(status="review")
    code, other, _ = _codes(voting_budget, lead)
    Budget.objects.filter(pk=voting_budget.pk).update(status="voting")
    p1, p2, *_ = selectors.project_list(budget=voting_budget, feasibility="feasible")
    client, url = Client(), f"/buurtbudget/{voting_budget.pk}/stemmen"
    page = html(get(client, url))
    assert 'name="code"' in page and f'value="{p1.pk}"' in page  # no log-in asked

    response = post(client, url, {"code": "AAAA-BBBB-CCCC", "project": [p1.pk], "action": "vote"})
    assert response.status_code == 400 and "kennen we niet" in html(response)
    response = post(client, url, {"code": code.lower().replace("-", " "), "project": [p1.pk], "action": "vote"})
    assert response.status_code == 302 and Ballot.objects.count() == 1
    response = post(Client(), url, {"code": code, "project": [p2.pk], "action": "vote"})
    assert response.status_code == 400 and "al mee gestemd" in html(response)
    assert Ballot.objects.count() == 1
    assert VoteCode.objects.filter(used=True).count() == 1
    services.ballot_cast_with_code(budget=voting_budget, code=other, projects=[p2.pk])
    assert sorted(b.projects for b in selectors.budget_rule_ballots(budget=voting_budget)) == [
        (str(p1.pk),),
        (str(p2.pk),),
    ]


def test_with_codes_a_logged_in_resident_votes_with_a_code_too(voting_budget, lead, resident):
    Budget.objects.filter(pk=voting_budget.pk).update(status="review")
    _codes(voting_budget, lead, 1)
    Budget.objects.filter(pk=voting_budget.pk).update(status="voting")
    p1 = selectors.project_list(budget=voting_budget, feasibility="feasible").first()
    with pytest.raises(ValidationError, match="stemcode"):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk])


def test_codes_cannot_start_after_residents_started_voting(voting_budget, lead):
    with pytest.raises(ValidationError, match="al begonnen"):
        _codes(voting_budget, lead, 1)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_staff_download_the_letters_as_a_pdf(budget, lead):
    pytest.importorskip("weasyprint")
    client = staff_login(Client(), lead)
    url = f"/buurtbudget/{budget.pk}/stemcodes"
    assert "Adreslijst" in html(get(client, url))
    upload = SimpleUploadedFile("adressen.csv", ADDRESSES.encode(), content_type="text/csv")
    response = post(client, url, {"addresses": upload})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True).stdout
    text = text.decode()
    assert "Kastanjelaan 17" in text and "Lindelaan 2" in text and "Je stemcode" in text
    assert VoteCode.objects.filter(budget=budget).count() == 2
    response = post(client, url, {})
    assert response.status_code == 400 and "adreslijst" in html(response)
