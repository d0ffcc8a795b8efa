"""Writing one batch of validated rows: COPY into a staging table, then set-based SQL.

Per batch, in the caller's transaction:

0. Where the caller gives each row's content hash (``digests``: an import does), COPY only
   (line, SKU, hash, stock) into a narrow staging table and leave out the rows whose product has
   that hash (``Product.content_hash``, kept by the database) and that stock: a re-import of
   unchanged rows COPYs none of their values and writes nothing. The rest go on below.
1. COPY the rows into the batch's temporary staging table (those validated by column as one
   CSV text rendered by pyarrow, the others row by row).
2. Reject SKUs the import has already loaded (the first occurrence wins), using the SKUs seen
   so far, kept in the worker's memory (``SeenSkus``).
3. Drop the rows that would change nothing (every product column IS NOT DISTINCT FROM the
   row's, and the stock equal or not given). Not needed for correctness (the upsert's WHERE
   makes it a no-op) but much faster: an INSERT does work for every proposed row, even one
   that then conflicts and updates nothing, and nothing unchanged is locked or written (no
   WAL, no ``updated_at`` move).
4. Reject stock values below what is reserved, after locking those stock rows in product id
   order (the order every stock writer uses, so no deadlock).
5. Upsert the rest by SKU (``ON CONFLICT (sku) DO UPDATE ... WHERE ... IS DISTINCT FROM``),
   create stock rows for new products, set stock where a row gives it, and write the stock
   movements, all in one statement.
"""

# The SQL here interpolates identifiers only (our tables' names, the import's temporary tables,
# fixed column lists); every value is a query parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Final

import pyarrow as pa
import pyarrow.compute as pc
from django.db.backends.utils import CursorWrapper

from catalog_service.catalog.bulk import dbcopy
from catalog_service.catalog.bulk.columnar import stage_csv as columnar_csv
from catalog_service.catalog.bulk.digests import DIGEST_SCHEMA
from catalog_service.catalog.bulk.readers import ErrorCode, Rejection
from catalog_service.catalog.bulk.rows import ValidRow
from catalog_service.catalog.models import MovementReason, Product, StockLevel, StockMovement

PRODUCT: Final = Product._meta.db_table
STOCK: Final = StockLevel._meta.db_table
MOVEMENT: Final = StockMovement._meta.db_table
STAGE_COLUMNS: Final = ValidRow._fields
# Every product column an import sets; equal values in all of them make a row "unchanged".
PRODUCT_COLUMNS: Final = ("name", "slug", "description", "category_id", "price", "currency", "attributes", "is_active")


@dataclass(frozen=True)
class BatchOutcome:
    created: int
    updated: int
    unchanged: int
    rejections: tuple[Rejection, ...]


