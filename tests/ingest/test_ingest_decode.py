"""decode_bytes: BOMs, UTF-8/16, legacy code pages (Windows-1256 first), binary and empty input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.ingest.decode import DecodeError, decode_bytes, declared_charset, sniff_encoding

PERSIAN = ("وزیر امور خارجه روسیه سرگئی لاوروف روز گذشته در نشست سرویس‌های اطلاعاتی "
           "کشورهای مستقل مشترک المنافع گفت که پنج تا هفت هزار نفر از اتباع این کشورها در افغانستان هستند.")
# Windows-1256 has no Persian yeh (U+06CC): Persian written in it uses the Arabic yeh.
PERSIAN_1256 = PERSIAN.replace("ی", "ي")
ARABIC = ("قال الرئيس الروسي فلاديمير بوتين، اليوم الجمعة، إن ما بين خمسة وسبعة آلاف مسلح "
          "من رابطة الدول المستقلة يقاتلون في صفوف تنظيم داعش، وفق ما ذكرت وكالة تاس.")
RUSSIAN = ("Президент России Владимир Путин заявил в пятницу, что от пяти до семи тысяч "
           "боевиков из стран СНГ воюют на стороне террористов.")
FRENCH = "Le président a déclaré à Paris que l'élève était là. Ça va très bien, dit-il à l'AFP."


def arabic_script_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if "ARABIC" in unicodedata.name(c, "")) / len(letters)


@pytest.mark.parametrize("text", [PERSIAN_1256, ARABIC], ids=["persian", "arabic"])
def test_windows_1256_is_detected(text):
    decoded, encoding = decode_bytes(text.encode("cp1256"))
    assert encoding == "cp1256"
    assert decoded == text
    assert arabic_script_share(decoded) > 0.95


@pytest.mark.parametrize("text", ["مرحبا", "السلام عليكم", "چگونه؟", "کتاب‌ها"])
def test_windows_1256_short_texts(text):
    text = text.replace("ی", "ي")
    decoded, encoding = decode_bytes(text.encode("cp1256"))
    assert (decoded, encoding) == (text, "cp1256")


def test_windows_1256_keeps_zwnj():
    decoded, _ = decode_bytes("می‌کند و سرویس‌های".replace("ی", "ي").encode("cp1256"))
    assert "\u200c" in decoded


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "utf-8", "bogus-charset"])
def test_mislabelled_windows_1256_is_still_arabic(declared):
    decoded, encoding = decode_bytes(ARABIC.encode("cp1256"), declared)
    assert encoding == "cp1256"
    assert decoded == ARABIC


def test_declared_charset_is_honoured_when_plausible():
    decoded, encoding = decode_bytes(ARABIC.encode("iso-8859-6"), "ISO-8859-6")
    assert encoding == "iso8859-6" and decoded == ARABIC


def test_arabic_iso_8859_6_detected_without_label():
    decoded, encoding = decode_bytes(ARABIC.encode("iso-8859-6"))
    assert decoded == ARABIC


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_russian_legacy_code_pages(codec):
    decoded, encoding = decode_bytes(RUSSIAN.encode(codec))
    assert decoded == RUSSIAN
    assert encoding == codec


def test_western_windows_1252():
    decoded, encoding = decode_bytes(FRENCH.encode("cp1252"))
    assert (decoded, encoding) == (FRENCH, "cp1252")


def test_english_with_typographic_punctuation_only():
    text = "“Hello” – he said’s … and left—quickly."
    decoded, _ = decode_bytes(text.encode("cp1252"))
    assert decoded == text


@pytest.mark.parametrize("text", [PERSIAN, ARABIC, RUSSIAN, FRENCH, "plain ascii"])
def test_utf8_with_and_without_bom(text):
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [PERSIAN, ARABIC, RUSSIAN, "Hello, world. " * 3])
def test_utf16_with_and_without_bom(codec, text):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + text.encode(codec)) == (text, codec)
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_utf32_with_bom():
    assert decode_bytes(codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le")) == (ARABIC, "utf-32-le")


def test_crlf_and_inner_bom_kept():
    text = "line one\r\nline two\r\n\ufeffthree"
    assert decode_bytes(text.encode("utf-8"))[0] == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty(data):
    with pytest.raises(DecodeError, match="^empty file$"):
        decode_bytes(data)


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
    (b"\x7fELF\x02\x01\x01" + bytes(50), "ELF executable"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "gzip data"),
])
def test_binary_signatures(data, what):
    with pytest.raises(DecodeError, match=r"^binary file \(looks like " + what):
        decode_bytes(data)


def test_nul_bytes_are_binary():
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(b"some text\x00\x00\x01\x02 more text and \x00 more")


def test_control_characters_are_binary():
    with pytest.raises(DecodeError, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 10 + b"abc")


@pytest.mark.parametrize("data", [
    bytes([0x80 + (i * 37) % 128 for i in range(300)]),  # high bytes, no word structure
    ARABIC.encode("utf-8")[:-2] + b" and more",  # UTF-8 cut inside a character
    PERSIAN.encode("utf-8").replace(b"\xd9", b"\xd9\xd9", 3),  # a few stray bytes
])
def test_undecodable(data):
    with pytest.raises(DecodeError, match=r"^undecodable bytes \(not UTF-8/UTF-16/cp1256\)"):
        decode_bytes(data)


def test_invalid_utf16_after_bom():
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a")  # a lone high surrogate


def test_declared_charset_from_markup():
    assert declared_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-6"?><rss>') == "ISO-8859-6"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


def test_sniff_encoding_for_streams():
    assert sniff_encoding(codecs.BOM_UTF8 + b"{}", True) == "utf-8-sig"
    assert sniff_encoding(codecs.BOM_UTF16_LE + '{"a": 1}'.encode("utf-16-le"), True) == "utf-16"
    assert sniff_encoding('{"text": "سلام"}\n'.encode("utf-8"), True) == "utf-8"
    assert sniff_encoding(('{"text": "%s"}\n' % ARABIC).encode("cp1256"), True) == "cp1256"
    with pytest.raises(DecodeError, match="empty"):
        sniff_encoding(b"  ", True)
    with pytest.raises(DecodeError, match="PNG"):
        sniff_encoding(b"\x89PNG\r\n\x1a\n....", False)


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"), min_size=1,
).filter(lambda s: s.strip() and not s.startswith("\ufeff"))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_property_utf8_round_trips(text):
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8")


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_property_utf16_with_bom_round_trips(text, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + text.encode(codec)) == (text, codec)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_property_never_crashes(data):
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert text.strip() and not text.startswith("\ufeff") and encoding
