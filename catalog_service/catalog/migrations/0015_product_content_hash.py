"""Products carry a content hash the database keeps (models.content_hash_sql), which a re-import
compares instead of COPYing each row's values (docs/catalog-bulk.md, "Idempotency").

A trigger keeps it, on INSERT and on an UPDATE naming any column it covers (or the hash itself,
so it cannot be set to anything else), rather than a stored generated column: with one,
PostgreSQL 18 took ten times as long to UPDATE the product's other columns, which the search
indexer does to every product after every write. An UPDATE of other columns does not fire it.

Filling it for the existing products writes every product row once more (a new row version
and index entries for each). The migration is not atomic, so that the fill runs in batches of
``FILL_BATCH`` products, each its own transaction: a write to a product waits for one batch at
most, not for the whole table. Stopped half-way, it leaves the rest NULL, which no hash equals
(a re-import compares those rows' values), and running it again fills them: see
docs/catalog-bulk.md, "Upgrade notes"."""

from typing import Any

from django.db import migrations, models

# The canonical text of models.content_hash_sql, frozen as this migration wrote it.
HASH = (
    "md5({row}category_id::text || ',' || {row}price::text || ',' || {row}currency::text || ','"
    " || {row}is_active::text || ',' || length({row}name::text)::text || ',' || length({row}slug::text)::text"
    " || ',' || length({row}description)::text || ',' || {row}name::text || ',' || {row}slug::text || ','"
    " || {row}description || ',' || {row}attributes::text)::uuid"
)
COLUMNS = "name, slug, description, category_id, price, currency, attributes, is_active, content_hash"
FILL_BATCH = 10_000  # products per transaction (ids, which the primary key's index ranges over)


def fill_content_hashes(apps: Any, schema_editor: Any) -> None:
    """Every existing product's hash, set by the trigger (an UPDATE naming the column fires it),
    one range of ids per transaction: the migration runs outside one."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM catalog_product WHERE content_hash IS NULL")
        low, high = cursor.fetchone()
        if low is None:
            return
        for start in range(low, high + 1, FILL_BATCH):
            cursor.execute(
                "UPDATE catalog_product SET content_hash = NULL WHERE id >= %s AND id < %s AND content_hash IS NULL",
                [start, start + FILL_BATCH],
            )


class Migration(migrations.Migration):
    atomic = False  # the fill's batches commit one by one (the module's docstring)

    dependencies = [
        ("catalog", "0014_drop_import_seen_sku"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="content_hash",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunSQL(
            sql=[
                f"""CREATE FUNCTION catalog_product_content_hash() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.content_hash := {HASH.format(row="NEW.")};
                        RETURN NEW;
                    END $$""",
                f"""CREATE TRIGGER product_content_hash
                    BEFORE INSERT OR UPDATE OF {COLUMNS} ON catalog_product
                    FOR EACH ROW EXECUTE FUNCTION catalog_product_content_hash()""",
            ],
            reverse_sql=[
                "DROP TRIGGER product_content_hash ON catalog_product",
                "DROP FUNCTION catalog_product_content_hash()",
            ],
        ),
        migrations.RunPython(fill_content_hashes, migrations.RunPython.noop),
    ]