class SeenSkus:
    """The SKUs an import has loaded so far, with the line each came from, in the worker's
    memory: how a later batch finds a SKU given twice. The import runs in one process, batch
    after batch, and a crashed import starts over from its first row in a new one, so this
    state lives exactly as long as the run it belongs to; nothing of it is in the database
    session (docs/deploy.md, "Behind PgBouncer").

    Arrow arrays only, no Python object per SKU: sorted runs of SKUs (by their bytes), each
    with the lines they came from, looked up by binary search (``search_sorted``) in C. A
    batch's new SKUs become a run, and a run is merged into the one before it while that one is
    less than twice its size (a log-structured merge), so a batch searches about log2(SKUs seen
    / batch size) runs, not one per batch before it. A run is kept in chunks of about ``CHUNK``
    SKUs and merged chunk by chunk: a chunk no new SKU falls into is kept as it is (a file in
    SKU order is appended without a copy), and no sort is larger than a chunk and what falls
    into it. Measured (docs/catalog-bulk.md, "Bounded memory for the SKUs seen"): 24 MB held per
    million SKUs of 12 characters (each its bytes, a 4-byte offset and an 8-byte line), 40 MB
    at the peak of the largest merge (the merged run built beside the two it replaces); the
    Python set of hashes it replaced held 100 MB.
    """

    CHUNK: ClassVar[int] = 1 << 17

    def __init__(self) -> None:
        # (SKUs sorted, their lines), chunked alike; the oldest (largest) run first.
        self._runs: list[tuple[pa.ChunkedArray, pa.ChunkedArray]] = []

    def clear(self) -> None:
        self._runs = []

    def __len__(self) -> int:
        return sum(len(skus) for skus, _ in self._runs)

    @property
    def nbytes(self) -> int:
        return sum(skus.nbytes + lines.nbytes for skus, lines in self._runs)

    def add(self, lines: pa.Array, skus: pa.Array) -> dict[int, tuple[str, int]]:
        """Record the SKUs of one batch and the lines they are on; for each later occurrence of
        a SKU (in this batch or an earlier one), its line: (its SKU, the first's line)."""
        if not len(skus):
            return {}
        # Sorted by SKU, then line: a SKU given twice in the batch is on neighbouring rows, its
        # first occurrence (the lowest line) first.
        batch = pa.table({"sku": skus.cast(pa.string()), "line": lines.cast(pa.int64())})
        batch = batch.take(pc.sort_indices(batch, sort_keys=[("sku", "ascending"), ("line", "ascending")]))
        sku = batch.column("sku").combine_chunks()
        line = batch.column("line").combine_chunks()
        again = pa.concat_arrays([pa.array([False]), pc.equal(sku[1:], sku[:-1])])
        # The line of the SKU's occurrence in an earlier batch, where it has one.
        earlier: pa.Array = pa.nulls(len(sku), pa.int64())
        for run_skus, run_lines in self._runs:
            # Each batch SKU's place in the run (clamped to the run's last SKU, which then differs).
            at = pc.min_element_wise(pc.search_sorted(run_skus, sku), pa.scalar(len(run_skus) - 1, pa.uint64()))
            found = pc.equal(run_skus.take(at).combine_chunks(), sku)
            if pc.any(found).as_py():
                earlier = pc.if_else(found, run_lines.take(at).combine_chunks(), earlier)
        repeated = pc.or_(again, pc.is_valid(earlier))
        if not pc.any(repeated).as_py():  # the common case
            self._push(sku, line)
            return {}
        # A later occurrence names the SKU's line in an earlier batch, or else its first line in
        # this one (carried forward from the first of its neighbours).
        first_here = pc.fill_null_forward(pc.if_else(again, pa.scalar(None, pa.int64()), line))
        named = pc.coalesce(earlier, first_here)
        kept = pc.invert(repeated)
        self._push(sku.filter(kept), line.filter(kept))
        return {
            at_line: (name, first)
            for at_line, name, first in zip(
                line.filter(repeated).to_pylist(),
                sku.filter(repeated).to_pylist(),
                named.filter(repeated).to_pylist(),
                strict=True,
            )
        }

    def _push(self, skus: pa.Array, lines: pa.Array) -> None:
        if not len(skus):
            return
        runs = self._runs
        runs.append((pa.chunked_array([skus]), pa.chunked_array([lines])))
        merged = False
        while len(runs) > 1 and len(runs[-2][0]) < 2 * len(runs[-1][0]):
            runs[-2:] = [self._merge(runs[-2], runs[-1])]
            merged = True
        if merged:
            # The runs merged and the merge's sort indices are freed now; pyarrow's allocator
            # (mimalloc) keeps freed pages for reuse unless told: measured at a million SKUs,
            # the process grew 63 MB without this, 37 MB with it, for 24 MB held.
            pa.default_memory_pool().release_unused()

    def _merge(
        self, older: tuple[pa.ChunkedArray, pa.ChunkedArray], newer: tuple[pa.ChunkedArray, pa.ChunkedArray]
    ) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
        """One sorted run of two, built chunk by chunk: each chunk of the older run with the
        newer run's SKUs that sort between it and the next chunk. (No SKU is in both.)"""
        (old_skus, old_lines), (new_skus, new_lines) = older, newer
        starts = pa.array([chunk[0] for chunk in old_skus.chunks[1:]], pa.string())
        cuts = [0, *pc.search_sorted(new_skus, starts).to_pylist(), len(new_skus)]
        skus: list[pa.Array] = []
        lines: list[pa.Array] = []
        for index, (chunk, chunk_lines) in enumerate(zip(old_skus.chunks, old_lines.chunks, strict=True)):
            begin, end = cuts[index], cuts[index + 1]
            if begin == end:
                skus.append(chunk)
                lines.append(chunk_lines)
                continue
            more, more_lines = new_skus.slice(begin, end - begin), new_lines.slice(begin, end - begin)
            if more[0].as_py() > chunk[-1].as_py():
                # All after the chunk (SKUs given in ascending order, the usual export): kept as they are.
                skus += [chunk, *more.chunks]
                lines += [chunk_lines, *more_lines.chunks]
                continue
            merged = pa.concat_arrays([chunk, *more.chunks])
            merged_lines = pa.concat_arrays([chunk_lines, *more_lines.chunks])
            order = pc.sort_indices(merged)
            merged, merged_lines = merged.take(order), merged_lines.take(order)
            for offset in range(0, len(merged), self.CHUNK):
                skus.append(merged.slice(offset, self.CHUNK))
                lines.append(merged_lines.slice(offset, self.CHUNK))
        return pa.chunked_array(skus, pa.string()), pa.chunked_array(lines, pa.int64())


