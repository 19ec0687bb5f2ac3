"""``zwerm budget count``: counts a .pb file without the database and writes JSON."""

import json

import pytest

from zwerm.budgets.management.commands.budget import Command
from zwerm.budgets.pabulib.counting import count_pb_file

PB = (
    "META\nkey;value\nbudget;100\nvote_type;approval\n"
    "PROJECTS\nproject_id;cost;name\na;60;A\nb;50;B\nc;40;C\n"
    "VOTES\nvoter_id;vote\n1;a\n2;a,b\n3;a,c\n4;b,c\n"
)


@pytest.fixture
def pb_file(tmp_path):
    path = tmp_path / "wijk.pb"
    path.write_text(PB)
    return path


def _run(*argv):
    command = Command()
    options = command.create_parser("zwerm", "budget").parse_args(list(argv))
    command.execute(**vars(options))


def test_count_pb_file_returns_the_documented_fields(pb_file):
    result = count_pb_file(pb_file, rule="greedy")
    assert result["winners"] == ["a", "c"]
    assert (result["rule"], result["cost"], result["budget"]) == ("greedy", 100, 100)
    assert result["voters_with_a_funded_project"] == 4
    assert isinstance(result["seconds"], float)
    assert {e["project"] for e in result["explanations"]} == {"a", "b", "c"}


def test_the_command_writes_json(pb_file, tmp_path):
    out = tmp_path / "out.json"
    _run("count", str(pb_file), "--rule", "mes", "--completion", "add1", "--exact", "--json", str(out))
    result = json.loads(out.read_text())
    assert result["winners"] == ["a", "c"]
    assert (result["rule"], result["completion"], result["exact"]) == ("mes", "add1", True)
    assert result["per_voter_budget"] == 30
    paid = {e["project"]: e["payments"] for e in result["explanations"]}
    assert paid["a"] == [{"amount": 20, "amount_exact": "20", "voters": 3, "paid_all_they_had": False}]


def test_a_malformed_file_is_a_command_error_naming_the_line(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.pb"
    bad.write_text(PB.replace("2;a,b", "2;a,z"))
    with pytest.raises(CommandError, match="line 13: vote for unknown project z"):
        _run("count", str(bad), "--json", str(tmp_path / "out.json"))


def test_no_fill_up_counts_without_the_greedy_fill_up(tmp_path):
    # Budget 100, b0 = 50: a 60 (voters 1, 2), b 40 (voter 1), c 40 (voter 2); worked out in
    # test_completion_variants.py: add1 ends at b = 69 with {a}; the fill-up adds b, Assen's
    # count (--no-fill-up) leaves 40 unspent.
    path = tmp_path / "assen-like.pb"
    path.write_text(
        "META\nkey;value\nbudget;100\nvote_type;approval\n"
        "PROJECTS\nproject_id;cost;name\na;60;A\nb;40;B\nc;40;C\n"
        "VOTES\nvoter_id;vote\n1;a,b\n2;a,c\n"
    )
    filled, assen = tmp_path / "filled.json", tmp_path / "assen.json"
    _run("count", str(path), "--rule", "mes", "--completion", "add1", "--json", str(filled))
    _run("count", str(path), "--rule", "mes", "--completion", "add1", "--no-fill-up", "--json", str(assen))
    filled, assen = json.loads(filled.read_text()), json.loads(assen.read_text())
    assert (filled["winners"], filled["cost"], filled["fill_up"]) == (["a", "b"], 100, True)
    assert (assen["winners"], assen["cost"], assen["fill_up"]) == (["a"], 60, False)
    assert assen["per_voter_budget"] == filled["per_voter_budget"] == 69
    _run("count", str(path), "--completion", "add1", "--no-fill-up", "--step", "10", "--json", str(tmp_path / "s.json"))
    stepped = json.loads((tmp_path / "s.json").read_text())
    assert (stepped["per_voter_budget"], stepped["step"], stepped["completion_steps"]) == (60, 10, 1)
