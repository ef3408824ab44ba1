#!/usr/bin/env bash
# The main job on the bundled example corpus: set up, ingest the five sample articles into the
# embedded database (akhbar.db here) and show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB="${AKHBAR_DB:-akhbar.db}"
.venv/bin/akhbar ingest examples/seeds --db "$DB" || [ $? -eq 1 ]
echo
.venv/bin/akhbar articles --db "$DB"
echo
echo "Search across spellings, e.g.:"
echo "  .venv/bin/akhbar search 'سرویس‌های امنیتی' --db $DB"
.venv/bin/akhbar search 'سرویس‌های امنیتی' --db "$DB"
echo
# Finally the web UI on the same database (blocks until Ctrl+C; AKHBAR_NO_SERVE=1 skips it).
if [ "${AKHBAR_NO_SERVE:-}" != "1" ]; then
    echo "The web UI: open http://127.0.0.1:${AKHBAR_PORT:-8000}/ (Ctrl+C stops it)"
    exec .venv/bin/akhbar serve --db "$DB" --port "${AKHBAR_PORT:-8000}"
fi
