"""Quotes: direct and reported speech in the body, with the speaker resolved to an entity.

    >>> article = analyze_quotes(analyze_entities(article, context), context)
    >>> [(q.speaker, q.cue, q.kind) for q in article.quotes]
    [('Vladimir Putin', 'خاطر نشان کرد', 'direct'), ('Vladimir Putin', 'اظهار داشت', 'direct'), ...]

A quote starts from a speech cue of ``data/analyze/<lang>/quotes.tsv`` (گفت, افزود, اظهار داشت,
قال, أكد, وتابع, заявил, said ... with Arabic و/ف glued; never inside a longer word, nor in the
``block`` phrases: "گفت و گو", "می‌توان گفت"). Its content:

- after the cue (and its speaker, when the speaker follows it): ``cue: «...»``, ``cue: "..."``,
  ``cue “...”`` (direct, the text between the marks), ``cue: text`` (direct, the rest of the
  sentence), ``cue that/أن/که/что ...`` (reported, the rest of the sentence);
- for cues marked ``o``: the rest of the sentence with no marker ("Putin said Russia would");
- for Persian cues marked ``f`` at the end of a sentence: the clause before the verb
  ("پوتین ... بر هماهنگی ... تاکید کرد");
- before the cue: ``«...», — сказал Путин``, ``"...," he said``;
- for "according to" cues (``a``): the speaker, a comma, then the rest of the sentence.

The speaker (``article.entities``, so quotes run after the entities analysis):

1. an entity mention (person, or an organization or country speaking) right before the cue
   ("لاوروف گفت", "Putin said"), or, for Arabic (VSO), Russian and English inversion, right
   after it ("وقال بوتين", "заявил Путин", "said Putin"); a role phrase resolved by the
   entities analysis counts as a mention;
2. the subject of the sentence: its first person mention or pronoun before the cue (Persian
   SOV: "وی با بیان اینکه ... افزود");
3. a pronoun (وی, او, هو, он, he) or no subject at all ("وتابع", "وقال:", "افزود:"): the most
   recent person — the last speaker for a cue that continues ("افزود", "وأضاف", "added"),
   else the nearest person mention before (outside quoted text), else the last speaker; a
   participle ("مضيفا", "adding") takes the first person of its sentence (the main verb's
   subject: "ودافع كيري ... قائلا");
4. an explicit subject that is not an entity ("وقال مصدر", "officials said", a Persian or
   Arabic clause that opens with a noun rather than a particle or preposition): no speaker.

A quote whose speaker is an outlet is a citation, not a quote, and is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ..records import Article, EntityMention, Quote
from .phrase_tables import WordFinder, WordHit, caseless, compile_words, norm_phrase, table_rows
from .text_segments import Segment, Sentences, body_segment, norm_span

__all__ = ["analyze_quotes", "QuoteCues", "quote_cues"]

SPEAKER_TYPES = frozenset({"person", "organization", "country"})
# a quotation shorter than this (in words) right after a cue is a name in quotation marks
MIN_QUOTE_WORDS = 3
# words of a title that may stand between an Arabic speech verb and the name of its speaker
MAX_TITLE_WORDS = 4
# languages where the subject often follows the speech verb (VSO, inversion)
SUBJECT_AFTER = frozenset({"ar", "ru", "en"})

_OPEN_TO_CLOSE = {"«": "»", "“": "”“\"", "„": "“”\"", "\"": "\"”“", "”": "”“\""}
_WORD = re.compile(r"[^\W\d_][\w\u200c]*")
_COMMA = re.compile(r"\s*[,\u060c]")
_SPACES = " \u200c"


@dataclass(frozen=True)
class QuoteCues:
    lang: str
    finder: WordFinder
    flags: dict  # normalized cue -> flags
    pronouns: frozenset
    conj: WordFinder
    adverbs: frozenset
    subjectless: frozenset
    lead: frozenset  # words opening a clause that are not its subject (في, با, همچنین)
    blocks: dict  # cue -> the block phrases that hold it ("گفت" -> "گفت و گو", ...)


@lru_cache(maxsize=None)
def quote_cues(lang: str) -> QuoteCues:
    cues: dict[str, str] = {}
    lists: dict[str, set[str]] = {}
    for row in table_rows(lang, "quotes.tsv"):
        if len(row) < 2:
            continue
        key = norm_phrase(row[1], lang)
        if row[0] == "cue":
            cues[key] = row[2] if len(row) > 2 else ""
        else:
            lists.setdefault(row[0], set()).add(key)
    prefix = "[وف]" if lang == "ar" else ""
    blocks: dict[str, tuple[str, ...]] = {}
    for cue in cues:
        held = tuple(b for b in lists.get("block", ()) if re.search(
            r"(?<![\w\u200c])" + re.escape(cue) + r"(?![\w\u200c])", b))
        if held:
            blocks[cue] = held
    return QuoteCues(
        lang=lang,
        finder=compile_words(cues, lang, prefix=prefix),
        flags=cues,
        pronouns=frozenset(lists.get("pronoun", ())),
        conj=compile_words(lists.get("conj", ()), lang, prefix="[وف]" if lang == "ar" else ""),
        adverbs=frozenset(lists.get("adverb", ())),
        subjectless=frozenset(lists.get("subjectless", ())),
        lead=frozenset(lists.get("lead", ())),
        blocks=blocks,
    )


@dataclass
class _Mention:
    start: int  # normalized body offsets
    end: int
    m: EntityMention


@dataclass
class _State:
    text: str
    cues: QuoteCues
    mentions: list  # _Mention, sorted by start
    starts: list  # their starts, for bisect
    sentences: Sentences
    cue_hits: list = field(default_factory=list)  # WordHit of every cue, in order
    cue_starts: list = field(default_factory=list)
    quoted: list = field(default_factory=list)  # normalized spans of direct quotes so far
    last_speaker: EntityMention | None = None


def analyze_quotes(article: Article, context=None) -> Article:
    """``article`` with ``quotes`` filled from its body (see the module doc)."""
    seg = body_segment(article)
    if seg is None or not seg.text:
        return article.with_(quotes=())
    cues = quote_cues(article.lang or "")
    if not cues.flags:
        return article.with_(quotes=())
    mentions = _body_mentions(article, seg)
    state = _State(seg.text, cues, mentions, [x.start for x in mentions], Sentences(seg.text))
    out: list[Quote] = []
    for found in find_quotes(state):
        start, end, text = seg.original(found.start, found.end)
        cs, ce, cue = seg.original(found.cue_start, found.cue_end)
        sp = found.speaker
        out.append(Quote(start=start, end=end, text=text, cue=cue, cue_start=cs, cue_end=ce,
                         speaker=sp.label if sp else None, speaker_id=sp.entity_id if sp else None,
                         kind=found.kind))
    return article.with_(quotes=tuple(out))


def _body_mentions(article: Article, seg: Segment) -> list[_Mention]:
    out = []
    for m in article.entities:
        if m.in_title or m.end <= m.start:
            continue
        if m.type not in SPEAKER_TYPES and m.type != "outlet":
            continue
        s, e = norm_span(seg.norm, m.start, m.end)
        if e > s:
            out.append(_Mention(s, e, m))
    out.sort(key=lambda x: (x.start, -x.end))
    return out


@dataclass
class _Found:
    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: EntityMention | None
    kind: str


def find_quotes(state: _State) -> list[_Found]:
    text, cues = state.text, state.cues
    state.cue_hits = list(cues.finder.finditer(text))
    if not state.cue_hits:
        return []
    state.cue_starts = [h.start for h in state.cue_hits]
    out: list[_Found] = []
    taken = 0
    for hit in state.cue_hits:
        if hit.start < taken or _blocked(state, hit):
            continue
        if any(a <= hit.start < b for a, b in state.quoted):
            continue
        key = hit.word.lower() if caseless(cues.lang) else hit.word
        found = _quote_at(state, hit.start, hit.end, cues.flags.get(key, ""))
        if found is None:
            continue
        out.append(found)
        if found.start >= hit.end:
            taken = found.end
        if found.kind == "direct":
            state.quoted.append((found.start, found.end))
        if found.speaker is not None and found.speaker.type == "person":
            state.last_speaker = found.speaker
    return out


def _quote_at(state: _State, cs: int, ce: int, flags: str) -> _Found | None:
    text, lang = state.text, state.cues.lang
    sent_start, sent_end = state.sentences.bounds(cs)
    speaker: EntityMention | None = None
    resolved = False
    cue_start, cue_end = cs, ce
    content_from = ce
    subject_end = sent_start
    if "d" in flags:
        speaker, resolved = _recent(state, cs, continuing=False), True
    elif "a" in flags:
        after = _mention_after(state, ce, adjacent=True)
        if after is not None:
            speaker, resolved, content_from = after.m, True, after.end
        else:
            word = _word_after(text, ce)
            if word and _key(state, word.group()) in state.cues.pronouns:
                speaker, resolved, content_from = _recent(state, ce, False), True, word.end()
        if not resolved:
            return None
        comma = _COMMA.match(text, content_from)
        if comma is None:
            return None
        content = _rest(state, comma.end(), sent_end)
        if content is None:
            return None
        return _finish(state, content[0], content[1], cue_start, content_from, speaker, "reported")
    else:
        before = _mention_before(state, cs, sent_start)
        if before is not None and before.m.type != "person":
            # "پوتین ... در کشورهای جامعه مشترک المنافع گفت", "رئیس جمهوری روسیه یادآور شد":
            # a person earlier in the clause is the subject, the body or country is not
            subject = _clause_subject(state, cs, sent_start, flags, explicit_only=True)
            if subject is not None:
                before = None
                speaker, resolved, subject_end = subject
        if before is not None:
            speaker, resolved = before.m, True
            subject_end = before.end
            if _gap_is_space(text, before.end, cs):
                cue_start = before.start
        if not resolved and lang in SUBJECT_AFTER and "n" not in flags:
            after = _mention_after(state, ce, adjacent=lang != "ar")
            if after is not None:
                speaker, resolved, content_from = after.m, True, after.end
                if _gap_is_space(text, ce, after.start):
                    cue_end = after.end
            elif lang == "ar":
                word = _word_after(text, ce)
                if word is not None and not _subjectless(state, word.group(), text, ce):
                    resolved = True  # "وقال مصدر": a subject that is no entity
        if not resolved:
            speaker, resolved, subject_end = _clause_subject(state, cs, sent_start, flags)
    content = _content_after(state, content_from, sent_end, flags)
    kind = "direct"
    if content is not None:
        start, end, kind = content
    elif "f" in flags and not text[ce:sent_end].strip(" \u060c,"):
        start, end = _strip_span(text, max(subject_end, sent_start), cs)
        kind = "reported"
        if end - start < 3:
            return None
    else:
        before_quote = _quoted_before(text, cue_start, sent_start)
        if before_quote is None:
            return None
        start, end = before_quote
    return _finish(state, start, end, cue_start, cue_end, speaker, kind)


def _finish(state: _State, start: int, end: int, cue_start: int, cue_end: int,
            speaker: EntityMention | None, kind: str) -> _Found | None:
    if speaker is not None and speaker.type == "outlet":
        return None  # "ذكرت وكالة تاس": a citation
    if end <= start:
        return None
    return _Found(start, end, cue_start, cue_end, speaker, kind)


def _key(state: _State, word: str) -> str:
    return word.lower() if caseless(state.cues.lang) else word


def _gap_is_space(text: str, a: int, b: int) -> bool:
    return b >= a and not text[a:b].strip(_SPACES)


def _word_after(text: str, pos: int) -> re.Match[str] | None:
    return _WORD.match(text, _skip_spaces(text, pos))


def _subjectless(state: _State, word: str, text: str, pos: int) -> bool:
    """Whether the word after an Arabic cue shows that no subject follows it."""
    if _key(state, word) in state.cues.subjectless:
        return True
    nxt = text[pos:pos + 2].lstrip(" ")
    return not nxt or not nxt[0].isalpha()


def _in_quoted(state: _State, pos: int) -> bool:
    return any(a <= pos < b for a, b in state.quoted)


def _mention_before(state: _State, cs: int, sent_start: int) -> _Mention | None:
    """A speaker mention ending right before the cue (spaces or adverbs between)."""
    i = bisect_left(state.starts, cs) - 1
    best = None
    while i >= 0:
        x = state.mentions[i]
        if x.start < sent_start:
            break
        if x.end <= cs and x.m.type in SPEAKER_TYPES | {"outlet"}:
            if best is None or x.end > best.end or (x.end == best.end and x.start < best.start):
                best = x
        i -= 1
    if best is None:
        return None
    gap = state.text[best.end:cs]
    if "," in gap or "\u060c" in gap:
        return None  # "Putin, after talks with Erdogan, said": the clause's subject decides
    if not gap.strip(_SPACES):
        return best
    words = gap.strip(_SPACES)
    if _key(state, words) in state.cues.adverbs or all(
        _key(state, w) in state.cues.adverbs for w in words.split()
    ):
        return best
    return None


def _mention_after(state: _State, ce: int, adjacent: bool) -> _Mention | None:
    """The first speaker mention after the cue: right after it (``adjacent``: spaces only,
    or a title in between that is itself part of the mention), or within the Arabic clause
    before a colon, a quotation mark or a conjunction."""
    i = bisect_left(state.starts, ce)
    if i >= len(state.mentions):
        return None
    x = state.mentions[i]
    gap = state.text[ce:x.start]
    if not gap.strip(_SPACES):
        return x if x.m.type in SPEAKER_TYPES | {"outlet"} else None
    # "وقال وزير الداخلية كريم سنجاري": a title of a few words, then the person
    if adjacent or x.m.type != "person" or len(gap.split()) > MAX_TITLE_WORDS:
        return None
    if any(c in gap for c in ":«»\"“”.,\u060c\n\u061f?!") or _next_conj(state, ce, x.start):
        return None
    return x


def _next_conj(state: _State, start: int, end: int) -> tuple[int, int] | None:
    """The first "that" word (أن, که, что, that) in ``[start, end)``."""
    hit = state.cues.conj.search(state.text, start, end)
    return (hit.start, hit.end) if hit is not None else None


def _blocked(state: _State, hit: WordHit) -> bool:
    """Whether the cue ``hit`` is part of a ``block`` phrase ("گفت و گو")."""
    phrases = state.cues.blocks.get(_key(state, hit.word))
    start, end = hit.word_start, hit.end
    if not phrases:
        return False
    text = state.text
    window_start = max(0, start - 24)
    window = text[window_start:min(len(text), end + 24)]
    if caseless(state.cues.lang):
        window = window.lower()
    for phrase in phrases:
        i = window.find(phrase)
        while i >= 0:
            a = window_start + i
            if a < end and start < a + len(phrase):
                return True
            i = window.find(phrase, i + 1)
    return False


def _clause_subject(state: _State, cs: int, sent_start: int, flags: str, explicit_only: bool = False):
    """(speaker, resolved, subject_end) from the clause before the cue: its first person
    mention or pronoun; none: the verb has no subject (resolved to the recent speaker).
    ``explicit_only``: None unless a person mention or a pronoun is there."""
    text = state.text
    if "p" in flags:
        # a participle (مضيفا, adding): the subject of the sentence's main verb, else the
        # last speaker
        i = bisect_left(state.starts, sent_start)
        while i < len(state.mentions) and state.mentions[i].start < cs:
            x = state.mentions[i]
            if x.m.type == "person" and not _in_quoted(state, x.start):
                return x.m, True, x.end
            i += 1
        return _recent(state, cs, True), True, sent_start
    clause_start = max(sent_start, text.rfind(":", sent_start, cs) + 1)
    i = bisect_left(state.starts, clause_start)
    first = None
    while i < len(state.mentions) and state.mentions[i].start < cs:
        x = state.mentions[i]
        if x.m.type == "person" and not _in_quoted(state, x.start):
            first = x
            break
        i += 1
    pron = None
    for w in _WORD.finditer(text, clause_start, cs):
        if _key(state, w.group()) in state.cues.pronouns:
            pron = w
            break
    if first is not None and (pron is None or first.start < pron.start()):
        return first.m, True, _subject_end(state, first)
    if pron is not None:
        return _recent(state, pron.start(), "c" in flags), True, pron.end()
    if explicit_only:
        return None
    if "c" not in flags and _explicit_subject(state, text[clause_start:cs]):
        return None, True, cs  # "officials said", "وكانت السفارة ... أعلنت": no entity
    return _recent(state, cs, "c" in flags), True, clause_start


def _explicit_subject(state: _State, clause: str) -> bool:
    """Whether the words before the cue hold a subject that is no entity: in English and
    Russian a word right before the verb ("officials said"); in Persian and Arabic a clause
    that does not open with a particle, a preposition or an adverb ("سخنگوی ... گفت")."""
    cues = state.cues
    words = clause.replace("\u060c", " ").replace(",", " ").split()
    if not words:
        return False
    if cues.lang in ("en", "ru"):
        last = words[-1]
        return last[-1].isalpha() and _key(state, last) not in cues.adverbs
    if not cues.lead:
        return False
    first = words[0]
    two = " ".join(words[:2])
    if first in cues.lead or two in cues.lead or first in cues.adverbs or two in cues.adverbs:
        return False
    if cues.lang == "ar" and first[:1] in "وف" and (first[1:] in cues.lead or not first[1:]):
        return False
    return True


def _subject_end(state: _State, x: _Mention) -> int:
    """The end of a subject mention with the country or body right after it ("رئیس جمهوری
    روسیه": the title's mention, then the country's)."""
    end = x.end
    i = bisect_left(state.starts, end)
    while i < len(state.mentions):
        y = state.mentions[i]
        if y.start < end or not _gap_is_space(state.text, end, y.start) or y.m.type == "person":
            break
        end = y.end
        i += 1
    return end


def _recent(state: _State, pos: int, continuing: bool) -> EntityMention | None:
    """The most recent person: the last speaker for a continuing cue, else the nearest person
    mention before ``pos`` outside quoted text, else the last speaker."""
    if continuing and state.last_speaker is not None:
        return state.last_speaker
    i = bisect_left(state.starts, pos) - 1
    while i >= 0:
        x = state.mentions[i]
        if x.m.type == "person" and x.end <= pos and not _in_quoted(state, x.start):
            return x.m
        i -= 1
    return state.last_speaker


def _content_after(state: _State, pos: int, sent_end: int, flags: str):
    """(start, end, kind) of what follows the cue, or None."""
    text = state.text
    limit = _clause_limit(state, pos, min(sent_end, pos + 160))
    marker = _MARKER.search(text, pos, limit)
    conj = _next_conj(state, pos, limit)
    if conj is not None and (marker is None or conj[0] < marker.start()):
        q = _skip_spaces(text, conj[1])
        if q < len(text) and text[q] in _OPEN_TO_CLOSE:
            span = _quoted_span(text, q)
            if span:
                return span[0], span[1], "direct"
        rest = _rest(state, conj[1], state.sentences.bounds(conj[1])[1])
        return (rest[0], rest[1], "reported") if rest else None
    while marker is not None:
        q = marker.start()
        if text[q] == ":":
            q = _skip_spaces(text, q + 1)
            if q < len(text) and text[q] in _OPEN_TO_CLOSE:
                span = _quoted_span(text, q)
                if span:
                    return span[0], span[1], "direct"
            rest = _rest(state, q, state.sentences.bounds(q)[1])
            return (rest[0], rest[1], "direct") if rest else None
        span = _quoted_span(text, q)
        if span is None:
            return None
        if len(text[span[0]:span[1]].split()) >= MIN_QUOTE_WORDS:
            return span[0], span[1], "direct"
        # a name in quotation marks ("قال لـ«الشرق الأوسط» إن ..."): look on after it
        pos = span[1] + 1
        marker = _MARKER.search(text, pos, limit) if pos < limit else None
        conj = _next_conj(state, pos, limit) if pos < limit else None
        if conj is not None and (marker is None or conj[0] < marker.start()):
            rest = _rest(state, conj[1], state.sentences.bounds(conj[1])[1])
            return (rest[0], rest[1], "reported") if rest else None
    if "o" in flags and pos < sent_end:
        rest = _rest(state, pos, sent_end)
        if rest and len(text[rest[0]:rest[1]].split()) >= 3:
            return rest[0], rest[1], "reported"
    return None


_MARKER = re.compile(r"[:«“„\"”]")


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u200c":
        pos += 1
    return pos


def _rest(state: _State, pos: int, end: int) -> tuple[int, int] | None:
    """The rest of the sentence from ``pos`` (to ``end``), up to the next cue in it that
    starts a clause: ", مضيفا أن ...", ", adding that ..." are quotes of their own."""
    s, e = _strip_span(state.text, pos, _clause_limit(state, pos, end))
    return (s, e) if e > s else None


def _clause_limit(state: _State, pos: int, end: int) -> int:
    """``end``, or the start of the next cue before it that opens a clause of its own (a
    continuing cue, or one after a comma)."""
    text = state.text
    i = bisect_left(state.cue_starts, pos + 1)
    while i < len(state.cue_hits) and state.cue_hits[i].start < end:
        nxt = state.cue_hits[i]
        if "c" in state.cues.flags.get(_key(state, nxt.word), "") or text[max(pos, nxt.start - 3):nxt.start].strip() in (",", "\u060c"):
            return nxt.start
        i += 1
    return end


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "\u200c,\u060c:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",\u060c"):
        e -= 1
    return s, e


def _quoted_span(text: str, q: int) -> tuple[int, int] | None:
    """The text between the quotation mark at ``q`` and its closing mark (to the end of the
    paragraph when it is never closed)."""
    opening = text[q]
    closers = _OPEN_TO_CLOSE.get(opening)
    if closers is None:
        return None
    para_end = text.find("\n\n", q)
    if para_end < 0:
        para_end = len(text)
    end = para_end
    if opening == "«":
        i = q + 1
        depth = 0
        while i < para_end:
            close = text.find("»", i, para_end)
            if close < 0:
                break
            depth += text.count("«", i, close)
            if depth == 0:
                end = close
                break
            depth -= 1
            i = close + 1
    else:
        for c in closers:
            i = text.find(c, q + 1, end)
            if i >= 0:
                end = i
    s, e = _strip_span(text, q + 1, end)
    return (s, e) if e > s else None


# a closing mark, a comma or a dash, and at most three words (the speaker: "he", "Putin")
_BEFORE_QUOTE = re.compile(
    r"([»”\"])[ \u200c]*[,\u060c.]?[ \u200c]*[\u2014\u2013-]*[ \u200c]*(?:[^\W\d_][\w\u200c.'-]*[ \u200c]+){0,3}$"
)


def _quoted_before(text: str, cue_start: int, sent_start: int) -> tuple[int, int] | None:
    """``«...», — сказал``, ``"...," he said``: the quotation ending right before the cue."""
    m = _BEFORE_QUOTE.search(text, max(0, cue_start - 48), cue_start)
    if m is None:
        return None
    close = m.start(1)
    inner_end = close
    if text[close] == "»":
        depth = 0
        i = close - 1
        while i >= 0 and text[i] != "\n":
            if text[i] == "»":
                depth += 1
            elif text[i] == "«":
                if depth == 0:
                    break
                depth -= 1
            i -= 1
    else:
        i = close - 1
        while i >= 0 and text[i] not in "“\"„\n":
            i -= 1
    if i < 0 or text[i] == "\n":
        return None
    s, e = _strip_span(text, i + 1, inner_end)
    # a punctuation mark inside or right after the closing mark says it was speech, not a name
    if len(text[s:e].split()) < 3:
        return None
    return s, e
