"""Reading and checking knowledge-base JSONL files, one entity line at a time.

The format is documented in ``akhbar/data/kb/README.md``. Every problem raises
:class:`KnowledgeBaseError` with ``FILE:LINE: problem``. Lines are merged into :class:`Draft`
entities by id: a line whose id is new defines an entity (``type`` and ``label`` required); a line
whose id already exists (from CLDR, a shipped file or an earlier user file) adds names and roles
to it and may replace its label, qid and attributes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .model import TYPES, Entity, FrozenMap, KnowledgeBaseError, Role

ID_RE = re.compile(r"^(person|organization|place|outlet|other)/[a-z0-9]+(?:[-.][a-z0-9]+)*$")
COUNTRY_ID_RE = re.compile(r"^country/[A-Z]{2}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
ROLE_RE = re.compile(r"^[a-z][a-z_]*[a-z]$")
KIND_RE = re.compile(r"^[a-z][a-z_]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DOMAIN_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[A-Za-z0-9._~/-]*)?$")

#: attribute keys a line may carry, and the check each value must pass
ID_ATTRS = ("country", "in", "parent")
ATTR_KEYS = ID_ATTRS + ("kind", "domain", "lang")
KEYS = frozenset(("id", "type", "label", "qid", "names", "roles", "ambiguous") + ATTR_KEYS)
ROLE_KEYS = frozenset(("role", "of", "from", "to"))
_SPACES = re.compile(r"\s+")


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_RE.match(value) or COUNTRY_ID_RE.match(value))


def clean_name(name: str) -> str:
    """A surface form as stored: NFC, single spaces, no leading/trailing space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


