"""The catalog's benchmark scenarios: each returns the figures it measured, as plain dicts."""

from __future__ import annotations

import base64
import csv
import json
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psycopg import Connection, sql

from bench.catalog.stack import RUN_DIR, Client, RSSSampler, Stack, server_durations
from catalog_service.catalog.bulk import vocabulary as generator

PAGE_SIZE = 50


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _summary(durations: list[float]) -> dict[str, float]:
    return {
        "requests": len(durations),
        "p50_ms": round(percentile(durations, 0.50), 2),
        "p99_ms": round(percentile(durations, 0.99), 2),
        "mean_ms": round(statistics.fmean(durations), 2),
    }


def _measure(stack: Stack, log_path: Path, paths: list[str], *, token: str | None = None) -> dict[str, Any]:
    """GET every path in turn; server-side durations from the request log, client-side too."""
    assert stack.web is not None
    client = Client(stack.web.base_url, token)
    ids: list[str] = []
    client_ms: list[float] = []
    try:
        for path in paths:
            request_id, status, body, seconds = client.get(path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
            ids.append(request_id)
            client_ms.append(seconds * 1000)
    finally:
        client.close()
    time.sleep(0.5)  # let the last log lines reach the file
    found = server_durations(log_path, set(ids))
    server_ms = [found[request_id] for request_id in ids if request_id in found]
    return {"server": _summary(server_ms), "client": _summary(client_ms)}


def _cursor(ordering: str, values: list[Any]) -> str:
    """A next-page cursor positioned after ``values`` (common.pagination.KeysetPagination's format)."""
    payload = {"o": ordering, "d": "n", "v": values}
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


# --- reads ------------------------------------------------------------------------------------


def filtered_pages(stack: Stack, log_path: Path, *, requests: int) -> dict[str, Any]:
    """Walk the pages of a filtered list (a department, a price range, by price) via its cursors."""
    with stack.connect() as conn:
        department = conn.execute(
            "SELECT id FROM catalog_category WHERE depth = 1 ORDER BY path LIMIT 1 OFFSET 2"
        ).fetchone()
    assert department is not None
    first = (
        f"/api/v1/products/?category={department[0]}&price_min=10&price_max=200&ordering=price&page_size={PAGE_SIZE}"
    )
    assert stack.web is not None
    client = Client(stack.web.base_url)
    paths: list[str] = []
    path: str | None = first
    try:
        # Collect the page URLs first (following next), then measure them all in one go.
        while len(paths) < requests:
            current = path or first
            paths.append(current)
            _, status, body, _ = client.get(current)
            assert status == 200, body[:300]
            following = json.loads(body)["next"]
            path = following.split("://", 1)[1].split("/", 1)[1] if following else None
            path = f"/{path}" if path else None
    finally:
        client.close()
    result = _measure(stack, log_path, paths)
    result["url"] = first
    return result


def deep_page_ratio(stack: Stack, log_path: Path, *, requests: int) -> dict[str, Any]:
    """The page after 90% of the rows, by price, against the first page: keyset pages cost the same."""
    with stack.connect() as conn:
        (count,) = conn.execute("SELECT count(*) FROM catalog_product WHERE is_active").fetchone() or (0,)
        row = conn.execute(
            "SELECT price::text, id FROM catalog_product WHERE is_active ORDER BY price, id OFFSET %s LIMIT 1",
            [int(count * 0.9)],
        ).fetchone()
    assert row is not None
    base = f"/api/v1/products/?ordering=price&page_size={PAGE_SIZE}"
    deep = f"{base}&cursor={_cursor('price', [row[0], row[1]])}"
    first_page = _measure(stack, log_path, [base] * requests)
    deep_page = _measure(stack, log_path, [deep] * requests)
    ratio = deep_page["server"]["p50_ms"] / first_page["server"]["p50_ms"]
    return {
        "rows_before_deep_page": int(count * 0.9),
        "first": first_page,
        "deep": deep_page,
        "ratio_p50": round(ratio, 3),
    }


SEARCHES = (
    "wireless headphones",
    "bamboo desk",
    "leather jacket",
    "ceramic mug",
    "portable speaker",
    "waterproof tent",
    "vintage lamp",
    "steel kettle",
    "ergonomic chair",
    "smart watch",
)


def search(stack: Stack, log_path: Path, *, requests: int) -> dict[str, Any]:
    paths = [
        f"/api/v1/products/?q={SEARCHES[n % len(SEARCHES)].replace(' ', '+')}&page_size={PAGE_SIZE}"
        for n in range(requests)
    ]
    result = _measure(stack, log_path, paths)
    result["queries"] = list(SEARCHES)
    return result


# --- import -----------------------------------------------------------------------------------


def write_import_file(stack: Stack, path: Path, rows: int, *, seed: int = 7, prefix: str = "IMP") -> int:
    """A CSV of ``rows`` new products (<prefix>-<n>) in the generator's leaf categories; its size."""
    with stack.connect() as conn:
        leaves = [slug for (slug,) in conn.execute("SELECT slug FROM catalog_category WHERE depth = 3 ORDER BY path")]
    rnd = random.Random(seed)  # noqa: S311  (benchmark data)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["sku", "name", "description", "price", "currency", "category", "attributes", "is_active", "stock"]
        )
        for number in range(rows):
            brand, color = rnd.choice(generator.BRANDS), rnd.choice(generator.COLORS)
            material, noun = rnd.choice(generator.MATERIALS), rnd.choice(generator.NOUNS)
            writer.writerow(
                [
                    f"{prefix}-{number:08d}",
                    f"{brand} {rnd.choice(generator.ADJECTIVES)} {material} {noun} {number}",
                    " ".join(
                        p.format(material=material.lower(), brand=brand, color=color)
                        for p in rnd.sample(generator.PHRASES, k=3)
                    ),
                    f"{rnd.randint(100, 50_000) / 100:.2f}",
                    rnd.choice(generator.CURRENCIES),
                    rnd.choice(leaves),
                    json.dumps({"brand": brand, "color": color, "material": material.lower()}),
                    "true",
                    rnd.randint(0, 500),
                ]
            )
    return path.stat().st_size


