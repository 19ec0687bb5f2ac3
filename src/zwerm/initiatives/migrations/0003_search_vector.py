"""A stored full-text vector of the public texts, kept by a trigger and GIN-indexed (PostgreSQL only).

Computing to_tsvector on every row at every search took seconds at 100,000 initiatives (issue 19). The
trigger writes the same vector the search asks for; SQLite keeps the column empty and searches the texts."""

import django.contrib.postgres.search
from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('dutch'::regconfig, coalesce(NEW.public_title, '')), 'A') || "
    "setweight(to_tsvector('dutch'::regconfig, coalesce(NEW.public_body, '')), 'B')"
)
FORWARD = [
    f"""CREATE FUNCTION initiatives_initiative_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.search_vector := {VECTOR}; RETURN NEW; END $$""",
    """CREATE TRIGGER initiatives_initiative_search_vector
    BEFORE INSERT OR UPDATE OF public_title, public_body ON initiatives_initiative
    FOR EACH ROW EXECUTE FUNCTION initiatives_initiative_search_vector()""",
    "UPDATE initiatives_initiative SET search_vector = " + VECTOR.replace("NEW.", ""),
    "CREATE INDEX initiative_search ON initiatives_initiative USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS initiative_search",
    "DROP TRIGGER IF EXISTS initiatives_initiative_search_vector ON initiatives_initiative",
    "DROP FUNCTION IF EXISTS initiatives_initiative_search_vector()",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_public_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
