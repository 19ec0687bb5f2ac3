"""Reading and writing Pol.is open-data exports; every bad file names its file and line."""

import pytest

from tests.dialogues.factories import COMMENT_HEADER, VOTE_HEADER, small_export, write_csv
from zwerm.dialogues.analysis import Parameters, analyse
from zwerm.dialogues.analysis.report import export_to_matrix
from zwerm.dialogues.polis_io import (
    PolisComment,
    PolisFormatError,
    PolisVote,
    read_export,
    write_export,
)


def test_the_latest_vote_per_participant_and_statement_counts(tmp_path):
    export = read_export(small_export(tmp_path / "conv"))
    votes = {(v.participant_id, v.comment_id): v.vote for v in export.votes}
    assert votes[(11, 1)] == 1  # timestamp 2009 beats 2002, although it comes first
    assert votes[(10, 1)] == -1
    assert len(export.votes) == 7  # 8 lines, one participant changed a vote


def test_moderated_out_and_meta_statements_are_out(tmp_path):
    export = read_export(small_export(tmp_path / "conv"))
    assert export.active_comment_ids == (0, 1)
    assert set(export.excluded_comment_ids) == {2, 3}
    matrix = export_to_matrix(export)
    result = analyse(matrix, excluded_statement_ids=export.excluded_comment_ids)
    assert result.statement_ids == (0, 1)
    assert result.n_votes == 5  # the votes on statements 2 and 3 are dropped from the analysis
    # For who is grouped, Pol.is counts them: 4 statements have votes, min(7, 4) = 4 are needed.
    assert not result.included.any()
    # Counting only the statements that count (the departure switch): participant 12 passed on
    # statement 0 (a vote cast, not a missing one), but 1 of min(7, 2) votes is not enough.
    own = analyse(
        matrix, excluded_statement_ids=export.excluded_comment_ids, parameters=Parameters(polis_inclusion=False)
    )
    assert own.group_of(12) is None
    assert own.group_of(10) is not None


