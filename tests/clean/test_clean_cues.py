"""Cue tables (data files) and the single-line rules of the classifier."""

from __future__ import annotations

import pytest

from akhbar.clean import tables as tables_mod
from akhbar.clean.tables import fold, key, tables
from akhbar.clean.cues import apply_cues, strip_edges
from akhbar.clean.lines import Line, split_lines
from akhbar.clean.text import feature_class


def one_line(text: str) -> Line:
    lines = split_lines(text, tables())
    assert len(lines) == 1
    line = lines[0]
    apply_cues(line, tables())
    return line


def test_key_folds_for_matching_only():
    assert key("  می\u200cشود  ") == "میشود"
    assert key("كتاب عربي") == "کتاب عربی"  # Arabic kaf/yeh fold to the Persian letters
    assert key("أيضاً") == key("أيضا") != key("ايضا")  # tanwin removed; hamza letters are kept
    assert key("Share\u00a0THIS") == "share this"
    assert fold("a\nب\u200cج\n") .split("\n") == ["a", "بج", ""]  # line breaks survive folding


def test_tables_load_every_language():
    t = tables()
    for word in ("در", "في", "и", "the"):
        assert key(word) in t.stopwords
    assert "english" in t.language_names and key("عربي") in t.language_names
    assert "ru" in t.language_codes and "english" not in t.language_codes


def test_malformed_cue_row_is_reported(monkeypatch):
    real = tables_mod._data_lines

    def fake(name):
        return ["comment\texact"] if name == "cues_en.tsv" else real(name)

    monkeypatch.setattr(tables_mod, "_data_lines", fake)
    with pytest.raises(ValueError, match="cues_en.tsv: bad entry 1"):
        tables_mod.load_cues()


@pytest.mark.parametrize(
    "text, category",
    [
        # comment prompts
        ("ارسال نظر", "comment"), ("أضف تعليقك", "comment"), ("Оставить комментарий", "comment"),
        ("Leave a reply", "comment"),
        # related / most read
        ("پربازدیدترین اخبار", "related"), ("الأكثر قراءة", "related"), ("Читайте также", "related"),
        ("Most read", "related"), ("Read more: Oil prices fall", "related"),
        # end of message
        ("انتهای خبر", "end"), ("-انتهى-", "end"), ("(END)", "end"),
        # photo credits
        ("عکس: ایرنا", "photo"), ("تصوير: أحمد علي", "photo"), ("Фото: РИА Новости", "photo"),
        ("Photo: AFP", "photo"),
        # share / print
        ("اشتراک‌گذاری", "share"), ("طباعة", "share"), ("Поделиться", "share"), ("Share on Facebook", "share"),
        # tags
        ("برچسب‌ها: ایران، عمان", "tags"), ("الوسوم: السعودية", "tags"), ("Теги: Россия", "tags"),
        ("Tags: oil, OPEC", "tags"),
        # captcha, ads, nav, copyright, subscribe
        ("کد امنیتی را وارد کنید", "captcha"), ("reCAPTCHA", "captcha"),
        ("آگهی", "ads"), ("إعلان", "ads"), ("Реклама", "ads"), ("ADVERTISEMENT", "ads"),
        ("صفحه نخست", "nav"), ("الصفحة الرئيسية", "nav"), ("Главная", "nav"), ("Back to top", "nav"),
        ("تمامی حقوق برای خبرگزاری محفوظ است", "copyright"), ("جميع الحقوق محفوظة", "copyright"),
        ("Все права защищены", "copyright"), ("All rights reserved.", "copyright"),
        ("ما را در اینستاگرام دنبال کنید", "subscribe"), ("تابعونا على تويتر", "subscribe"),
        ("Подписывайтесь на нас", "subscribe"), ("Follow us on X", "subscribe"),
    ],
)
def test_cue_lines(text, category):
    line = one_line(text)
    assert line.hard and line.cue == category, (text, line.reason)
    assert line.kind == "boilerplate"


