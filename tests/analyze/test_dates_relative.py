"""Relative dates in constructed sentences, per language: what is found, what is not."""

from __future__ import annotations

import datetime

import pytest
from _dates_helpers import analyze, check_spans, relative

from akhbar.analyze.relative import find_relative, resolve, weekday_offset
from akhbar.normalize import normalize


def rel(text: str, lang: str) -> list[tuple[str, str, int | None, int | None, int]]:
    nt = normalize(text, lang)
    found, _ = find_relative(nt.text, lang)
    return [(r.text, r.unit, r.offset, r.weekday, r.direction) for r in found]


def spans(text: str, lang: str) -> list[str]:
    return [r[0] for r in rel(text, lang)]


# -- Persian --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, unit, offset, weekday", [
    ("وزیر امور خارجه دیروز به ژنو رفت.", "دیروز", "day", -1, None),
    ("این نشست روز گذشته در تهران برگزار شد.", "روز گذشته", "day", -1, None),
    ("رئیس‌جمهور امروز با خبرنگاران گفتگو کرد.", "امروز", "day", 0, None),
    ("هیئت عراقی فردا وارد تهران می‌شود.", "فردا", "day", 1, None),
    ("این توافق پریروز امضا شد.", "پریروز", "day", -2, None),
    ("مجلس هفته گذشته این طرح را تصویب کرد.", "هفته گذشته", "week", -1, None),
    ("وزیر روز جمعه به مسکو سفر کرد.", "روز جمعه", "weekday", None, 4),
    ("سخنگوی دولت سه‌شنبه در نشست خبری گفت.", "سه‌شنبه", "weekday", None, 1),
    ("صبح امروز زلزله‌ای شهر را لرزاند.", "صبح امروز", "day", 0, None),
    ("رئیس‌جمهور روز گذشته (سه‌شنبه) وارد نیویورک شد.", "روز گذشته (سه‌شنبه)", "day", -1, 1),
])
def test_persian_found(sentence, phrase, unit, offset, weekday):
    found = rel(sentence, "fa")
    assert [f[:4] for f in found] == [(phrase, unit, offset, weekday)]


def test_persian_directions():
    assert rel("این دیدار جمعه گذشته انجام شد.", "fa")[0][4] == -1
    assert rel("این دیدار پنج‌شنبه آینده انجام می‌شود.", "fa")[0][4] == 1


@pytest.mark.parametrize("sentence", [
    "امروزه مشکلات اقتصادی زیاد است.",  # nowadays
    "نماز جمعه این هفته به امامت او برگزار شد.",  # Friday prayer; "این هفته" is found, not جمعه
    "در سه روز گذشته باران بارید.",  # the past three days
    "در 3 روز گذشته باران بارید.",
    "جمعه‌ها بازار شلوغ است.",  # Fridays
    "او امروزی فکر می‌کند.",
])
def test_persian_not_found(sentence):
    assert all(p not in ("امروز", "جمعه", "روز گذشته", "امروزی") for p in spans(sentence, "fa"))
    assert "جمعه" not in " ".join(spans(sentence, "fa"))


# -- Arabic ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, unit, offset, weekday", [
    ("أعلنت الوزارة اليوم نتائج التحقيق.", "اليوم", "day", 0, None),
    ("وصل الوفد أمس إلى الرياض.", "أمس", "day", -1, None),
    ("وصل الوفد امس إلى الرياض.", "امس", "day", -1, None),
    ("وقع الانفجار البارحة في السوق.", "البارحة", "day", -1, None),
    ("تبدأ المفاوضات غداً في جنيف.", "غداً", "day", 1, None),
    ("وقع الهجوم أول من أمس قرب الحدود.", "أول من أمس", "day", -2, None),
    ("عقد المجلس جلسته يوم الجمعة في القاهرة.", "يوم الجمعة", "weekday", None, 4),
    ("زار الوزير بغداد الجمعة الماضي.", "الجمعة الماضي", "weekday", None, 4),
    ("ناقش البرلمان القانون الأسبوع الماضي.", "الأسبوع الماضي", "week", -1, None),
    ("وفي وقت سابق اليوم أكد الرئيس موقفه.", "في وقت سابق اليوم", "day", 0, None),
    ("أعلنت الشرطة، أمس الاثنين، القبض على المتهم.", "أمس الاثنين", "day", -1, 0),
    ("قال رئيس الوزراء اليوم (الأحد) إن الحكومة مستمرة.", "اليوم (الأحد)", "day", 0, 6),
    ("قتل ثلاثة أشخاص صباح الاثنين (أمس) في غارة.", "صباح الاثنين (أمس)", "day", -1, 0),
])
def test_arabic_found(sentence, phrase, unit, offset, weekday):
    found = rel(sentence, "ar")
    assert len(found) == 1
    assert normalize(phrase, "ar").text == found[0][0]
    assert found[0][1:4] == (unit, offset, weekday)


def test_arabic_spans_map_back_to_original_spelling():
    a = analyze("عنوان الخبر\n\nوصل الوفد أمس إلى الرياض واليوم بدأت المحادثات.", "ar")
    check_spans(a)
    assert [d.text for d in relative(a)] == ["أمس", "اليوم"]