@dataclass
class HashProbe:
    """Whether a batch compares content hashes first. An import of new products would pay for
    the narrow COPY and a SKU lookup per row and leave nothing out, so after a batch whose hashes
    left out no row, the next batches go straight to the full path, trying the hashes again
    every ``EVERY``-th batch (a file may hold new products first and known ones after)."""

    EVERY: ClassVar[int] = 8
    batches: int = 0
    skipping: bool = False

    def compare(self) -> bool:
        self.batches += 1
        return not self.skipping or self.batches % self.EVERY == 0

    def found(self, unchanged: int) -> None:
        self.skipping = unchanged == 0


@dataclass(frozen=True)
class ImportTables:
    """Where one import keeps its state between batches: a temporary staging table each batch is
    copied into, which lives for the batch's transaction only (ON COMMIT DROP), and the SKUs
    loaded so far (in the worker's memory, ``SeenSkus``, to find a SKU given twice).

    Nothing outlives a transaction in the database session: behind a transaction-mode pooler
    each batch may run on another server session (docs/deploy.md, "Behind PgBouncer"), where a
    session's temporary table from an earlier batch is not there.
    """

    key: str
    stage: str
    seen: SeenSkus
    probe: HashProbe = field(default_factory=HashProbe)

    @classmethod
    def named(cls, key: str) -> ImportTables:
        """The tables of the import ``key`` (letters, digits and underscores)."""
        return cls(key=key, stage=f"product_import_stage_{key}", seen=SeenSkus())

    @property
    def digest(self) -> str:
        return f"product_import_digest_{self.key}"

    def create_stage(self, cursor: CursorWrapper, *, settings: str = "", digest: bool = False) -> None:
        """The batch's ``settings`` (SET LOCAL statements), then its empty staging table, or
        with ``digest`` its narrow one of hashes instead: one round trip. (The staging table is
        created only when some rows need it: a temporary table's creation and its drop at
        commit write the system catalogs, measured at about 10 ms a batch under load.)"""
        # The SKU in the products' collation (C, catalog/0013): joined to the product SKUs the
        # upsert returns, a SKU of another collation cannot use the staging table's index, and
        # the planner scanned the whole table for each new product (1.8 s of a 2.4 s batch of
        # 5,000 new products, 31 s of one of 20,000).
        # In the batch's transaction. IF NOT EXISTS (and the TRUNCATE): where a batch is a
        # savepoint inside a larger transaction (tests, callers' atomic blocks), the table of the
        # batch before is still there.
        if digest:
            table = f"""CREATE TEMPORARY TABLE IF NOT EXISTS {self.digest} (
                    line bigint NOT NULL, sku text COLLATE "C" NOT NULL, content_hash uuid NOT NULL, on_hand integer
                ) ON COMMIT DROP;
                TRUNCATE {self.digest}"""
        else:
            table = f"""CREATE TEMPORARY TABLE IF NOT EXISTS {self.stage} (
                    line bigint NOT NULL, sku text COLLATE "C" NOT NULL, name text NOT NULL, slug text NOT NULL,
                    description text NOT NULL, category_id bigint NOT NULL, price numeric(12, 2) NOT NULL,
                    currency text NOT NULL, attributes jsonb NOT NULL, is_active boolean NOT NULL,
                    on_hand integer
                ) ON COMMIT DROP;
                TRUNCATE {self.stage}"""
        cursor.execute(f"{settings}; {table}" if settings else table)

    def index_stage(self, cursor: CursorWrapper) -> None:
        # Built once the unchanged rows are gone (cheaper than kept up row by row during the COPY,
        # and a re-import that changes nothing needs none); unique, as duplicates never reach it.
        cursor.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {self.stage}_sku ON {self.stage} (sku)")

    def drop(self, cursor: CursorWrapper) -> None:
        self.seen.clear()
        # Gone at the batch's commit already, unless the batches ran inside a larger transaction.
        cursor.execute(f"DROP TABLE IF EXISTS {self.stage}, {self.digest}")


