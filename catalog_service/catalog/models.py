"""The catalog's tables: the category tree, products, stock levels, the stock audit trail and
reservations (docs/catalog.md).

Invariants live in the database, not only in Python, because bulk import (COPY), concurrent
requests and the expiry job all write here: price >= 0, a well-formed currency and SKU, and
``on_hand >= reserved >= 0`` on every stock row.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, ClassVar

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import CombinedSearchVector, SearchVector, SearchVectorField
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Lookup, Q
from django.db.models.functions import Now
from django.db.models.sql.compiler import SQLCompiler

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType
from treebeard.mp_tree import MP_Node  # type: ignore[import-untyped]  # no type information

from common.idempotency import IdempotencyRecordBase

# Formats shared by the models' constraints and the API's validation.
SKU_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
SKU_MAX_LENGTH = 64
CURRENCY_PATTERN = r"^[A-Z]{3}$"
PRICE_MAX_DIGITS = 12
PRICE_DECIMAL_PLACES = 2
# The text-search configuration of the stored search vector; queries must name the same one.
SEARCH_CONFIG = "english"


def search_document() -> CombinedSearchVector:
    """A product's search vector computed from its current columns: what the indexing job stores
    in ``search_vector`` (services/search_index.py) and what a search rechecks a product changed
    since against (selectors/products.py). One expression, so the two cannot disagree."""
    vector = (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("sku", weight="A", config=SEARCH_CONFIG)
        + SearchVector("description", weight="B", config=SEARCH_CONFIG)
    )
    assert isinstance(vector, CombinedSearchVector)  # SearchVector + SearchVector
    return vector


@models.DateTimeField.register_lookup
class IsDistinctFrom(Lookup[object]):
    """``a IS DISTINCT FROM b``: unequal, counting NULL as a value. Django has no such lookup,
    and ``~Q(a=F("b"))`` compiles to a longer expression than the partial index's predicate,
    which PostgreSQL only uses when the query states the same condition."""

    lookup_name = "isdistinctfrom"

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> _AsSqlType:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} IS DISTINCT FROM {rhs}", (*lhs_params, *rhs_params)


# A product waits for the search indexer while the version it was indexed at is not its
# current one: every write moves updated_at (it is the ETag), so no write path has to mark it.
SEARCH_WAITING = Q(search_indexed_at__isdistinctfrom=F("updated_at"))


class Category(MP_Node):  # type: ignore[misc]  # MP_Node is untyped (Any)
    """A node of the category tree (materialized path: ``path`` is the ancestors' steps + its own).

    A subtree is ``path LIKE '<path>%'``. The C collation makes the unique b-tree index on
    ``path`` usable for that prefix match whatever the database's default collation is.
    """

    # Annotated, because the django-stubs plugin infers nothing on a subclass of an untyped base.
    path: models.CharField[str, str] = models.CharField(max_length=255, unique=True, db_collation="C")
    name: models.CharField[str, str] = models.CharField(max_length=200)
    slug: models.SlugField[str, str] = models.SlugField(max_length=200)
    created_at: models.DateTimeField[datetime.datetime, datetime.datetime] = models.DateTimeField(
        auto_now_add=True, db_default=Now()
    )
    updated_at: models.DateTimeField[datetime.datetime, datetime.datetime] = models.DateTimeField(
        auto_now=True, db_default=Now()
    )

    # Children in insertion order: a sorted tree would renumber siblings on every rename.
    node_order_by: ClassVar[list[str]] = []

    class Meta:
        verbose_name_plural = "categories"
        # Named, so that services can tell which uniqueness a concurrent write ran into.
        constraints: ClassVar = [models.UniqueConstraint(fields=["slug"], name="category_slug_unique")]

    def __str__(self) -> str:
        return str(self.name)


# The canonical text a product's content hash is the md5 of: the category, the price (as
# numeric(12, 2) prints it), the currency, is_active ("true"/"false"), the lengths of the three
# free texts (so no text can pass for another's end), the texts, and the attributes as jsonb
# prints them; all joined by ",". ``row`` names the row ("NEW." in the trigger that keeps it,
# catalog/0015). bulk/digests.py computes the same text in Python and pyarrow, and
# tests/catalog/test_import_hash.py checks the two agree.
def content_hash_sql(row: str = "") -> str:
    return (
        f"md5({row}category_id::text || ',' || {row}price::text || ',' || {row}currency::text || ','"
        f" || {row}is_active::text || ',' || length({row}name::text)::text || ',' || length({row}slug::text)::text"
        f" || ',' || length({row}description)::text || ',' || {row}name::text || ',' || {row}slug::text || ','"
        f" || {row}description || ',' || {row}attributes::text)::uuid"
    )


class Product(models.Model):
    # The C collation (byte order) makes the one unique index on the SKU serve every SKU query:
    # equality (the identity, the import's ON CONFLICT), the admin's prefix search (LIKE 'ABC%',
    # which an index in a linguistic collation cannot answer) and its ordering by SKU. SKUs are
    # ASCII identifiers, whose byte order is the order anyone expects of them.
    sku = models.CharField(max_length=SKU_MAX_LENGTH, db_collation="C")
    name = models.CharField(max_length=255)
    # No index: nothing looks a product up or orders by its slug (SKU is the identity), and
    # SlugField's default pair of indexes cost every import ~15% of its write time.
    slug = models.SlugField(max_length=255, db_index=False)
    description = models.TextField(blank=True, default="")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    price = models.DecimalField(max_digits=PRICE_MAX_DIGITS, decimal_places=PRICE_DECIMAL_PLACES)
    currency = models.CharField(max_length=3)
    attributes = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    # Database defaults too, so bulk import can COPY rows without naming the timestamps.
    created_at = models.DateTimeField(auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())
    # Full-text search is indexed behind the write, not inside it (docs/catalog.md, "Search
    # freshness"): the indexing job (services/search_index.py) sets search_vector to
    # search_document() and search_indexed_at to the updated_at it indexed, in batches. A write
    # pays for neither the vector nor its GIN index (most of an import's cost when the vector was
    # a generated column, docs/catalog-bulk.md). NULL: never indexed yet.
    search_vector = SearchVectorField(null=True, editable=False)
    search_indexed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # An md5 of every column an import sets (``content_hash_sql``), kept by the database on every
    # write (the API, the admin, imports, SQL by hand), so no write path has to remember it: a
    # trigger sets it on INSERT and on any UPDATE naming one of those columns (catalog/0015). A
    # re-import computes the same hash for each row it validated (bulk/digests.py) and COPYs only
    # (SKU, hash, stock) of each batch: the rows whose hash and stock are equal are left out
    # before their values are COPYed (docs/catalog-bulk.md, "Idempotency"). Not a stored
    # generated column: with one, PostgreSQL 18 took 10x as long to UPDATE other columns (0.08 ->
    # 0.95 s for 50,000 rows), what the search indexer does to every product. No index: it is
    # read by the SKU's. NULL only on an instance not read back since it was saved.
    content_hash = models.UUIDField(null=True, editable=False)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["sku"], name="product_sku_unique"),
            models.CheckConstraint(condition=Q(price__gte=0), name="product_price_non_negative"),
            models.CheckConstraint(condition=Q(currency__regex=CURRENCY_PATTERN), name="product_currency_iso4217"),
            models.CheckConstraint(condition=Q(sku__regex=SKU_PATTERN), name="product_sku_format"),
        ]
        # Each list ordering is (key, id) so keyset pagination seeks on one index, in either
        # direction. is_active gets no index of its own: nearly every row is active, so it is a
        # cheap filter on top of these rather than a selective one.
        indexes: ClassVar = [
            models.Index(fields=["name", "id"], name="product_name_id_idx"),
            models.Index(fields=["price", "id"], name="product_price_id_idx"),
            models.Index(fields=["currency", "price", "id"], name="product_currency_price_id_idx"),
            models.Index(fields=["updated_at", "id"], name="product_updated_at_id_idx"),
            # jsonb_path_ops: smaller and faster than the default opclass, and containment (@>)
            # is the only operator the attribute filters use.
            GinIndex(fields=["attributes"], opclasses=["jsonb_path_ops"], name="product_attributes_gin"),
            GinIndex(fields=["search_vector"], name="product_search_vector_gin"),
            # The products waiting for the search indexer, oldest write first: the job's batches,
            # and how fresh search is (min(updated_at), count). Empty when search is current, so
            # it costs a write one small entry and nothing more.
            models.Index(fields=["updated_at"], condition=SEARCH_WAITING, name="product_search_waiting_idx"),
        ]

    def __str__(self) -> str:
        return self.sku


class StockLevel(models.Model):
    """One row per product: what is on hand and how much of it reservations hold."""

    product = models.OneToOneField(Product, on_delete=models.CASCADE, primary_key=True, related_name="stock")
    on_hand = models.IntegerField(default=0)
    reserved = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    class Meta:
        # The last line of defence against overselling: whatever the code path, a write that
        # would make stock negative or hold more than is on hand fails in the database.
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(reserved__gte=0), name="stock_reserved_non_negative"),
            models.CheckConstraint(condition=Q(on_hand__gte=F("reserved")), name="stock_on_hand_covers_reserved"),
        ]
        indexes: ClassVar = [
            # The in_stock filter: a semi-join against only the rows with something available.
            models.Index(fields=["product"], condition=Q(on_hand__gt=F("reserved")), name="stock_available_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.on_hand} on hand, {self.reserved} reserved"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class MovementReason(models.TextChoices):
    # Staff adjustments.
    RESTOCK = "restock", "Restock"
    CORRECTION = "correction", "Inventory correction"
    DAMAGED = "damaged", "Damaged"
    LOST = "lost", "Lost"
    # Written by the reservation flow.
    RESERVATION_HELD = "reservation_held", "Reservation held"
    RESERVATION_COMMITTED = "reservation_committed", "Reservation committed"
    RESERVATION_RELEASED = "reservation_released", "Reservation released"
    RESERVATION_EXPIRED = "reservation_expired", "Reservation expired"
    RESERVATION_RETURNED = "reservation_returned", "Reservation returned"
    # Written by bulk import.
    IMPORT = "import", "Import"


class StockMovement(models.Model):
    """The audit trail: one row per change of a stock level, never updated or deleted."""

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="stock_movements")
    delta_on_hand = models.IntegerField()
    delta_reserved = models.IntegerField()
    reason = models.CharField(max_length=32, choices=MovementReason.choices)
    note = models.CharField(max_length=500, blank=True, default="")
    # Who made the change: ``user:<uuid>``, ``service:<name>`` or ``system:<job>``.
    actor = models.CharField(max_length=200)
    # What it belongs to: a reservation id, an import job, a staff-supplied reference.
    reference = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_default=Now())

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["product", "-created_at", "-id"], name="stockmovement_product_idx"),
            models.Index(fields=["reference"], name="stockmovement_reference_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.delta_on_hand:+}/{self.delta_reserved:+} of {self.product_id}"


class StockAdjustmentKey(IdempotencyRecordBase):
    """The Idempotency-Key of one staff stock adjustment (common/idempotency.py), so that a
    retried "add" is not counted twice."""

    movement = models.ForeignKey(StockMovement, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    resource_field = "movement"

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["principal", "key"], name="stockadjustmentkey_principal_key_unique")
        ]
        indexes: ClassVar = [models.Index(fields=["expires_at"], name="stockadjustmentkey_expires_idx")]


class ReservationStatus(models.TextChoices):
    HELD = "held", "Held"
    COMMITTED = "committed", "Committed"
    RELEASED = "released", "Released"
    EXPIRED = "expired", "Expired"
    RETURNED = "returned", "Returned"


class Reservation(models.Model):
    """Stock held for a caller (orders) until it commits, releases or the hold expires."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    status = models.CharField(max_length=16, choices=ReservationStatus.choices, default=ReservationStatus.HELD)
    expires_at = models.DateTimeField()
    reference = models.CharField(max_length=200)
    caller = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes: ClassVar = [
            # The expiry job's scan: only held reservations, oldest deadline first.
            models.Index(fields=["expires_at"], condition=Q(status="held"), name="reservation_held_expiry_idx"),
            models.Index(fields=["caller", "reference"], name="reservation_caller_ref_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.id} ({self.status})"


class ReservationKey(IdempotencyRecordBase):
    """The Idempotency-Key of one reservation request (common/idempotency.py), claimed with its
    answer in the transaction that makes the reservation: two requests with one key race to the
    (principal, key) index before any stock is touched, and the loser replays the winner's."""

    reservation = models.ForeignKey(Reservation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    resource_field = "reservation"
    # orders retries a pending order's reservation with the same key until catalog answers;
    # a key forgotten while a retry may still come would let it hold (or sell) the stock
    # twice. 30 days is far beyond any pending order (recovery settles them within minutes
    # of catalog answering again), and a reservation's key was never reusable before.
    ttl = datetime.timedelta(days=30)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["principal", "key"], name="reservationkey_principal_key_unique")
        ]
        indexes: ClassVar = [models.Index(fields=["expires_at"], name="reservationkey_expires_idx")]


class ReservationLine(models.Model):
    reservation = models.ForeignKey(Reservation, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="reservation_lines")
    # Copied at reservation time: what the caller was promised, whatever changes later.
    sku = models.CharField(max_length=SKU_MAX_LENGTH)
    name = models.CharField(max_length=255)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=PRICE_MAX_DIGITS, decimal_places=PRICE_DECIMAL_PLACES)
    currency = models.CharField(max_length=3)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["reservation", "product"], name="reservationline_product_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="reservationline_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.sku}"


