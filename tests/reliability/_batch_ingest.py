"""``python _batch_ingest.py DB BATCH WORKERS STOP PATH...``: an ingest through
``akhbar.run.ingest_paths`` that commits every BATCH articles (the CLI commits every 256) and,
when STOP > 0, dies (``os._exit``, like a kill: nothing cleaned up) right after its STOP-th
commit. Prints the run report as JSON when it completes."""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    from akhbar.options import Options
    from akhbar.run import ingest_paths
    from akhbar.store import Store

    db, batch, workers, stop, *paths = argv
    commits = 0

    def progress(report) -> None:
        nonlocal commits
        commits += 1
        if int(stop) and commits >= int(stop):
            os._exit(3)

    with Store(db) as store:
        report = ingest_paths(paths, store, Options(workers=int(workers)), batch_size=int(batch), progress=progress)
    print(json.dumps(report.as_dict(), ensure_ascii=False))
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