@pytest.mark.parametrize(
    "text, credits",
    [
        ("منبع: ایسنا", ("ایسنا",)),
        ("منبع خبر: خبرگزاری مهر", ("خبرگزاری مهر",)),
        ("المصدر: رويترز + وكالات", ("رويترز", "وكالات")),
        ("مصدر: وكالة الأنباء السعودية (واس).", ("وكالة الأنباء السعودية (واس)",)),
        ("Источник: РИА Новости", ("РИА Новости",)),
        ("Source: Reuters, AP", ("Reuters", "AP")),
        ("نقلا عن الشرق الأوسط", ("الشرق الأوسط",)),
        ("به نقل از خبرگزاری فارس", ("خبرگزاری فارس",)),
        ("(وكالات)", ("وكالات",)),
        ("Agencies", ("Agencies",)),
        ("агентства", ("агентства",)),
    ],
)
def test_source_lines_give_credits(text, credits):
    line = one_line(text)
    assert line.kind == "source", line.reason
    assert line.credits == credits


@pytest.mark.parametrize(
    "text",
    [
        # a cue inside a long line of prose decides nothing
        "The minister said that readers who leave a comment on the ministry's website would receive a reply within a week.",
        "وأضاف أن جميع الحقوق محفوظة للمواطنين وفق الدستور الذي أقره البرلمان في جلسته الأخيرة أمس الأحد بحضور الوزراء",
        # a "source" word without the label form is not a source line
        "Sources said the talks would resume on Monday.",
        "منابع آگاه می‌گویند مذاکرات دوشنبه از سر گرفته می‌شود.",
        # dates with spaced slashes are not menus
        "اعتبارا من يوم الأربعاء 6 / 10 / 1436هـ ولمدة ثلاثة أسابيع وحسب الشروط",
    ],
)
def test_prose_is_not_taken_for_a_cue(text):
    line = one_line(text)
    assert not line.hard, line.reason


@pytest.mark.parametrize(
    "text, hard",
    [
        ("Ru En", True), ("English | عربي | فارسی", True), ("Русский / English", True), ("فارسی", True),
        ("EN", False),  # a lone two-letter code is too weak alone
        ("Home | World | Business | Sport", True),  # a menu
        ("www.example.com", True), ("editor@example.com", True),
        ("* * *", True),  # symbols only
        ("Putin in Astana", False),
    ],
)
def test_surface_rules(text, hard):
    assert one_line(text).hard is hard


def test_feature_classes():
    t = tables()
    prose = ("The ministers said that the agreement would be signed in the capital next week, "
             "after the last details of the text had been settled by the experts.")
    names = " ".join(["Mobily", "Zain", "STC", "Rightel", "Irancell", "Hamrah", "Digikala", "Snapp"] * 2)
    cases = [(prose, "good"), ("The next round is due in May.", "near"), ("Supply worries", "short"),
             (names, "bad")]
    for text, expected in cases:
        line = split_lines(text, t)[0]
        assert feature_class(line)[0] == expected, text


def test_strip_edges_keeps_paired_brackets():
    assert strip_edges("(وكالات)") == "وكالات"
    assert strip_edges("«فارس»") == "فارس"
    assert strip_edges("وكالة الأنباء الأردنية (بترا).") == "وكالة الأنباء الأردنية (بترا)"
    assert strip_edges("(AFP) and (Reuters)") == "(AFP) and (Reuters)"
    assert strip_edges(" • Share ") == "Share"


def _cue_rows():
    for mode, by_category in tables_mod.load_cues().items():
        for category, cues in by_category.items():
            for cue in cues:
                yield mode, category, cue


@pytest.mark.parametrize("mode, category, cue", list(_cue_rows()))
def test_every_cue_in_the_data_files_matches_itself(mode, category, cue):
    """Each cue, as a line of its own (a label with a value), is decided by a cue rule; with a
    ZWNJ in it, also when the ZWNJ is dropped or typed as a space."""
    spellings = {cue, cue.replace(ZWNJ, ""), cue.replace(ZWNJ, " ")}
    for spelling in spellings:
        if mode == "label":
            text = f"{spelling}: {'12' if category == 'datelabel' else 'X Y'}"  # a date label needs a date-like value
        else:
            text = f"{spelling} X" if category == "source" else spelling  # "according to" + an outlet
        line = one_line(text)
        assert line.hard, (text, line.reason)
        order = tables_mod.CATEGORIES
        # an overlapping cue of a higher-priority category may win; a lower one may not
        assert line.cue in order and order.index(line.cue) <= order.index(category) or line.cue == category, (
            text, line.cue)


ZWNJ = "\u200c"
