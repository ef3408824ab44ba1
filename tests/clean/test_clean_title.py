"""Finding the title, and lines that repeat it."""

from __future__ import annotations

from akhbar.clean.tables import tables
from akhbar.clean.cues import apply_cues
from akhbar.clean.lines import split_lines
from akhbar.clean.title import find_title, similar, title_key, title_variants

PARA = ("به گزارش خبرگزاری نمونه، رئیس جمهور روسیه روز جمعه در نشست سران کشورهای مستقل مشترک‌المنافع "
        "گفت که همکاری‌های امنیتی میان کشورهای عضو باید گسترش یابد و اطلاعات بیشتری مبادله شود.")


def lines_of(*rows: str):
    lines = split_lines("\n".join(rows), tables())
    for line in lines:
        apply_cues(line, tables())
    return lines


def test_title_skips_blank_lines_and_switchers():
    lines = lines_of("", "", "Ru En", "", "پوتین: همکاری امنیتی گسترش می‌یابد", PARA)
    i = find_title(lines)
    assert lines[i].text == "پوتین: همکاری امنیتی گسترش می‌یابد"


def test_title_skips_menu_lines():
    lines = lines_of("Home | World | Business", "Skip to main content", "Talks resume in Geneva", PARA)
    assert lines[find_title(lines)].text == "Talks resume in Geneva"


def test_no_title_when_text_opens_with_a_paragraph():
    assert find_title(lines_of(PARA, PARA)) is None


def test_given_title_is_looked_for_among_the_top_lines():
    lines = lines_of("Breaking", "Talks resume in Geneva", PARA)
    assert lines[find_title(lines, "Talks resume in Geneva | Example News")].text == "Talks resume in Geneva"
    assert find_title(lines, "A different headline altogether") is None


def test_title_variants_and_similarity():
    assert title_variants("Talks resume in Geneva - Example News")[1] == title_key("Talks resume in Geneva")
    assert similar(title_key("تاکید پوتین بر لزوم افزایش مشارکت"), title_key("تاكيد پوتين بر لزوم افزايش مشاركت."))
    assert not similar(title_key("Talks resume in Geneva"), title_key("Talks collapse in Vienna"))
    assert title_key("می‌شود«») ") == title_key("میشود")
