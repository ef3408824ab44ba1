"""Rebuild ``data/normalize/fa/{lexicon.tsv,lexicon_rare.txt,verbs.tsv}`` from hazm's data.

Developer tool, not used at run time::

    python -m akhbar.normalize.build_fa_data HAZM_DATA_DIR [OUT_DIR]

``HAZM_DATA_DIR`` is the ``hazm/data`` folder of a hazm wheel (MIT licence; see
``data/normalize/fa/SOURCES.md``). Words are brought to the form :func:`akhbar.normalize.normalize`
gives Persian text (Persian yeh/kaf, no harakat, ZWNJ only where it shows), entries that are not
Persian letters are dropped, and duplicates are merged (highest frequency, union of tags).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .offsets import identity
from .persian import clean_zwnj, normalize_letters
from .script import ARABIC_LETTERS, ZWNJ

_WORD = re.compile(f"[{ARABIC_LETTERS}{ZWNJ}]+")


def fa_form(word: str) -> str:
    text, m = normalize_letters(word, identity(len(word)))
    text, m = clean_zwnj(text, m)
    return text


def build(hazm_data: Path, out_dir: Path) -> None:
    words: dict[str, tuple[int, set[str]]] = {}
    for line in (hazm_data / "words.dat").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word = fa_form(parts[0].strip())
        if not _WORD.fullmatch(word) or len(word) < 2:
            continue
        freq = int(parts[1])
        tags = {t for t in parts[2].split(",") if t and t != "0"}
        f0, t0 = words.get(word, (0, set()))
        words[word] = (max(freq, f0), t0 | tags)
    attested = {w: v for w, v in words.items() if v[0] > 0 or v[1]}
    rare = sorted(w for w in words if w not in attested)
    header = (
        "# Persian lexicon derived from hazm 0.10.0 data/words.dat (MIT, (c) 2013 Alireza Nourian;\n"
        "# see SOURCES.md), normalized as akhbar normalizes Persian text.\n"
    )
    with (out_dir / "lexicon.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# word <TAB> corpus frequency <TAB> part-of-speech tags (hazm's)\n")
        for w in sorted(attested):
            freq, tags = attested[w]
            f.write(f"{w}\t{freq}\t{','.join(sorted(tags))}\n")
    with (out_dir / "lexicon_rare.txt").open("w", encoding="utf-8") as f:
        f.write(header + "# words hazm lists with neither frequency nor tag, one per line\n")
        f.writelines(w + "\n" for w in rare)
    verbs = set()
    for line in (hazm_data / "verbs.dat").read_text(encoding="utf-8").splitlines():
        if "#" in line:
            past, present = (fa_form(x.strip()) for x in line.split("#", 1))
            verbs.add((past, present))
    with (out_dir / "verbs.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# Persian verb stems from hazm 0.10.0 data/verbs.dat (MIT, see SOURCES.md)\n"
            "# past stem <TAB> present stem (either may be empty)\n"
        )
        f.writelines(f"{p}\t{q}\n" for p, q in sorted(verbs))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) > 1 else Path(__file__).resolve().parents[1] / "data" / "normalize" / "fa"
    build(Path(args[0]), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
