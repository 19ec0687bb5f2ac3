"""Reading and writing Pabulib .pb files; every malformed file names the line."""

from fractions import Fraction

import pytest

from zwerm.budgets.pabulib import PabulibError, format_pb, parse_pb, read_pb, write_pb
from zwerm.budgets.rules import count

GOOD = '''META
key;value
description;"Buurtbudget; test"
budget;100
vote_type;approval
min_length;1
max_sum_cost;100
PROJECTS
project_id;cost;name;category
a;60;"Speeltuin ""De Wip""";groen
b;50,5;Bankjes;
c;40;Bomen;groen
VOTES
voter_id;vote
1;a
2;a,b
3;a,c
4;b,c
'''


def test_reads_meta_projects_and_votes():
    instance, ballots = parse_pb(GOOD)
    assert instance.budget == 100 and instance.vote_type == "approval"
    assert instance.meta["description"] == "Buurtbudget; test"
    assert [(p.id, p.cost) for p in instance.projects] == [("a", 60), ("b", Fraction(101, 2)), ("c", 40)]
    assert instance.projects[0].name == 'Speeltuin "De Wip"'
    assert instance.projects[0].extra == {"category": "groen"}
    assert [b.projects for b in ballots] == [("a",), ("a", "b"), ("a", "c"), ("b", "c")]
    assert (instance.limits.min_projects, instance.limits.max_cost) == (1, 100)


def test_crlf_and_a_byte_order_mark_read_the_same(tmp_path):
    path = tmp_path / "crlf.pb"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    instance, ballots = read_pb(path)
    assert len(instance.projects) == 3 and len(ballots) == 4


def test_the_example_from_the_issue_counts_greedily_to_a_and_c(tmp_path):
    instance, ballots = parse_pb(GOOD.replace("50,5", "50"))
    assert count(instance, ballots, rule="greedy").winners == ["a", "c"]


def test_cumulative_votes_with_points():
    text = (
        "META\nkey;value\nbudget;40\nvote_type;cumulative\nmax_sum_points;5\n"
        "PROJECTS\nproject_id;cost\na;20\nb;20\n"
        "VOTES\nvoter_id;vote;points\n1;a,b;3,1\n2;b;2\n3;;\n"
    )
    instance, ballots = parse_pb(text)
    assert instance.vote_type == "cumulative" and instance.limits.max_points == 5
    assert [b.points for b in ballots] == [(("a", 3), ("b", 1)), (("b", 2),), ()]


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("PROJECTS\nproject_id;cost\n", 1, "section PROJECTS before META"),
        ("hello\n", 1, "text before the META section"),
        ("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\n", 6, "section VOTES is missing"),
        (
            "META\nkey;value\nbudget;ten\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
            3,
            "the budget is not a number",
        ),  # noqa: E501
        (
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;-5\nVOTES\nvoter_id;vote\n",
            6,
            "must not be negative",
        ),  # noqa: E501
        ("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5€\nVOTES\nvoter_id;vote\n", 6, "not a number"),
        (
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\na;6\nVOTES\nvoter_id;vote\n",
            7,
            "project a appears twice",
        ),  # noqa: E501
        ("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;name\na;x\nVOTES\nvoter_id;vote\n", 5, "no cost column"),
        (
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5;x\nVOTES\nvoter_id;vote\n",
            6,
            "expected 2 fields",
        ),  # noqa: E501
        (
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n2;a,z\n",
            10,
            "unknown project z",
        ),  # noqa: E501
        (
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n1;a\n",
            10,
            "voter 1 appears twice",
        ),  # noqa: E501
        ("META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\nVOTES\n", 4, "not supported"),
        (
            "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote;points\n1;a;x\n",
            10,
            "points is not a whole number",
        ),  # noqa: E501
        (
            "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote;points\n1;a;1,2\n",
            10,
            "1 projects but 2 points",
        ),  # noqa: E501
        (
            "META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
            1,
            "META has no budget",
        ),  # noqa: E501
        ("META\nkey;value\nbudget;10\nPROJECTS\nVOTES\nvoter_id;vote\n", 5, "PROJECTS has no header line"),
        ('META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;"5\nVOTES\n', 6, "does not end on its line"),
    ],
)
def test_a_malformed_file_names_the_line(text, line, message):
    with pytest.raises(PabulibError) as error:
        parse_pb(text)
    assert error.value.line == line
    assert message in error.value.message
    assert str(error.value).startswith(f"line {line}: ")


def test_round_trip_keeps_instance_and_ballots(tmp_path):
    instance, ballots = parse_pb(GOOD)
    path = tmp_path / "out.pb"
    write_pb(instance, ballots, path)
    again, again_ballots = read_pb(path)
    assert [(p.id, p.cost, p.name, p.extra) for p in again.projects] == [
        (p.id, p.cost, p.name, p.extra) for p in instance.projects
    ]
    assert again.budget == instance.budget and again.limits == instance.limits
    assert again_ballots == ballots
    assert format_pb(again, again_ballots) == format_pb(instance, ballots)


def test_round_trip_of_cumulative_ballots_with_districts():
    text = (
        "META\nkey;value\nbudget;40\nvote_type;cumulative\n"
        "PROJECTS\nproject_id;cost;name;district\na;20;A;noord\nb;20.25;B;zuid\n"
        "VOTES\nvoter_id;vote;points;district\n1;a,b;3,1;noord\n2;b;2;zuid\n"
    )
    instance, ballots = parse_pb(text)
    assert instance.projects[1].district == "zuid" and ballots[1].district == "zuid"
    again, again_ballots = parse_pb(format_pb(instance, ballots))
    assert again.projects == instance.projects and again_ballots == ballots


def test_an_amount_without_exact_decimal_cannot_be_written():
    instance, ballots = parse_pb(GOOD)
    instance.budget = Fraction(1, 3)
    with pytest.raises(ValueError, match="no exact decimal"):
        format_pb(instance, ballots)


def test_pabutools_reads_what_we_write_and_counts_the_same(tmp_path):
    pytest.importorskip("pabutools", reason="pabutools is not installed")
    import random

    from pabutools.election import parse_pabulib

    from .builders import random_instance
    from .pabutools_bridge import pabutools_winners_for

    rng = random.Random(7)
    for i in range(6):
        instance, ballots = random_instance(rng, cumulative_votes=i % 2 == 1, voters=(1, 30))
        path = tmp_path / f"{i}.pb"
        write_pb(instance, ballots, path)
        theirs = parse_pabulib(str(path))
        for rule in ("greedy", "mes"):
            expected = pabutools_winners_for(*theirs, rule, instance.vote_type)
            assert sorted(count(*read_pb(path), rule=rule).winners) == expected
