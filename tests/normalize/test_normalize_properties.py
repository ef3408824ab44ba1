"""Property tests: idempotence, offset maps, and the two Arabic-script languages kept apart."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.normalize import normalize

LANGS = ["fa", "ar", "en", "ru", None]

PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأؤئءۀة"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئءٱ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩१२३\u066b\u066c"
SPACES = " \u00a0\u202f\u2009\t\n\r\u2028\u200b\u200c\u200d\u200e\u200f\ufeff"
OTHER = "abcXYZ éñ e\u0301 йёЁЖж.,;:!?()«»\"'-–/%\ufefb\ufe8e\ufdf2\uac00\u1100\u1161"
# pieces that exercise the ZWNJ repair and the joins
PIECES = [
    "می", "نمی", "بر", "کند", "کنند", "پردازم", "توان", "سرویس", "ها", "های", "هایی", "ترین",
    "تر", "تری", "اند", "ای", "ام", "برنامه", "ریزی", "جبهه", "گروه", "بین", "الملل", "همکاری",
    "بزرگ", "شده", "خانه", "نام", "نامه", "کشور", "میز", "تنها", "انتها", "دکتر", "کار",
    "5", "۲۰", "الإرهاب", "وال", "مهر", " ", " ", "\u200c", "\n", ".", "،",
]

alphabet = st.sampled_from(PERSIAN + ARABIC + MARKS + DIGITS + SPACES + OTHER)
random_text = st.text(alphabet=alphabet, max_size=60)
word_text = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
texts = st.one_of(random_text, word_text, st.text(max_size=40))

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, st.sampled_from(LANGS))
def test_idempotent(text, lang):
    once = normalize(text, lang).text
    assert normalize(once, lang).text == once


@SETTINGS
@given(texts, st.sampled_from(LANGS))
def test_offsets_valid(text, lang):
    n = normalize(text, lang)
    m = n.to_original
    assert len(m) == len(n.text) + 1
    assert m[len(n.text)] == len(text)
    assert all(0 <= m[i] <= len(text) for i in range(len(m)))
    assert all(m[i] <= m[i + 1] for i in range(len(m) - 1))
    for i in range(len(n.text)):
        assert m[i] < len(text)  # a normalized character comes from an original one
    for s in range(len(n.text) + 1):
        for e in range(s, min(len(n.text), s + 6) + 1):
            a, b = n.original_span(s, e)
            assert 0 <= a <= b <= len(text)


@SETTINGS
@given(texts)
def test_arabic_never_gets_persian_letters(text):
    out = normalize(text, "ar").text
    assert "ی" not in out and "ک" not in out


@SETTINGS
@given(texts)
def test_persian_never_gets_arabic_yeh_kaf(text):
    out = normalize(text, "fa").text
    assert "ي" not in out and "ك" not in out


@SETTINGS
@given(st.text(alphabet=st.sampled_from(PERSIAN + ARABIC + " \u200c.،"), max_size=60))
def test_letters_survive(text):
    """Normalizing never loses an Arabic-script letter: same count of letters (ZWNJs and spaces
    aside)."""
    for lang in ("fa", "ar"):
        out = normalize(text, lang).text
        strip = lambda s: [c for c in s if c not in " \u200c.،"]  # noqa: E731
        assert len(strip(out)) == len(strip(text))


def test_unchanged_letters_map_to_themselves():
    text = "سلام  دنیا ٢٠٢٢"
    n = normalize(text, "fa")
    for i, ch in enumerate(n.text):
        orig = text[n.to_original[i]]
        if ch not in " 0123456789":
            assert orig == ch
