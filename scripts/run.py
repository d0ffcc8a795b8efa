"""Run the whole Mercato system on this machine: `make run` (README, "The dev loop").

Starts an embedded PostgreSQL (data in .data/postgres, kept across restarts; MERCATO_DATA_DIR
moves .data) with one database per service, prepares each service (migrations, demo data) when
something changed since the last start, then serves all three under gunicorn on 127.0.0.1:8001
(accounts), 8002 (catalog) and 8003 (orders), with their workers, restarting any that exits.
Ctrl-C stops everything it started.

Set ACCOUNTS_DATABASE_URL, CATALOG_DATABASE_URL and ORDERS_DATABASE_URL to use external
PostgreSQL servers instead (the databases must exist); then no embedded server is started.
Set ACCOUNTS_PORT, CATALOG_PORT and ORDERS_PORT to serve on other ports.
"""

import sys
from pathlib import Path

# devtools/ is this checkout's, never installed (docs/architecture.md): `python scripts/run.py`
# puts scripts/ first on sys.path, so the repository root goes before it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

try:
    from devtools.devloop import main
except KeyboardInterrupt:  # Ctrl-C while Python is still importing: no traceback either
    sys.stdout.write("Mercato stopped.\n")
    sys.exit(0)

if __name__ == "__main__":
    sys.exit(main())
