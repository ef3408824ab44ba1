"""Role titles per language from ``roles.tsv`` (``role<TAB>lang<TAB>title``, header first).

The role column is the vocabulary persons' ``roles`` use; the titles are the words that name the
role in running text ("وزیر امور خارجه", "وزيرة الخارجية", "министра иностранных дел").
"""

from __future__ import annotations

from pathlib import Path

from .lines import LANG_RE, ROLE_RE, clean_name
from .model import KnowledgeBaseError

HEADER = ("role", "lang", "title")


def read_roles(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """role -> lang -> titles (file order, duplicates dropped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read ({exc})") from None
    table: dict[str, dict[str, list[str]]] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        cells = line.rstrip("\r\n").split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != HEADER:
                raise KnowledgeBaseError(f"{where}: header must be role<TAB>lang<TAB>title")
            header_seen = True
            continue
        if len(cells) != 3:
            raise KnowledgeBaseError(f"{where}: want 3 tab-separated columns, found {len(cells)}")
        role, lang, title = (c.strip() for c in cells)
        if not ROLE_RE.match(role):
            raise KnowledgeBaseError(f"{where}: bad role {role!r}")
        if not LANG_RE.match(lang):
            raise KnowledgeBaseError(f"{where}: bad language code {lang!r}")
        title = clean_name(title)
        if not title:
            raise KnowledgeBaseError(f"{where}: empty title")
        titles = table.setdefault(role, {}).setdefault(lang, [])
        if title not in titles:
            titles.append(title)
    return {role: {lang: tuple(t) for lang, t in langs.items()} for role, langs in table.items()}