@dataclass
class Draft:
    """An entity being assembled from CLDR and the files (mutable; frozen by :meth:`freeze`)."""

    id: str
    type: str
    label: str
    qid: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: dict[str, set[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    origin: str = ""  # where it was first defined: "FILE:LINE" or "CLDR"

    def add_name(self, lang: str, name: str, ambiguous: bool = False) -> None:
        name = clean_name(name)
        if not name:
            return
        forms = self.names.setdefault(lang, [])
        if name not in forms:
            forms.append(name)
        if ambiguous:
            self.ambiguous.setdefault(lang, set()).add(name)

    def freeze(self) -> Entity:
        names = FrozenMap({lang: tuple(forms) for lang, forms in self.names.items() if forms})
        amb = FrozenMap({lang: tuple(f for f in self.names[lang] if f in forms)
                         for lang, forms in self.ambiguous.items() if forms})
        return Entity(id=self.id, type=self.type, label=self.label, qid=self.qid, names=names,
                      roles=tuple(self.roles), attrs=FrozenMap(self.attrs), ambiguous=amb)


def _date(value: Any, where: str, what: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise KnowledgeBaseError(f"{where}: bad date in {what}: {value!r} (want YYYY-MM-DD or null)")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date in {what}: {value!r} ({exc})") from None


def _roles(value: Any, where: str, vocabulary: frozenset[str]) -> list[Role]:
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{where}: roles must be a list of objects")
    out = []
    for i, item in enumerate(value):
        what = f"roles[{i}]"
        if not isinstance(item, dict):
            raise KnowledgeBaseError(f"{where}: {what} must be an object")
        extra = set(item) - ROLE_KEYS
        if extra:
            raise KnowledgeBaseError(f"{where}: {what}: unknown key(s) {', '.join(sorted(extra))} "
                                     f"(allowed: role, of, from, to)")
        role = item.get("role")
        if not isinstance(role, str) or not ROLE_RE.match(role):
            raise KnowledgeBaseError(f"{where}: {what}: missing or bad role {role!r}")
        if vocabulary and role not in vocabulary:
            raise KnowledgeBaseError(f"{where}: {what}: unknown role {role!r} (not in roles.tsv)")
        of = item.get("of")
        if not valid_id(of):
            raise KnowledgeBaseError(f"{where}: {what}: missing or bad 'of' id {of!r}")
        start = _date(item.get("from"), where, f"{what}.from")
        end = _date(item.get("to"), where, f"{what}.to")
        if start and end and end < start:
            raise KnowledgeBaseError(f"{where}: {what}: 'to' {end} is before 'from' {start}")
        out.append(Role(role, of, start, end))
    return out


def _names(value: Any, where: str) -> list[tuple[str, str, bool]]:
    if not isinstance(value, dict):
        raise KnowledgeBaseError(f"{where}: names must be an object of language -> list of names")
    out = []
    for lang, forms in value.items():
        if not isinstance(lang, str) or not LANG_RE.match(lang):
            raise KnowledgeBaseError(f"{where}: bad language code {lang!r} in names")
        if not isinstance(forms, list):
            raise KnowledgeBaseError(f"{where}: names[{lang!r}] must be a list")
        for form in forms:
            ambiguous = False
            if isinstance(form, dict):
                extra = set(form) - {"name", "ambiguous"}
                if extra:
                    raise KnowledgeBaseError(f"{where}: names[{lang!r}]: unknown key(s) "
                                             f"{', '.join(sorted(extra))} (allowed: name, ambiguous)")
                ambiguous = form.get("ambiguous", False)
                if not isinstance(ambiguous, bool):
                    raise KnowledgeBaseError(f"{where}: names[{lang!r}]: 'ambiguous' must be true or false")
                form = form.get("name")
            if not isinstance(form, str) or not clean_name(form):
                raise KnowledgeBaseError(f"{where}: names[{lang!r}]: empty or non-string name {form!r}")
            if any(c in form for c in "\t\n\r"):
                raise KnowledgeBaseError(f"{where}: names[{lang!r}]: name {form!r} holds a tab or newline")
            out.append((lang, form, ambiguous))
    return out


def _attrs(obj: dict, where: str) -> dict[str, str]:
    attrs = {}
    for key in ATTR_KEYS:
        if key not in obj:
            continue
        value = obj[key]
        if key == "domain" and isinstance(value, list):
            if not value or not all(isinstance(v, str) for v in value):
                raise KnowledgeBaseError(f"{where}: domain must be a string or a list of strings")
            value = " ".join(value)
        if not isinstance(value, str) or not value.strip():
            raise KnowledgeBaseError(f"{where}: {key} must be a non-empty string, not {value!r}")
        if key in ID_ATTRS and not valid_id(value):
            raise KnowledgeBaseError(f"{where}: {key} must be an entity id, not {value!r}")
        if key == "country" and not COUNTRY_ID_RE.match(value):
            raise KnowledgeBaseError(f"{where}: country must be a country id like country/IR, not {value!r}")
        if key == "kind" and not KIND_RE.match(value):
            raise KnowledgeBaseError(f"{where}: kind must be a lower-case word, not {value!r}")
        if key == "lang" and not LANG_RE.match(value):
            raise KnowledgeBaseError(f"{where}: lang must be a language code, not {value!r}")
        if key == "domain" and not all(DOMAIN_RE.match(d) for d in value.split()):
            raise KnowledgeBaseError(f"{where}: bad domain {value!r} (want e.g. tasnimnews.com)")
        attrs[key] = value
    return attrs


def merge_line(obj: Any, where: str, drafts: dict[str, Draft], vocabulary: frozenset[str]) -> str:
    """Check one parsed line and merge it into ``drafts``; returns the entity id."""
    if not isinstance(obj, dict):
        raise KnowledgeBaseError(f"{where}: a line must be a JSON object")
    extra = set(obj) - KEYS
    if extra:
        raise KnowledgeBaseError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    eid = obj.get("id")
    if eid is None:
        raise KnowledgeBaseError(f"{where}: missing id")
    if not valid_id(eid):
        raise KnowledgeBaseError(f"{where}: bad id {eid!r} (want TYPE/ascii-slug, or country/XX "
                                 f"with an ISO 3166-1 alpha-2 code)")
    prefix = eid.split("/", 1)[0]
    etype = obj.get("type")
    if etype is not None and etype not in TYPES:
        raise KnowledgeBaseError(f"{where}: unknown type {etype!r} (allowed: {', '.join(TYPES)})")
    if etype is not None and etype != prefix:
        raise KnowledgeBaseError(f"{where}: type {etype!r} does not match id {eid!r}")
    label = obj.get("label")
    if label is not None and (not isinstance(label, str) or not clean_name(label)):
        raise KnowledgeBaseError(f"{where}: label must be a non-empty string")
    qid = obj.get("qid")
    if qid is not None and (not isinstance(qid, str) or not QID_RE.match(qid)):
        raise KnowledgeBaseError(f"{where}: bad qid {qid!r} (want Q followed by digits)")
    amb_all = obj.get("ambiguous", False)
    if not isinstance(amb_all, bool):
        raise KnowledgeBaseError(f"{where}: 'ambiguous' must be true or false")
    names = _names(obj.get("names", {}), where)
    roles = _roles(obj.get("roles", []), where, vocabulary)
    attrs = _attrs(obj, where)

    draft = drafts.get(eid)
    if draft is None:
        if etype is None:
            raise KnowledgeBaseError(f"{where}: missing type for new entity {eid!r}")
        if label is None:
            raise KnowledgeBaseError(f"{where}: missing label for new entity {eid!r}")
        if not names:
            raise KnowledgeBaseError(f"{where}: entity {eid!r} has no names")
        draft = drafts[eid] = Draft(eid, etype, clean_name(label), origin=where)
    elif label is not None:
        draft.label = clean_name(label)
    if qid is not None:
        draft.qid = qid
    for lang, form, ambiguous in names:
        draft.add_name(lang, form, ambiguous or amb_all)
    draft.roles.extend(r for r in roles if r not in draft.roles)
    draft.attrs.update(attrs)
    return eid


def read_file(path: Path, drafts: dict[str, Draft], vocabulary: frozenset[str]) -> int:
    """Merge every line of one JSONL file into ``drafts``; returns the number of lines read.

    Blank lines and lines starting with ``#`` (or ``//``) are skipped. An id may appear only once
    per file (a second line for it is almost always a copy-paste mistake).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{path}: not UTF-8 ({exc})") from None
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read ({exc.strerror or exc})") from None
    seen: dict[str, int] = {}
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#") or line.startswith("//"):
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        eid = merge_line(obj, where, drafts, vocabulary)
        if eid in seen:
            raise KnowledgeBaseError(f"{where}: id {eid!r} already given at line {seen[eid]} of this file")
        seen[eid] = number
        count += 1
    return count
