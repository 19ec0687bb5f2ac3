"""The CSV importer names every bad row and still reads the rest."""

import pytest

from zwerm.sensing.engine.importer import MAX_TEXT_CHARS, CsvError, read_csv

HEADER = "id;tekst;datum;wijk\n"


def write(tmp_path, content, encoding="utf-8", name="in.csv"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def read(path, **extra):
    return read_csv(path, text_column="tekst", time_column="datum", area_column="wijk", id_column="id", **extra)


def test_semicolon_delimiter_is_sniffed(tmp_path):
    result = read(write(tmp_path, HEADER + "1;Kapotte stoep;2026-01-05;Noord\n2;Losse tegel;05-01-2026;Zuid\n"))
    assert result.delimiter == ";" and result.accepted == 2 and result.refused == 0
    assert result.rows[1].time.day == 5 and result.rows[1].area == "Zuid"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_common_in_municipal_exports(tmp_path, encoding):
    result = read(write(tmp_path, HEADER + "1;Café aan de Baliëlaan: geluidsoverlast;2026-01-05;Noord\n", encoding))
    assert result.rows[0].text == "Café aan de Baliëlaan: geluidsoverlast"
    assert result.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1252": "windows-1252"}[encoding]


def test_a_missing_column_names_what_is_there(tmp_path):
    with pytest.raises(CsvError, match="Missing column.*tekst.*The file has: id, text"):
        read(write(tmp_path, "id;text;datum;wijk\n1;x;2026-01-05;Noord\n"))


def test_bad_rows_are_named_and_the_rest_is_read(tmp_path):
    huge = "a" * (MAX_TEXT_CHARS + 1)
    content = (
        HEADER + "1;Goede melding;2026-01-05;Noord\n"
        "2;;2026-01-05;Noord\n"
        f"3;{huge};2026-01-05;Noord\n"
        "4;bin\x00\x01\x02\x03\x04ary\x05\x06;2026-01-05;Noord\n"
        "5;Datum klopt niet;gisteren;Noord\n"
        "6\n"
        "1;Zelfde id;2026-01-06;Oost\n"
    )
    result = read(write(tmp_path, content.encode("utf-8")))
    messages = {p.row: p.message for p in result.problems}
    assert result.read == 7 and result.accepted == 3 and result.refused == 4
    assert "row 2" in messages[2] and "empty" in messages[2]
    assert "too long" in messages[3]
    assert "binary" in messages[4]
    assert "date 'gisteren'" in messages[5] and result.rows[1].time is None
    assert "text column is missing" in messages[6]
    assert "'1#7'" in messages[7] and result.rows[-1].id == "1#7"
    assert sorted(result.refused_ids) == ["2", "3", "4", "6"]


def test_a_binary_file_is_refused_as_a_whole(tmp_path):
    with pytest.raises(CsvError, match="not a text file"):
        read(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(CsvError, match="empty"):
        read(write(tmp_path, ""))


def test_comma_delimited_with_quoted_multiline_text(tmp_path):
    content = 'id,tekst,datum,wijk\n1,"Regel een,\nregel twee",2026-01-05T10:00:00+01:00,Noord\n'
    result = read(write(tmp_path, content))
    assert result.delimiter == "," and result.rows[0].text == "Regel een,\nregel twee"
    assert result.rows[0].time.utcoffset().total_seconds() == 3600
