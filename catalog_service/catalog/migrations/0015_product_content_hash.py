"""Products carry a content hash the database keeps (models.content_hash_sql), which a re-import
compares instead of COPYing each row's values (docs/catalog-bulk.md, "Idempotency").

A trigger keeps it, on INSERT and on an UPDATE naming any column it covers (or the hash itself,
so it cannot be set to anything else), rather than a stored generated column: with one,
PostgreSQL 18 took ten times as long to UPDATE the product's other columns, which the search
indexer does to every product after every write. An UPDATE of other columns does not fire it.

The UPDATE filling it for the existing products writes every product row once more (a new row
version and index entries for each, under row locks, not a table lock): see docs/catalog-bulk.md,
"Upgrade notes"."""

from django.db import migrations, models

# The canonical text of models.content_hash_sql, frozen as this migration wrote it.
HASH = (
    "md5({row}category_id::text || ',' || {row}price::text || ',' || {row}currency::text || ','"
    " || {row}is_active::text || ',' || length({row}name::text)::text || ',' || length({row}slug::text)::text"
    " || ',' || length({row}description)::text || ',' || {row}name::text || ',' || {row}slug::text || ','"
    " || {row}description || ',' || {row}attributes::text)::uuid"
)
COLUMNS = "name, slug, description, category_id, price, currency, attributes, is_active, content_hash"


class Migration(migrations.Migration):
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
                "UPDATE catalog_product SET content_hash = NULL",
            ],
            reverse_sql=[
                "DROP TRIGGER product_content_hash ON catalog_product",
                "DROP FUNCTION catalog_product_content_hash()",
            ],
        ),
    ]