def copy_raw(conn: Connection[Any], table: str, path: Path) -> None:
    """The import file COPYed as it is into a new bare ``table`` of text columns (no checks, no
    indexes): the floor every import figure is compared with."""
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute(
        f"CREATE TABLE {table} (sku text, name text, description text, price text, currency text, "
        "category text, attributes text, is_active text, stock text)"
    )
    statement = f"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"
    with conn.cursor() as cursor, cursor.copy(statement) as copy, path.open("rb") as handle:
        while piece := handle.read(1 << 20):
            copy.write(piece)


def raw_copy(stack: Stack, path: Path) -> dict[str, Any]:
    """The floor: COPY of the same file into a bare table of text columns, no checks, no indexes.

    Also the floors of any import into this schema, none validating anything or writing stock
    rows or movements: the search vectors of the rows computed and thrown away (a SELECT,
    nothing written); the rows written, by one INSERT ... SELECT, into a copy of the products
    table with all its indexes, its search vector left empty as every write leaves it now (the
    search indexer fills it later), with row-by-row index upkeep, what an import beside live
    readers does; and the same rows written into a copy without any
    index, whose indexes are then built in bulk (``_bulk_build_floor``).
    """
    with stack.connect() as conn:
        started = time.perf_counter()
        copy_raw(conn, "bench_raw_copy", path)
        seconds = time.perf_counter() - started
        (rows,) = conn.execute("SELECT count(*) FROM bench_raw_copy").fetchone() or (0,)

        # The search vector alone: computing it for every row, writing nothing. No import that
        # keeps the product's stored search vector current can run faster than this.
        started = time.perf_counter()
        conn.execute(
            """SELECT sum(length(setweight(to_tsvector('english', name), 'A')
                                 || setweight(to_tsvector('english', sku), 'A')
                                 || setweight(to_tsvector('english', description), 'B')))
               FROM bench_raw_copy"""
        )
        search_vector_seconds = time.perf_counter() - started

        conn.execute("DROP TABLE IF EXISTS bench_indexed_floor")
        conn.execute("CREATE TABLE bench_indexed_floor (LIKE catalog_product INCLUDING ALL EXCLUDING DEFAULTS)")
        started = time.perf_counter()
        _insert_raw_rows(conn, "bench_indexed_floor")
        floor_seconds = time.perf_counter() - started
        conn.execute("DROP TABLE bench_indexed_floor")
        bulk_build = _bulk_build_floor(conn)
        conn.execute("DROP TABLE bench_raw_copy")
    return {
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "indexed_table_floor": {"seconds": round(floor_seconds, 2), "rows_per_second": round(rows / floor_seconds)},
        "search_vector_floor": {
            "seconds": round(search_vector_seconds, 2),
            "rows_per_second": round(rows / search_vector_seconds),
        },
        "bulk_build_floor": {
            key: {"seconds": round(seconds_, 2), "rows_per_second": round(rows / seconds_)}
            for key, seconds_ in bulk_build.items()
        },
    }


