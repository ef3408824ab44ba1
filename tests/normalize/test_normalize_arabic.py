"""Arabic normalization: matching forms, no Persian letters, digits."""

from __future__ import annotations

from akhbar.normalize import normalize


def ar(text: str) -> str:
    return normalize(text, "ar").text


def test_alef_forms_unified():
    assert ar("أحمد إلى آخر ٱلله") == "احمد الي اخر الله"


def test_alef_maksura_and_teh_marbuta():
    assert ar("مستشفى المدينة") == "مستشفي المدينه"


def test_persian_letters_become_arabic():
    out = ar("رئیس کشور یک")
    assert out == "رئيس كشور يك"
    assert "ی" not in out and "ک" not in out


def test_diacritics_and_tatweel_removed():
    assert ar("مُحَمَّدٌ") == "محمد"
    assert ar("الـ51 الـــعربية") == "ال 51 العربيه"
    assert ar("المنسّقة") == "المنسقه"


def test_digits_folded():
    assert ar("٢٦ أكتوبر ٢٠٢٢") == "26 اكتوبر 2022"
    assert ar("عام2020") == "عام 2020"


def test_zwnj_has_no_role_in_arabic():
    assert ar("الدول\u200cالمستقلة") == "الدولالمستقله"


def test_presentation_forms():
    assert ar("\ufefb\ufe8e") == "لاا"  # lam-alef ligature, isolated alef


def test_arabic_rules_never_run_for_persian():
    out = normalize("أكد الرئيس على", "fa").text
    assert out == "أکد الرئیس علی"
