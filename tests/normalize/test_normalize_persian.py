"""Persian normalization: letters, marks, ZWNJ clean-up and the repair of glued words."""

from __future__ import annotations

import pytest

from akhbar.normalize import normalize

ZWNJ = "\u200c"


def fa(text: str) -> str:
    return normalize(text, "fa").text


@pytest.mark.parametrize(
    "glued, repaired",
    [
        ("میکند", "می‌کند"),
        ("سرویسهای", "سرویس‌های"),
        ("برنامهریزیهای", "برنامه‌ریزی‌های"),
        ("جبهههای", "جبهه‌های"),
        ("همکاریهای", "همکاری‌های"),
        ("بینالملل", "بین‌الملل"),
        ("پربینندهترین", "پربیننده‌ترین"),
        ("نمیپردازم", "نمی‌پردازم"),
        ("تلاشهای", "تلاش‌های"),
        ("گروههای", "گروه‌های"),
        ("کانالهای", "کانال‌های"),
        ("میتوان", "می‌توان"),
        ("میدهند", "می‌دهند"),
        ("برمیگردد", "برمی‌گردد"),
        ("شدهاند", "شده‌اند"),
        ("خانهها", "خانه‌ها"),
        ("گونهای", "گونه‌ای"),
    ],
)
def test_glued_words_are_repaired(glued, repaired):
    assert fa(glued) == repaired
    assert fa(f"او گفت {glued}.") == f"او گفت {repaired}."


@pytest.mark.parametrize(
    "word",
    [
        "میز", "میدان", "میلیون", "میوه", "بیانیه", "همه", "همسایه", "هستند", "میهن", "میان",
        "تنها", "انتهای", "بیشتری", "دکترین", "کارتر", "بیتکوین", "بیروت", "نهایی", "دمیتری",
        "فیلتر", "میخائیل", "میشیگان", "ابراهیم", "الهام", "اتهام", "کشورها", "کشورهای",
        "هستید", "بینیم", "نامهای",  # نام‌های or نامه‌ای: ambiguous, left as written
    ],
)
def test_real_words_are_not_split(word):
    assert fa(word) == word


def test_zwnj_written_by_the_author_is_kept_and_completed():
    assert fa("می‌کند") == "می‌کند"
    assert fa("می‌بینیم") == "می‌بینیم"
    assert fa("برنامهریزی‌های") == "برنامه‌ریزی‌های"


def test_zwnj_cleanup():
    assert fa("می\u200c\u200c\u200cکند") == "می‌کند"  # a run collapses
    assert fa("کتاب\u200c ها") == "کتاب‌ها"  # next to a space: dropped, then the space joins
    assert fa("\u200cسلام\u200c.") == "سلام."  # not between letters
    assert fa("کشور\u200cها") == "کشورها"  # after a letter that does not join
    assert fa("سلام\u200c5") == "سلام 5"


def test_space_becomes_zwnj_before_suffix_and_after_prefix():
    assert fa("سرویس های امنیتی") == "سرویس‌های امنیتی"
    assert fa("می کند") == "می‌کند"
    assert fa("نمی دانم") == "نمی‌دانم"
    assert fa("شده اند") == "شده‌اند"
    assert fa("بزرگ ترین") == "بزرگ‌ترین"
    assert fa("کشور ها") == "کشورها"  # no ZWNJ after a non-joining letter
    assert fa("لباس تر") == "لباس تر"  # not an adjective: "wet clothes"
    assert fa("می ناب") == "می ناب"  # not a verb form
    assert fa("همه اند") == "همه اند"  # not a participle


def test_arabic_letters_become_persian():
    assert fa("علي كريمي") == "علی کریمی"
    assert fa("مستشفى") == "مستشفی"
    out = fa("الإرهاب والأمم المتحدة يكافح")
    assert "ي" not in out and "ك" not in out
    assert "إ" in out and "أ" in out  # Persian keeps the hamza forms


def test_marks_and_tatweel_are_removed():
    assert fa("قبلاً") == "قبلا"
    assert fa("مُحَمَّد") == "محمد"
    assert fa("خانۀ ما") == "خانه ما"
    assert fa("خانهٔ ما") == "خانه ما"
    assert fa("ســـلام") == "سلام"
    assert fa("رئیس مسئول تأکید") == "رئیس مسئول تأکید"


def test_digits_and_missing_spaces():
    assert fa("۱۴۰۲ و ١٤٠٢ و 1402") == "1402 و 1402 و 1402"
    assert fa("5تا 7 هزار") == "5 تا 7 هزار"
    assert fa("16 مهر1382") == "16 مهر 1382"
    assert fa("۳٫۵ درصد و ۱٬۰۰۰ نفر") == "3.5 درصد و 1,000 نفر"


def test_lines_and_spaces():
    assert fa("سلام\u00a0دنیا\r\nخط  دوم\u200f") == "سلام دنیا\nخط دوم"
    assert fa("یک\n\nدو") == "یک\n\nدو"


def test_persian_rules_never_run_for_other_languages():
    for lang in ("ar", "en", "ru", None):
        out = normalize("میکند سرویس های", lang).text
        assert ZWNJ not in out