def _insert_raw_rows(conn: Any, table: str) -> None:
    """Write ``bench_raw_copy``'s rows into ``table``, a copy of the products table: one INSERT ...
    SELECT, the values cast, the category found by slug, nothing validated."""
    statement = sql.SQL(
        """INSERT INTO {table}
               (id, sku, name, slug, description, category_id, price, currency, attributes, is_active,
                created_at, updated_at)
           SELECT row_number() OVER (), r.sku, r.name, lower(replace(r.name, ' ', '-')), r.description, c.id,
                  r.price::numeric, r.currency, r.attributes::jsonb, r.is_active::boolean, now(), now()
           FROM bench_raw_copy AS r JOIN catalog_category AS c ON c.slug = r.category"""
    )
    conn.execute(statement.format(table=sql.Identifier(table)))


def _bulk_build_floor(conn: Any) -> dict[str, float]:
    """Seconds to load ``bench_raw_copy``'s rows into a copy of the products table with no index
    and no search vector, then build its indexes (sorted builds, far cheaper per row than
    upkeep); without the search vector (``without_search``, what an import would cost if search
    were indexed elsewhere, later) and with it added and indexed too (``with_search``)."""
    search_index = "product_search_vector_gin"
    # What the indexing job computes (catalog.models.search_document), as SQL.
    search_expression = (
        "setweight(to_tsvector('english'::regconfig, COALESCE((name)::text, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, COALESCE((sku)::text, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'B')"
    )
    definitions = [
        definition.replace(" ON public.catalog_product ", " ON public.bench_bulk_floor ").replace(
            " INDEX ", " INDEX bench_bulk_floor_", 1
        )
        for name, definition in conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'catalog_product'"
        ).fetchall()
        if name != search_index
    ]
    conn.execute("DROP TABLE IF EXISTS bench_bulk_floor")
    conn.execute("CREATE TABLE bench_bulk_floor (LIKE catalog_product INCLUDING DEFAULTS)")
    conn.execute("ALTER TABLE bench_bulk_floor DROP COLUMN search_vector")
    started = time.perf_counter()
    _insert_raw_rows(conn, "bench_bulk_floor")
    for definition in definitions:
        conn.execute(definition)
    without_search = time.perf_counter() - started
    conn.execute(
        f"ALTER TABLE bench_bulk_floor ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({search_expression}) "
        "STORED"
    )
    conn.execute("CREATE INDEX bench_bulk_floor_search ON bench_bulk_floor USING gin (search_vector)")
    with_search = time.perf_counter() - started
    conn.execute("DROP TABLE bench_bulk_floor")
    return {"without_search": without_search, "with_search": with_search}


