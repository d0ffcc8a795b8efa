"""Search indexed behind the write (docs/catalog.md, "Search freshness").

The search vector stops being a generated column: PostgreSQL's ``DROP EXPRESSION`` turns it into
a plain column and keeps every row's value, without rewriting the table (Django refuses to alter
a GeneratedField, so the database change is written here and the state follows). Those values
are current, so every existing row is marked indexed at its present version in the same
transaction; only rows written from now on wait for the indexing job. That UPDATE rewrites each
row once (about a minute per million products, writes to products waiting meanwhile).
"""

import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0011_reservation_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="search_indexed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE catalog_product ALTER COLUMN search_vector DROP EXPRESSION",
                    # Back to a generated column: PostgreSQL has no ADD EXPRESSION, so drop and add.
                    reverse_sql=[
                        "ALTER TABLE catalog_product DROP COLUMN search_vector",
                        "ALTER TABLE catalog_product ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
                        "setweight(to_tsvector('english'::regconfig, COALESCE((name)::text, '')), 'A') || "
                        "setweight(to_tsvector('english'::regconfig, COALESCE((sku)::text, '')), 'A') || "
                        "setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'B')) STORED",
                        "CREATE INDEX product_search_vector_gin ON catalog_product USING gin (search_vector)",
                    ],
                ),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="product",
                    name="search_vector",
                    field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
        ),
        migrations.RunSQL(
            "UPDATE catalog_product SET search_indexed_at = updated_at",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name="product",
            index=models.Index(
                condition=models.Q(("search_indexed_at__isdistinctfrom", models.F("updated_at"))),
                fields=["updated_at"],
                name="product_search_waiting_idx",
            ),
        ),
    ]
