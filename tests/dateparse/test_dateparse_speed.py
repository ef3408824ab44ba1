"""find_dates must stay cheap: a 4 KB article without dates well under half a millisecond."""

from __future__ import annotations

import time

from akhbar.dateparse import find_dates

FA = ("رئیس جمهور روسیه در سخنان خود گفت که ۵ تا ۷ هزار نفر از اتباع این کشورها در گروه‌های تروریستی "
      "حضور دارند و تنها 40 درصد آنها روس هستند. نشست سران در پایتخت برگزار شد و 14 سند امضا شد. ")
AR = ("وقال الرئيس إن عدد المقاتلين يتراوح ما بين 5 و 7 آلاف إرهابي، وتم التوقيع على 14 وثيقة "
      "خلال الاجتماع الذي عقد في العاصمة حتى عام 2030 وفق البرنامج. ")


def _per_call(text: str, n: int = 200) -> float:
    find_dates(text)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(n):
            find_dates(text)
        best = min(best, (time.perf_counter() - t0) / n)
    return best


def test_articles_without_dates_are_cheap():
    for para in (FA, AR):
        text = (para * 40)[:4096]
        assert find_dates(text) == []
        # measured ~0.1-0.2 ms; the bound leaves room for slow machines
        assert _per_call(text) < 0.002