def run_import(stack: Stack, path: Path) -> dict[str, Any]:
    """import_products on the file; the job's own timing (started -> finished), the counts, the
    WAL the server wrote meanwhile (whoever wrote it: the search indexer too, when it runs) and
    the command's peak RSS (the import runs in it as in a worker)."""
    with stack.connect() as conn:
        (wal_before,) = conn.execute("SELECT pg_current_wal_lsn()").fetchone() or ("0/0",)
    wall, output, peak_rss = stack.manage_measured("import_products", str(path), "--no-progress")
    with stack.connect() as conn:
        (wal_bytes,) = conn.execute("SELECT pg_current_wal_lsn() - %s::pg_lsn", [str(wal_before)]).fetchone() or (0,)
    stages = re.search(r"seconds: read and validate ([0-9.]+), write ([0-9.]+), commit ([0-9.]+)", output)
    with stack.connect() as conn:
        row = conn.execute(
            "SELECT rows_processed, created_count, updated_count, unchanged_count, rejected_count, "
            "extract(epoch FROM finished_at - started_at), status FROM catalog_productimport "
            "ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
    assert row is not None
    rows, created, updated, unchanged, rejected, seconds, status = row
    return {
        "status": status,
        "rows": rows,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "rejected": rejected,
        "seconds": round(float(seconds), 2),
        "rows_per_second": round(rows / float(seconds)),
        "command_wall_seconds": round(wall, 2),
        "wal_mb": round(int(wal_bytes) / 2**20),
        "peak_rss_mb": round(peak_rss / 2**20, 1),
        # The job's own breakdown (docs/catalog-bulk.md, "Where the time goes").
        "stage_seconds": (
            dict(zip(("read_validate", "write", "commit"), map(float, stages.groups()), strict=True))
            if stages
            else None
        ),
    }


# --- export -----------------------------------------------------------------------------------


def export(stack: Stack, *, file_format: str) -> dict[str, Any]:
    """Stream every product; the gunicorn workers' peak RSS while it runs. A Parquet file is
    kept on disk (RUN_DIR) and its rows counted from its footer."""
    assert stack.web is not None
    master_pid = stack.web._popen.pid  # type: ignore[union-attr]  # gunicorn's master
    client = Client(stack.web.base_url, stack.staff_token())
    lines = 0
    parquet_path = RUN_DIR / "export.parquet"
    parquet_file = parquet_path.open("wb") if file_format == "parquet" else None

    def count(piece: bytes) -> None:
        nonlocal lines
        if parquet_file is not None:
            parquet_file.write(piece)
        else:
            lines += piece.count(b"\n")

    try:
        with RSSSampler(master_pid) as sampler:
            baseline = max((w.memory_info().rss for w in sampler.workers()), default=0)
            status, size, first_byte, seconds = client.stream(
                f"/api/v1/products/export/?file_format={file_format}", sink=count
            )
    finally:
        client.close()
        if parquet_file is not None:
            parquet_file.close()
    if status != 200:
        raise RuntimeError(f"export answered {status}")
    if parquet_file is not None:
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(parquet_path).metadata.num_rows
        parquet_path.unlink()
    else:
        rows = lines - (1 if file_format == "csv" else 0)
    return {
        "format": file_format,
        "rows": rows,
        "bytes": size,
        "seconds": round(seconds, 2),
        "first_byte_ms": round(first_byte * 1000, 1),
        "rows_per_second": round(rows / seconds),
        "worker_rss_before_mb": round(baseline / 2**20, 1),
        "worker_rss_peak_mb": round(sampler.peak / 2**20, 1),
    }


def timed(label: str, action: Callable[[], Any], say: Callable[[str], None]) -> Any:
    say(f"{label} ...")
    started = time.perf_counter()
    result = action()
    say(f"{label}: done in {time.perf_counter() - started:.1f}s")
    return result


IMPORT_FILE = RUN_DIR / "import.csv"
