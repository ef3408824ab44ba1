"""Hostile inputs of the web tests (shared by conftest.py and the tests)."""

# A plain-text article whose title and body carry markup payloads: they must be shown as text.
HOSTILE_TEXT = """<script>alert('title')</script> "'><b>پوتین</b> در مسکو: آزمایش امنیت صفحه

<img src=x onerror=alert('body')> ولادیمیر پوتین رئیس جمهور روسیه روز گذشته در مسکو گفت که 5 هزار نفر در این نشست حضور داشتند و این خبر را همه رسانه‌ها منتشر کردند. <script>alert('body2')</script>

او افزود: "'><svg onload=alert('svg')> این یک آزمایش است و هیچ چیز دیگری نیست، اما متن آن باید همان‌طور که نوشته شده نمایش داده شود. <a href="javascript:alert('link')">click</a>

The end of the test article, with </p></div></span> closing tags and &amp; &lt;entities&gt; written out as plain text.
"""

# A JSON record whose URL, publisher and title are hostile (the URL is a javascript: link).
HOSTILE_RECORD = {
    "title": "\"'><script>alert('jsontitle')</script> بوتين يزور موسكو",
    "text": "قال الرئيس الروسي فلاديمير بوتين اليوم في موسكو إن التعاون مستمر مع الدول المجاورة في مجالات عدة.\n\n"
    "وأضاف أن الاجتماع المقبل سيعقد في العاصمة الكازاخية وسيبحث قضايا الأمن والاقتصاد بين الدول الأعضاء.",
    "url": "javascript:alert('url')",
    "source": "\"'><script>alert('publisher')</script>",
    "date": "2022-10-27",
}

# markup that must never reach a page unescaped
PAYLOAD_MARKERS = ("<script>alert(", "<img src=x onerror", "<svg onload", 'href="javascript:', "<b>bold</b>")
