"""CSV exports of reports: bad inputs are named per row, the rest is imported, nothing silently dropped."""

from zwerm.sensing.models import Text
from zwerm.sensing.services import ColumnMapping, report_import_csv

SIGNALEN = ColumnMapping(
    text="Omschrijving", time="Datum", place="Buurt", category="Categorie", id="Nummer", source="Signalen"
)


def _import(municipality, data: bytes, mapping=SIGNALEN):
    return report_import_csv(municipality=municipality, actor=None, data=data, filename="export.csv", mapping=mapping)


def _consistent(record) -> None:
    assert record.accepted + record.refused == record.read
    assert record.accepted == Text.objects.filter(report_import=record).count()


def test_a_windows_1252_export_with_semicolons(municipality, places):
    data = (
        "Nummer;Datum;Omschrijving;Buurt;Categorie\r\n"
        "1;03-02-2026 10:15;Café op de hoek: geluidsoverlast tot 3 uur ’s nachts;Buurt 1;Overlast\r\n"
        "2;04-02-2026;Lantaarnpaal kapot bij de école;BU00010201;Verlichting\r\n"
    ).encode("cp1252")
    record = _import(municipality, data)
    assert (record.encoding, record.delimiter, record.read, record.accepted, record.refused) == (
        "windows-1252",
        ";",
        2,
        2,
        0,
    )
    cafe = Text.objects.get(source_id="Signalen:1")
    assert "Café" in cafe.text and cafe.neighbourhood.name == "Buurt 1" and cafe.label == "Overlast"
    assert Text.objects.get(source_id="Signalen:2").neighbourhood.code == "BU00010201"
    _consistent(record)


def test_a_tab_separated_file_is_read_although_nobody_said_so(municipality, places):
    data = (
        "Nummer\tDatum\tOmschrijving\tBuurt\tCategorie\n7\t2026-02-03\tGrofvuil naast de container\t1012 AB 14\tAfval\n"
    )
    record = _import(municipality, data.encode())
    assert record.delimiter == "\t" and record.accepted == 1
    text = Text.objects.get()
    assert text.neighbourhood.name == "Zeeheldenbuurt"  # from the postcode; the house number is never kept
    assert "14" not in text.text


def test_missing_columns_stop_the_import_and_name_what_exists(municipality, places):
    record = _import(municipality, b"Nummer,Tekst\n1,Kapotte stoeptegel\n")
    assert "Kolom(men) ontbreken: Omschrijving" in record.error and "Tekst" in record.error
    assert record.accepted == 0 and Text.objects.count() == 0


def test_bad_rows_are_named_and_the_rest_imported(municipality, places):
    data = (
        b"Nummer;Datum;Omschrijving;Buurt;Categorie\n"
        b"1;gisteren;Stoep ligt open;Buurt 1;Wegen\n"  # unparseable date: kept without a time
        b"2;2026-02-03;;Buurt 1;Wegen\n"  # empty text: refused
        b"3;2026-02-03;Bomen moeten gesnoeid;Atlantis;Groen\n"  # unknown buurt: kept without buurt
        b"4;2026-02-04;Put verstopt;Buurt 2;Riool\n"
    )
    record = _import(municipality, data)
    assert (record.read, record.accepted, record.refused) == (4, 3, 1)
    by_row = {m["row"]: m for m in record.messages}
    assert by_row[1]["refused"] is False and "'gisteren' is onleesbaar" in by_row[1]["message"]
    assert by_row[2]["refused"] is True and by_row[2]["message"] == "rij 2 (id 2): de tekst is leeg"
    assert by_row[3]["refused"] is False and "Atlantis" in by_row[3]["message"]
    assert Text.objects.get(source_id="Signalen:1").occurred_at is None
    assert Text.objects.get(source_id="Signalen:3").neighbourhood is None
    _consistent(record)


def test_a_second_import_of_the_same_export_updates_not_duplicates(municipality, places):
    data = b"Nummer;Omschrijving\n1;Container vol\n2;Lamp kapot\n"
    mapping = ColumnMapping(text="Omschrijving", id="Nummer", source="Fixi")
    _import(municipality, data, mapping)
    _import(municipality, data, mapping)
    assert Text.objects.count() == 2


def test_a_binary_file_is_refused_as_a_whole(municipality):
    record = _import(municipality, b"\x00\x01\x02PK\x03\x04" * 100)
    assert record.error and record.accepted == 0


def test_an_import_page_shows_the_counts(client, municipality, places, make_staff, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.foundation.builders import staff_login
    from zwerm.accounts.roles import Role

    staff_login(client, make_staff(Role.PROCESS_LEAD))
    upload = SimpleUploadedFile("meldingen.csv", "id;tekst\n1;Container vol\n2;\n".encode("cp1252"))
    with django_capture_on_commit_callbacks(execute=True):  # the import runs as a task after the commit
        response = client.post(
            "/signalen/beheer/import", {"file": upload, "text": "tekst", "id": "id"}, HTTP_HOST="testdam.localhost"
        )
    response = client.get(response["Location"], HTTP_HOST="testdam.localhost")
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 rijen gelezen: 1 opgenomen, 1 geweigerd" in body
    assert "rij 2 (id 2): de tekst is leeg" in body
