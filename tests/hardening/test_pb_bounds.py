"""Finding 12: a .pb file with a huge budget, cost or points value is refused with file, line and problem."""

import pytest
from django.core.management import CommandError, call_command

from zwerm.budgets.pabulib import PabulibError, parse_pb

HEAD = "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;{budget}\nvote_type;{vote_type}\n"
PROJECTS = "PROJECTS\nproject_id;cost;name\n1;{cost};A\n2;200;B\n"
APPROVAL = "VOTES\nvoter_id;vote\n1;1,2\n2;1\n"
CUMULATIVE = "VOTES\nvoter_id;vote;points\n1;1,2;5,{points}\n2;1;3\n"


def pb(*, budget="1000", cost="100", points="1", vote_type="approval") -> str:
    votes = (CUMULATIVE if vote_type == "cumulative" else APPROVAL).format(points=points)
    return HEAD.format(budget=budget, vote_type=vote_type) + PROJECTS.format(cost=cost) + votes


CASES = [
    ({"budget": "1e400"}, 5, "the budget is too large"),
    ({"budget": "9" * 400}, 5, "the budget is too large"),
    ({"budget": "1e999999999"}, 5, "the budget is too large"),
    ({"cost": "1e30"}, 9, "the cost of project 1 is too large"),
    ({"points": "1" + "0" * 30, "vote_type": "cumulative"}, 13, "points is too large"),
    ({"points": "9" * 5000, "vote_type": "cumulative"}, 13, "points is too large"),
]


@pytest.mark.parametrize(("values", "line", "problem"), CASES)
def test_the_reader_names_line_and_problem(values, line, problem):
    with pytest.raises(PabulibError, match=problem) as raised:
        parse_pb(pb(**values))
    assert raised.value.line == line


@pytest.mark.parametrize("rule", ["mes", "greedy"])
@pytest.mark.parametrize(("values", "line", "problem"), CASES[:1] + CASES[4:5])
def test_the_count_command_names_file_line_and_problem(tmp_path, rule, values, line, problem):
    path = tmp_path / "huge.pb"
    path.write_text(pb(**values), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("budget", "count", str(path), "--rule", rule)
    message = str(raised.value)
    assert str(path) in message and f"line {line}" in message and problem in message
    assert len(message) < 300  # the value is shortened, not printed in full


def test_an_ordinary_file_still_counts(tmp_path):
    path = tmp_path / "ok.pb"
    path.write_text(pb(budget="1000000000000", points="7", vote_type="cumulative"), encoding="utf-8")
    call_command("budget", "count", str(path), "--rule", "greedy")
