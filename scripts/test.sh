#!/usr/bin/env bash
# The whole test suite. Set up .venv with the test tools, then run pytest (extra arguments
# are passed to pytest, e.g. `bash scripts/test.sh -m slow` for the long runs).
# Tests that use the public data sets look for them in ../shared (or $AKHBAR_SHARED).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