@pytest.mark.parametrize("sentence", [
    "نشرت الصحيفة تقريرها اليومي عن الوضع.",  # daily
    "احتفلت المملكة باليوم الوطني.",
    "يحتفل العالم اليوم العالمي للمياه.",
    "يتناول المريض الدواء مرتين في اليوم.",  # per day
    "وفي اليوم التالي عاد الوفد.",  # the next day (of the story)
    "وأدى المصلون صلاة الجمعة في المسجد الكبير.",  # Friday prayer
    "ونقلت قناة «روسيا اليوم» الخبر.",  # a channel's name
    "وقالت صحيفة اليوم إن الحادث خطير.",  # the newspaper al-Yaum
    "وأكد الطرفان أن الخلاف بين الاثنين انتهى.",  # between the two
    "يدرس الأطفال في مدرسة أيام الأحد.",  # Sundays
])
def test_arabic_not_found(sentence):
    found = spans(sentence, "ar")
    assert not any(w in f for f in found for w in ("اليوم", "الجمعه", "الاثنين", "الاحد")), found


def test_arabic_weekday_of_an_absolute_date_is_not_a_relative_mention():
    a = analyze("عنوان\n\nوجاءت التصريحات اليوم الأربعاء 26 أكتوبر/تشرين الأول 2022 خلال الاجتماع.", "ar")
    check_spans(a)
    assert relative(a) == []  # "اليوم" anchors the date; "الأربعاء" is part of it
    assert [d.text for d in a.dates] == ["الأربعاء 26 أكتوبر/تشرين الأول 2022"]


# -- Russian --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, unit, offset, weekday, direction", [
    ("Президент сегодня провёл встречу.", "сегодня", "day", 0, None, 0),
    ("Министр вчера прибыл в Москву.", "вчера", "day", -1, None, 0),
    ("Переговоры продолжатся завтра.", "завтра", "day", 1, None, 0),
    ("Соглашение подписали в пятницу в Пекине.", "в пятницу", "weekday", None, 4, 0),
    ("Встреча прошла во вторник.", "во вторник", "weekday", None, 1, 0),
    ("Саммит прошёл в прошлую среду.", "в прошлую среду", "weekday", None, 2, -1),
    ("Делегация вернулась на прошлой неделе.", "на прошлой неделе", "week", -1, None, 0),
    ("Вчера вечером в центре города прогремел взрыв.", "Вчера вечером", "day", -1, None, 0),
])
def test_russian_found(sentence, phrase, unit, offset, weekday, direction):
    assert rel(sentence, "ru") == [(phrase, unit, offset, weekday, direction)]


@pytest.mark.parametrize("sentence", [
    "Пятница была тяжёлым днём.",  # a weekday alone is a noun in Russian
    "Об этом сообщило агентство Россия Сегодня.",  # a name
    "Вчерашний день был спокойным.",
    "На сегодняшний день известно немного.",
])
def test_russian_not_found(sentence):
    assert rel(sentence, "ru") == []


# -- English --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, unit, offset, weekday, direction", [
    ("The minister resigned today.", "today", "day", 0, None, 0),
    ("Officials said yesterday that talks failed.", "yesterday", "day", -1, None, 0),
    ("The vote will take place tomorrow.", "tomorrow", "day", 1, None, 0),
    ("The leaders met on Friday in Geneva.", "on Friday", "weekday", None, 4, 0),
    ("The ministry said Tuesday that it disagreed.", "Tuesday", "weekday", None, 1, 0),
    ("The accord was signed last Monday.", "last Monday", "weekday", None, 0, -1),
    ("The court ruled last week.", "last week", "week", -1, None, 0),
    ("Today's decision surprised many.", "Today", "day", 0, None, 0),
    ("Earlier today the president spoke.", "Earlier today", "day", 0, None, 0),
    ("Putin's speech today's headline", "today", "day", 0, None, 0),
])
def test_english_found(sentence, phrase, unit, offset, weekday, direction):
    assert rel(sentence, "en") == [(phrase, unit, offset, weekday, direction)]


@pytest.mark.parametrize("sentence", [
    "Shops opened early on Black Friday.",
    "Christians marked Good Friday.",
    "The paper USA Today reported it.",
    "He was interviewed by Russia Today.",
    "Fridays are quiet.",
    "Thousands attended Friday prayers.",
])
def test_english_not_found(sentence):
    assert rel(sentence, "en") == []


# -- resolution -----------------------------------------------------------------------------------

def test_weekday_offsets():
    wed = datetime.date(2022, 10, 26)  # a Wednesday
    assert weekday_offset(wed, 4, 0) == -5  # Friday: the most recent on or before
    assert weekday_offset(wed, 2, 0) == 0  # Wednesday itself
    assert weekday_offset(wed, 2, -1) == -7  # last Wednesday
    assert weekday_offset(wed, 2, 1) == 7  # next Wednesday
    assert weekday_offset(wed, 4, 1) == 2  # next Friday
    assert weekday_offset(wed, 1, -1) == -1  # last Tuesday


def test_resolve_units():
    pub = datetime.date(2022, 10, 26)
    nt = normalize("روز گذشته و هفته گذشته و روز جمعه", "fa")
    day, week, friday = find_relative(nt.text, "fa")[0]
    assert resolve(day, pub) == (-1, datetime.date(2022, 10, 25))
    assert resolve(day, None) == (-1, None)
    assert resolve(week, pub) == (-7, None)  # a week is not a day
    assert resolve(friday, None) == (None, None)
    assert resolve(friday, pub) == (-5, datetime.date(2022, 10, 21))
    assert resolve(friday, pub, forward=True) == (2, datetime.date(2022, 10, 28))


def test_unknown_language_finds_no_relative_dates():
    assert find_relative("heute und gestern", "de") == ([], [])
    assert find_relative("today", None) == ([], [])
