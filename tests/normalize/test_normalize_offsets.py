"""The mapped edits and the offset maps of normalize and normalize_article."""

from __future__ import annotations

import re
from array import array

from akhbar.normalize import normalize, normalize_article
from akhbar.normalize import offsets
from akhbar.records import Article, Span


def test_identity():
    assert list(offsets.identity(3)) == [0, 1, 2, 3]
    assert list(offsets.identity(2, 10)) == [10, 11, 12]
    assert list(offsets.identity(0)) == [0]


def test_sub_keeps_map():
    text, m = "a--b", offsets.identity(4)
    t, m2 = offsets.sub(text, m, re.compile("-+"), "-")  # two chars -> one: maps to the first
    assert t == "a-b" and list(m2) == [0, 1, 3, 4]
    t, m2 = offsets.sub(text, m, re.compile("-"), "")
    assert t == "ab" and list(m2) == [0, 3, 4]
    t, m2 = offsets.sub(text, m, re.compile("(?=b)"), " ")  # insertion maps to what follows
    assert t == "a-- b" and list(m2) == [0, 1, 2, 3, 3, 4]
    t, m2 = offsets.sub(text, m, re.compile("x"), "y")
    assert t == text and m2 is m


def test_insert():
    t, m = offsets.insert("abcd", offsets.identity(4), [1, 3], "|")
    assert t == "a|bc|d" and list(m) == [0, 1, 1, 2, 3, 3, 4]


def test_nfc_composes_and_maps():
    text = "e\u0301a"
    t, m = offsets.nfc(text, offsets.identity(3))
    assert t == "éa" and list(m) == [0, 2, 3]


def test_glued_word_repair_maps_back():
    text = "او میکند."
    n = normalize(text, "fa")
    assert n.text == "او می‌کند."
    i = n.text.index("\u200c")
    assert n.to_original[i] == text.index("کند")  # inserted ZWNJ: offset of what follows
    s, e = n.original_span(n.text.index("می"), n.text.index("."))
    assert text[s:e] == "میکند"


def test_digit_space_maps_back():
    text = "در سوریه  5تا 7 هزار"
    n = normalize(text, "fa")
    assert n.text == "در سوریه 5 تا 7 هزار"
    s, e = n.original_span(n.text.index("تا"), n.text.index("تا") + 2)
    assert text[s:e] == "تا"
    s, e = n.original_span(n.text.index("5"), n.text.index("5") + 1)
    assert text[s:e] == "5"


def _article(text: str, title_span, paragraphs, lang, title=None) -> Article:
    return Article(
        id="x", source="s", path="p", format="text", text=text,
        title=title if title is not None else (text[title_span.start:title_span.end] if title_span else None),
        title_span=title_span, paragraphs=tuple(paragraphs), lang=lang,
    )


def test_normalize_article_maps_into_article_text():
    text = "عنوان سرویسهای\n\nپاراگراف اول میکند\nآگهی\n\nپاراگراف ۲ دوم"
    t_end = text.index("\n")
    p1 = Span(text.index("پاراگراف اول"), text.index("\nآگهی"))
    p2 = Span(text.index("پاراگراف ۲"), len(text))
    a = normalize_article(_article(text, Span(0, t_end), [p1, p2], "fa"))
    assert a.norm_title.text == "عنوان سرویس‌های"
    assert a.norm_title.to_original[0] == 0 and a.norm_title.to_original[-1] == t_end
    body = a.norm_body
    assert body.text == "پاراگراف اول می‌کند\n\nپاراگراف 2 دوم"
    sep = body.text.index("\n\n")
    assert body.to_original[sep] == p1.end and body.to_original[sep + 1] == p1.end
    assert body.to_original[len(body.text)] == p2.end
    i = body.text.index("2")
    assert text[body.to_original[i]] == "۲"
    assert list(body.to_original) == sorted(body.to_original)
    for i, ch in enumerate(body.text):
        if ch not in "\n\u200c2":
            assert text[body.to_original[i]] == ch


def test_metadata_title_maps_to_zero():
    text = "متن مقاله"
    a = normalize_article(_article(text, None, [Span(0, len(text))], "fa", title="عنوان علي"))
    assert a.norm_title.text == "عنوان علی"
    assert set(a.norm_title.to_original) == {0}
    assert a.norm_body.text == "متن مقاله"


def test_article_without_paragraphs_or_title():
    a = normalize_article(_article("", None, [], None))
    assert a.norm_title is None
    assert a.norm_body.text == "" and list(a.norm_body.to_original) == [0]


def test_normalized_text_round_trips_as_dict():
    n = normalize("سرویسهای ۲۰", "fa")
    from akhbar.records import NormalizedText

    back = NormalizedText.from_dict(n.as_dict())
    assert back.text == n.text and back.to_original == n.to_original
    assert isinstance(back.to_original, array)
