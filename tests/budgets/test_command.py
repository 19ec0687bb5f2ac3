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
