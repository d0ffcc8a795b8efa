"""Reservation lines keep the product's name, like its price: what was reserved, as it was."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_product_imports")]

    operations = [
        migrations.AddField(
            model_name="reservationline",
            name="name",
            field=models.CharField(default="", max_length=255),
            preserve_default=False,
        ),
        # Lines reserved before this migration take the product's name as it is now.
        migrations.RunSQL(
            "UPDATE catalog_reservationline AS line SET name = product.name "
            "FROM catalog_product AS product WHERE product.id = line.product_id",
            migrations.RunSQL.noop,
        ),
    ]
