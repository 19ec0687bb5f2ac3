"""`zwerm council report`: the slugs per municipality, and a report written to a file."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .builders import RESIDENT_NAME, make_process


def run(*args) -> str:
    out = StringIO()
    call_command("council", *args, stdout=out)
    return out.getvalue()


def test_list_prints_the_process_slugs_per_municipality(municipality, other_municipality, lead, make_staff):
    from zwerm.accounts.roles import Role

    make_process(municipality, lead, slug="buurtpark-noord")
    make_process(municipality, lead, slug="fietsstraat")
    make_process(other_municipality, make_staff(Role.ADMIN, in_municipality=other_municipality), slug="haven")
    lines = run("report", "--list").splitlines()
    assert sorted(lines) == ["andersum: haven", "testdam: buurtpark-noord", "testdam: fietsstraat"]
    assert run("report", "--list", "--municipality", "andersum").splitlines() == ["andersum: haven"]


def test_a_json_report_goes_to_a_file(full_process, tmp_path):
    output = tmp_path / "rapport.json"
    printed = run("report", full_process.slug, "--format", "json", "--output", str(output))
    content = json.loads(output.read_text(encoding="utf-8"))
    assert content["about"]["identifier"] == full_process.slug and content["decisions"]
    assert RESIDENT_NAME not in output.read_text(encoding="utf-8")
    assert str(output) in printed


def test_an_html_report_goes_to_a_file(full_process, tmp_path):
    output = tmp_path / "rapport.html"
    run("report", full_process.slug, "--format", "html", "--output", str(output), "--municipality", "testdam")
    assert "Populieren vervangen door linden" in output.read_text(encoding="utf-8")


def test_a_pdf_report_goes_to_a_file(full_process, tmp_path):
    output = tmp_path / "rapport.pdf"
    try:
        run("report", full_process.slug, "--format", "pdf", "--output", str(output))
    except CommandError as error:
        if "WeasyPrint" in str(error):
            pytest.skip(f"WeasyPrint or its system libraries are missing: {error}")
        raise
    assert output.read_bytes().startswith(b"%PDF-")


def test_a_report_is_not_stored(full_process, tmp_path):
    from zwerm.council.models import Report

    run("report", full_process.slug, "--format", "json", "--output", str(tmp_path / "r.json"))
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "bestaat-niet", "--format", "json", "--output", "x.json"], "no process"),
        (["report", "--format", "json", "--output", "x.json"], "PROCESS-SLUG"),
        (["report", "iets"], "--output"),
        (["report", "--list", "--municipality", "nergens"], "no municipality"),
    ],
)
def test_bad_input_gives_a_clear_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_slug_in_two_municipalities_needs_the_municipality(
    municipality, other_municipality, lead, make_staff, tmp_path
):
    from zwerm.accounts.roles import Role

    make_process(municipality, lead, slug="park")
    make_process(other_municipality, make_staff(Role.ADMIN, in_municipality=other_municipality), slug="park")
    with pytest.raises(CommandError, match="--municipality"):
        run("report", "park", "--format", "json", "--output", str(tmp_path / "p.json"))
    run("report", "park", "--format", "json", "--output", str(tmp_path / "p.json"), "--municipality", "andersum")
    assert json.loads((tmp_path / "p.json").read_text())["publisher"]["name"] == "Andersum"