def test_participants_votes_is_read_when_votes_csv_is_absent(tmp_path):
    folder = tmp_path / "conv"
    folder.mkdir()
    write_csv(folder / "comments.csv", COMMENT_HEADER, [[1, "", 0, 0, 0, 0, 1, "a"], [2, "", 1, 0, 0, 0, 1, "b"]])
    write_csv(
        folder / "participants-votes.csv",
        ["participant", "xid", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", "0", "1"],
        [[5, "", 0, 0, 2, 1, 0, 1, 0], [6, "", "", 0, 1, 0, 1, -1, ""]],
    )
    export = read_export(folder)
    assert export.source == "participants-votes.csv"
    assert sorted((v.participant_id, v.comment_id, v.vote) for v in export.votes) == [
        (5, 0, 1),
        (5, 1, 0),
        (6, 0, -1),
    ]
    assert export.group_ids == {5: 0, 6: None}


def bad(folder, name, header, rows):
    write_csv(folder / name, header, rows)
    return folder


GOOD_COMMENTS = [[1, "", 0, 0, 0, 0, 1, "a"], [2, "", 1, 0, 0, 0, 1, "b"]]


@pytest.mark.parametrize(
    "file, header, rows, line, message",
    [
        ("comments.csv", ["comment-id", "comment-body"], [[0, "a"]], 1, "missing column"),
        ("comments.csv", COMMENT_HEADER, [GOOD_COMMENTS[0], [2, "", "x", 0, 0, 0, 1, "b"]], 3, "comment-id"),
        ("comments.csv", COMMENT_HEADER, [GOOD_COMMENTS[0], [2, "", 0, 0, 0, 0, 1, "b"]], 3, "twice"),
        ("comments.csv", COMMENT_HEADER, [[1, "", 0, 0, 0, 0, 7, "a"]], 2, "moderated"),
        ("comments.csv", COMMENT_HEADER, [[1, "", 0, 0, 0, 0, 1]], 2, "fields"),
        ("votes.csv", ["timestamp", "comment-id", "vote"], [[1, 0, 1]], 1, "voter-id"),
        ("votes.csv", VOTE_HEADER, [[1, "", 0, 5, 1], [2, "", 9, 5, 1]], 3, "unknown statement id 9"),
        ("votes.csv", VOTE_HEADER, [[1, "", 0, 5, 1], [2, "", 1, 5, 2]], 3, "bad vote value"),
        ("votes.csv", VOTE_HEADER, [[1, "", 0, 5, "agree"]], 2, "bad vote value"),
        ("votes.csv", VOTE_HEADER, [[1, "", 0, "", 1]], 2, "voter-id"),
        ("participants-votes.csv", ["participant", "group-id", "0", "7"], [[5, 0, 1, 1]], 1, "unknown statement id 7"),
        (
            "participants-votes.csv",
            ["participant", "group-id", "0", "1"],
            [[5, 0, 1, 1], [6, 0, 1, "x"]],
            3,
            "bad vote value",
        ),
        ("participants-votes.csv", ["group-id", "0"], [[0, 1]], 1, "participant"),
        ("participants-votes.csv", ["participant", "group-id", "0"], [[5, "A", 1]], 2, "group-id"),
        ("comments.csv", [*COMMENT_HEADER, "is-meta"], [[1, "", 0, 0, 0, 0, 1, "a", "maybe"]], 2, "is-meta"),
    ],
)
def test_bad_files_raise_an_error_naming_file_and_line(tmp_path, file, header, rows, line, message):
    folder = tmp_path / "conv"
    folder.mkdir()
    write_csv(folder / "comments.csv", COMMENT_HEADER, GOOD_COMMENTS)
    bad(folder, file, header, rows)
    with pytest.raises(PolisFormatError, match=message) as caught:
        read_export(folder)
    assert caught.value.file.endswith(file)
    assert caught.value.line == line
    assert f"{file}, line {line}:" in str(caught.value)


def test_a_missing_comments_file_is_named(tmp_path):
    with pytest.raises(PolisFormatError, match="comments.csv") as caught:
        read_export(tmp_path)
    assert caught.value.line == 0


def test_a_multi_line_comment_counts_its_lines(tmp_path):
    folder = tmp_path / "conv"
    folder.mkdir()
    rows = [[1, "", 0, 0, 0, 0, 1, "one\ntwo"], [2, "", 1, 0, 0, 0, 9, "b"]]
    write_csv(folder / "comments.csv", COMMENT_HEADER, rows)
    with pytest.raises(PolisFormatError) as caught:
        read_export(folder)
    assert caught.value.line == 4  # header, two physical lines for comment 0, then this


def test_writer_round_trip(tmp_path):
    comments = [
        PolisComment(0, "Meer groen", author_id=1, timestamp=1_700_000_000_000, moderated=1, is_seed=True),
        PolisComment(1, 'Een "lastige", lange\nstelling', author_id=2, timestamp=1_700_000_001_000),
        PolisComment(2, "Weg", author_id=2, timestamp=1_700_000_002_000, moderated=-1),
        PolisComment(3, "Meta", timestamp=1_700_000_003_000, is_meta=True),
    ]
    votes = [
        PolisVote(1, 0, 1, 1_700_000_010_000),
        PolisVote(1, 1, -1, 1_700_000_011_000),
        PolisVote(1, 1, 0, 1_700_000_019_000),  # changed to a pass later
        PolisVote(2, 0, -1, 1_700_000_012_000),
        PolisVote(3, 2, 1, 1_700_000_013_000),
    ]
    folder = write_export(
        tmp_path / "out",
        comments=comments,
        votes=votes,
        group_ids={1: 0, 2: 1, 3: None},
        summary={"topic": "Groen in de wijk"},
    )
    again = read_export(folder)
    assert [(c.id, c.body, c.moderated, c.is_meta, c.is_seed, c.author_id) for c in again.comments] == [
        (c.id, c.body, c.moderated, c.is_meta, c.is_seed, c.author_id) for c in comments
    ]
    assert sorted((v.participant_id, v.comment_id, v.vote) for v in again.votes) == [
        (1, 0, 1),
        (1, 1, 0),
        (2, 0, -1),
        (3, 2, 1),
    ]
    assert again.group_ids == {1: 0, 2: 1, 3: None}
    assert again.summary["topic"] == "Groen in de wijk"
    assert again.summary["voters"] == "3" and again.summary["groups"] == "2"
    assert [(c.agrees, c.disagrees) for c in again.comments][:2] == [(1, 1), (0, 0)]
    # participants-votes.csv alone gives the same latest votes.
    (folder / "votes.csv").unlink()
    fallback = read_export(folder)
    assert sorted((v.participant_id, v.comment_id, v.vote) for v in fallback.votes) == [
        (1, 0, 1),
        (1, 1, 0),
        (2, 0, -1),
        (3, 2, 1),
    ]
