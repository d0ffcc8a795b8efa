"""One index for every SKU query (docs/catalog-bulk.md, "The indexes of catalog_product").

In the C collation the unique index on the SKU answers prefix searches (LIKE 'ABC%') too, which
product_sku_prefix_idx (varchar_pattern_ops) was there for: one b-tree fewer for every written
row. Changing a column's collation rebuilds its indexes, not the table.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0012_search_indexed_behind_the_write"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="product",
            name="product_sku_prefix_idx",
        ),
        migrations.AlterField(
            model_name="product",
            name="sku",
            field=models.CharField(db_collation="C", max_length=64),
        ),
    ]