def load_batch(
    cursor: CursorWrapper,
    rows: Sequence[ValidRow],
    *,
    table: pa.Table | None = None,
    tables: ImportTables,
    actor: str,
    reference: str,
    duplicates_dropped: bool = False,
    digests: pa.Table | None = None,
) -> BatchOutcome:
    """Load ``rows`` and the rows of ``table`` (validated by column, in the staging table's
    columns: ``columnar.STAGE_SCHEMA``), in the caller's transaction, and report what became
    of them. ``duplicates_dropped``: the caller has passed them through ``drop_duplicates``
    already (the import does, in its read-ahead thread). ``digests``: the content hash of each
    of those rows (``digests.batch_digests``, after ``drop_duplicates``), to leave out the
    unchanged ones before COPYing their values; without it every row takes the full path."""
    rejections: list[Rejection] = []
    if not duplicates_dropped:
        rows, table, rejections = drop_duplicates(tables.seen, rows, table)
    if not rows and (table is None or not table.num_rows):
        return BatchOutcome(created=0, updated=0, unchanged=0, rejections=tuple(rejections))
    stage = tables.stage
    # A batch's commit need not wait for its WAL to reach the disk: a server crash can lose
    # the last batches committed before it, but never half of one (the batch, its job's
    # progress and its rejected rows commit together), and a job that stopped is rerun from
    # the first row, which the idempotent upsert makes safe. (docs/catalog-bulk.md, "Import
    # throughput", has what it and the other changes tried were measured to save.)
    #
    # Every statement below looks a few thousand staged SKUs up among (up to) millions of
    # products, stock rows and staged rows, all by an index. Index lookups are the plan at any
    # size, but the planner, with no statistics on the staging table, tends to hash-join it
    # against a full scan of the products: measured at 200k products, 2-4x slower per batch,
    # and a cost that grows with the catalog. Hash and merge joins are off for this batch.
    settings = "SET LOCAL synchronous_commit = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off"
    same_hash = 0
    if digests is not None and digests.num_rows and tables.probe.compare():
        tables.create_stage(cursor, settings=settings, digest=True)
        rows, table, same_hash = _leave_out_same_hash(cursor, tables.digest, digests, rows, table)
        tables.probe.found(same_hash)
        if not rows and (table is None or not table.num_rows):
            cursor.execute("SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT")
            return BatchOutcome(created=0, updated=0, unchanged=same_hash, rejections=tuple(rejections))
        tables.create_stage(cursor)
    else:
        tables.create_stage(cursor, settings=settings)
    with dbcopy.copy(cursor, f"COPY {stage} ({', '.join(STAGE_COLUMNS)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    if table is not None and table.num_rows:
        # One CSV text for the whole table, rendered by pyarrow: no Python object per row.
        with dbcopy.copy(cursor, f"COPY {stage} ({', '.join(STAGE_COLUMNS)}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(columnar_csv(table))

    cursor.execute(
        f"""DELETE FROM {stage} AS s
            USING {PRODUCT} AS p LEFT JOIN {STOCK} AS st ON st.product_id = p.id
            WHERE p.sku = s.sku
              AND ({", ".join(f"p.{c}" for c in PRODUCT_COLUMNS)})
                  IS NOT DISTINCT FROM ({", ".join(f"s.{c}" for c in PRODUCT_COLUMNS)})
              AND (s.on_hand IS NULL OR st.on_hand = s.on_hand)"""
    )
    unchanged = cursor.rowcount
    remaining = len(rows) + (table.num_rows if table is not None else 0) - unchanged
    created = updated = 0
    if remaining:
        tables.index_stage(cursor)
        # After the unchanged rows are gone, so a re-import that changes nothing locks and checks
        # nothing. (A row left out as unchanged gives the stock it has, never one below reserved.)
        rejections += _reject_stock_below_reserved(cursor, stage)
        created, product_updated, stock_only_updated, remaining = _upsert(
            cursor, stage, actor=actor, reference=reference
        )
        updated = product_updated + stock_only_updated
    cursor.execute("SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT")
    return BatchOutcome(
        created=created,
        updated=updated,
        # Rows left after the filter that still changed nothing (a concurrent writer got there).
        unchanged=same_hash + unchanged + remaining - created - updated,
        rejections=tuple(sorted(rejections, key=lambda rejection: rejection.line)),
    )


def _leave_out_same_hash(
    cursor: CursorWrapper, digest: str, digests: pa.Table, rows: Sequence[ValidRow], table: pa.Table | None
) -> tuple[Sequence[ValidRow], pa.Table | None, int]:
    """The batch without the rows whose product has their content hash and stock (a stock left
    empty keeps the product's), and how many those were. Only the rows' lines, SKUs, hashes and
    stock are COPYed, with no value the server has to parse but a uuid and an integer; the
    query answers the lines of the other rows (new products, changed ones, and rows whose hash
    was not computed as the database's), usually few in a re-import."""
    assert digests.schema.equals(DIGEST_SCHEMA)
    assert digests.num_rows == len(rows) + (table.num_rows if table is not None else 0), "a hash for every row"
    with dbcopy.copy(cursor, f"COPY {digest} (line, sku, content_hash, on_hand) FROM STDIN (FORMAT csv)") as copy:
        copy.write(columnar_csv(digests))
    cursor.execute(
        f"""SELECT d.line
            FROM {digest} AS d
            LEFT JOIN {PRODUCT} AS p ON p.sku = d.sku
            LEFT JOIN {STOCK} AS st ON st.product_id = p.id
            WHERE p.content_hash IS DISTINCT FROM d.content_hash
               OR (d.on_hand IS NOT NULL AND st.on_hand IS DISTINCT FROM d.on_hand)"""
    )
    kept = [line for (line,) in cursor.fetchall()]
    same_hash = digests.num_rows - len(kept)
    if not same_hash:
        return rows, table, 0
    kept_lines = set(kept)
    rows = [row for row in rows if row.line in kept_lines]
    if table is not None and table.num_rows:
        table = table.filter(pc.is_in(table.column("line"), value_set=pa.array(kept, pa.int64())))
    return rows, table, same_hash


def drop_duplicates(
    seen: SeenSkus, rows: Sequence[ValidRow], table: pa.Table | None
) -> tuple[Sequence[ValidRow], pa.Table | None, list[Rejection]]:
    """The batch without the SKUs given before (in it or an earlier batch), and their
    rejections; records its other SKUs as seen. Batches must come through here in file order."""
    rejections = _reject_duplicates(seen, rows, table)
    if rejections:
        dropped = {rejection.line for rejection in rejections}
        rows = [row for row in rows if row.line not in dropped]
        if table is not None:
            table = table.filter(pc.invert(pc.is_in(table.column("line"), value_set=pa.array(dropped, pa.int64()))))
    return rows, table, rejections


def _reject_duplicates(seen: SeenSkus, rows: Sequence[ValidRow], table: pa.Table | None) -> list[Rejection]:
    # Upserting one SKU twice in an import would make a second run report it updated (each
    # occurrence overwriting the other), so an import holding a SKU twice is not idempotent.
    # The first occurrence is loaded; later ones are rejected, naming the first's line.
    lines = pa.array([row.line for row in rows], pa.int64())
    skus = pa.array([row.sku for row in rows], pa.string())
    if table is not None and table.num_rows:
        lines = pa.concat_arrays([lines, table.column("line").combine_chunks()])
        skus = pa.concat_arrays([skus, table.column("sku").combine_chunks()])
    duplicates = seen.add(lines, skus)
    return [
        Rejection.one(line, "sku", ErrorCode.DUPLICATE_SKU, f"The SKU already appears on line {first}.", sku=sku)
        for line, (sku, first) in sorted(duplicates.items())
    ]


def _reject_stock_below_reserved(cursor: CursorWrapper, stage: str) -> list[Rejection]:
    # Locks the stock rows this batch will change, in product id order, so the check below and
    # the UPDATE in _upsert see the same reserved quantities.
    cursor.execute(
        f"""SELECT s.line, s.sku, s.on_hand, st.reserved
            FROM {stage} AS s
            JOIN {PRODUCT} AS p ON p.sku = s.sku
            JOIN {STOCK} AS st ON st.product_id = p.id
            WHERE s.on_hand IS NOT NULL AND st.on_hand <> s.on_hand
            ORDER BY st.product_id
            FOR UPDATE OF st"""
    )
    short = [(line, sku, on_hand, reserved) for line, sku, on_hand, reserved in cursor.fetchall() if on_hand < reserved]
    if not short:
        return []
    cursor.execute(f"DELETE FROM {stage} WHERE line = ANY(%s)", [[line for line, *_ in short]])
    return [
        Rejection.one(
            line,
            "stock",
            ErrorCode.BELOW_RESERVED,
            f"Stock cannot be set to {on_hand}: {reserved} of it is reserved.",
            sku=sku,
        )
        for line, sku, on_hand, reserved in sorted(short)
    ]


def _upsert(cursor: CursorWrapper, stage: str, *, actor: str, reference: str) -> tuple[int, int, int, int]:
    """(created, products updated, products whose stock alone changed, rows considered)."""
    assignments = ", ".join(f"{c} = EXCLUDED.{c}" for c in PRODUCT_COLUMNS)
    current = ", ".join(f"p.{c}" for c in PRODUCT_COLUMNS)
    proposed = ", ".join(f"EXCLUDED.{c}" for c in PRODUCT_COLUMNS)
    cursor.execute(
        f"""WITH upserted AS (
                INSERT INTO {PRODUCT} AS p (sku, {", ".join(PRODUCT_COLUMNS)}, created_at, updated_at)
                SELECT sku, {", ".join(PRODUCT_COLUMNS)}, now(), now() FROM {stage} ORDER BY line
                ON CONFLICT (sku) DO UPDATE SET {assignments}, updated_at = EXCLUDED.updated_at
                WHERE ({current}) IS DISTINCT FROM ({proposed})
                -- xmax is 0 on a row version this statement inserted, set on one it updated.
                RETURNING p.id, p.sku, (p.xmax = 0) AS created
            ),
            new_stock AS (
                INSERT INTO {STOCK} (product_id, on_hand, reserved, updated_at)
                SELECT u.id, COALESCE(s.on_hand, 0), 0, now()
                FROM upserted AS u JOIN {stage} AS s ON s.sku = u.sku
                WHERE u.created
                RETURNING product_id, on_hand
            ),
            -- Stock of products that existed before this statement (its snapshot does not see
            -- the ones it creates). The rows were locked in _reject_stock_below_reserved.
            changed_stock AS (
                UPDATE {STOCK} AS st
                SET on_hand = s.on_hand, updated_at = now()
                FROM {stage} AS s
                JOIN {PRODUCT} AS p ON p.sku = s.sku
                JOIN {STOCK} AS old ON old.product_id = p.id
                WHERE st.product_id = p.id AND s.on_hand IS NOT NULL
                  AND st.on_hand <> s.on_hand AND s.on_hand >= st.reserved
                RETURNING st.product_id, s.sku, s.on_hand - old.on_hand AS delta
            ),
            movements AS (
                INSERT INTO {MOVEMENT}
                    (product_id, delta_on_hand, delta_reserved, reason, note, actor, reference, created_at)
                SELECT product_id, on_hand, 0, %(reason)s, '', %(actor)s, %(reference)s, now()
                FROM new_stock WHERE on_hand > 0
                UNION ALL
                SELECT product_id, delta, 0, %(reason)s, '', %(actor)s, %(reference)s, now()
                FROM changed_stock
                RETURNING 1
            )
            SELECT
                (SELECT count(*) FROM upserted WHERE created),
                (SELECT count(*) FROM upserted WHERE NOT created),
                (SELECT count(*) FROM changed_stock WHERE sku NOT IN (SELECT sku FROM upserted)),
                (SELECT count(*) FROM {stage}),
                (SELECT count(*) FROM movements)""",
        {"reason": MovementReason.IMPORT.value, "actor": actor, "reference": reference},
    )
    row = cursor.fetchone()
    assert row is not None
    created, product_updated, stock_only, remaining, _movements = row
    return int(created), int(product_updated), int(stock_only), int(remaining)