# =============================================================================================
# Bulk import jobs (docs/catalog-bulk.md): written by services/imports.py and the worker.
# =============================================================================================


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    NDJSON = "ndjson", "NDJSON"


class ProductImport(models.Model):
    """One bulk import of products: its file, its progress and its outcome counts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    file_format = models.CharField(max_length=8, choices=ImportFormat.choices)
    file_name = models.CharField(max_length=255, blank=True, default="")
    file_size = models.BigIntegerField(default=0)
    # Estimated from the file's line count until the import finishes, then exact.
    total_rows = models.BigIntegerField(null=True, blank=True)
    rows_processed = models.BigIntegerField(default=0)
    created_count = models.BigIntegerField(default=0)
    updated_count = models.BigIntegerField(default=0)
    unchanged_count = models.BigIntegerField(default=0)
    rejected_count = models.BigIntegerField(default=0)
    # Why a failed import failed (rejected rows are ProductImportError rows, not this).
    error = models.TextField(blank=True, default="")
    # Who started it: ``user:<uuid>`` (API), or ``system:<command>`` (management command).
    created_by = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True, db_default=Now())
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    class Meta:
        indexes: ClassVar = [
            # The job list, newest first, keyset-paginated on (created_at, id).
            models.Index(fields=["-created_at", "-id"], name="productimport_created_idx"),
        ]

    def __str__(self) -> str:
        return f"import {self.id} ({self.status})"


class ProductImportChunk(models.Model):
    """A piece of an uploaded import file, so that any worker can read it (bulk/chunks.py)."""

    # No index of its own: the unique (product_import, seq) index serves the foreign key.
    product_import = models.ForeignKey(ProductImport, on_delete=models.CASCADE, related_name="chunks", db_index=False)
    seq = models.IntegerField()
    data = models.BinaryField()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["product_import", "seq"], name="productimportchunk_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"chunk {self.seq} of import {self.product_import_id}"


class ProductImportError(models.Model):
    """One problem with one rejected row of an import (the first few thousand are kept)."""

    # No index of its own: productimporterror_line_idx leads with it.
    product_import = models.ForeignKey(ProductImport, on_delete=models.CASCADE, related_name="errors", db_index=False)
    line = models.BigIntegerField()
    sku = models.CharField(max_length=200, blank=True, default="")
    field = models.CharField(max_length=100, blank=True, default="")
    code = models.CharField(max_length=40)
    message = models.CharField(max_length=500)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["product_import", "line", "id"], name="productimporterror_line_idx"),
        ]

    def __str__(self) -> str:
        return f"line {self.line}: {self.field or '-'} {self.code}"
