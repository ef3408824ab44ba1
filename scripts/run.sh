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
