"""Each input format read into RawDoc records: text, HTML, JSON, JSONL, RSS/Atom, WARC, gzip."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from akhbar.records import IngestError, RawDoc

from _ingest_helpers import collect, docs, errors

FA = "رئیس جمهور روسیه گفت: هفت هزار نفر از اتباع کشورهای مستقل مشترک المنافع در افغانستان هستند."
AR = "قال الرئيس الروسي إن ما بين خمسة وسبعة آلاف مسلح يقاتلون في صفوف داعش."


def test_txt(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FA + "\r\n", encoding="utf-8")
    [doc] = collect([p])
    assert doc == RawDoc(source=str(p), path=str(p), content=FA + "\r\n", format="text", encoding="utf-8")


def test_txt_cp1256(tmp_path):
    p = tmp_path / "a.TXT"
    p.write_bytes(AR.encode("cp1256"))
    [doc] = collect([p])
    assert (doc.content, doc.encoding) == (AR, "cp1256")


def test_html_meta_charset(tmp_path):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">' \
           f"<title>t</title></head><body><p>{AR}</p></body></html>"
    p = tmp_path / "page.htm"
    p.write_bytes(page.encode("cp1256"))
    [doc] = collect([p])
    assert doc.format == "html" and doc.content == page and doc.encoding == "cp1256"
    assert doc.title is None  # metadata is the clean stage's job


def test_jsonl(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [
        {"title": "t1", "text": FA, "url": "https://example.ir/1", "date": "2021-10-15", "source": "Tasnim",
         "author": "X"},
        {"title": "t2", "content": "<p>" + AR + "</p>", "link": "https://example.sa/2", "published": "2022-10-26"},
        {"title": "t3", "body": "body only"},
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    a, b, c = collect([p])
    assert (a.source, a.url, a.title, a.content, a.format, a.published, a.publisher, a.author) == (
        "https://example.ir/1", "https://example.ir/1", "t1", FA, "text", "2021-10-15", "Tasnim", "X")
    assert (b.format, b.source, b.published) == ("html", "https://example.sa/2", "2022-10-26")
    assert (c.source, c.path, c.url) == (f"{p}#3", str(p), None)


def test_ndjson_crlf_and_bom(tmp_path):
    p = tmp_path / "a.ndjson"
    p.write_bytes(b"\xef\xbb\xbf" + '{"text": "one"}\r\n\r\n{"text": "two"}\r\n'.encode())
    items = collect([p])
    assert [d.content for d in items] == ["one", "two"]
    assert [d.source for d in items] == [f"{p}#1", f"{p}#3"]  # N is the line number


def test_json_array_object_and_wrapper(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": "a"}, {"text": "b", "url": "u"}]), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "text": "single"}), encoding="utf-8")
    wrap = tmp_path / "wrap.json"
    wrap.write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": None, "name": "Reuters"}, "title": "x", "description": "d", "content": "c1",
         "publishedAt": "2022-10-26T10:00:00Z", "url": "https://r/1"},
        {"title": "y", "content": "c2"}]}, indent=2), encoding="utf-8")
    items = collect([arr, one, wrap])
    assert [d.content for d in items] == ["a", "b", "single", "c1", "c2"]
    assert items[1].source == "u" and items[0].source == f"{arr}#1"
    assert items[3].publisher == "Reuters" and items[3].published == "2022-10-26"
    assert items[4].source == f"{wrap}#2"


def test_json_concatenated_objects(tmp_path):
    p = tmp_path / "dump.json"
    p.write_text('{"text": "a"}\n{"text": "b"}\n[{"text": "c"}]', encoding="utf-8")
    assert [d.content for d in collect([p])] == ["a", "b", "c"]


def test_json_large_array_streams_with_small_chunks(tmp_path):
    # records larger than the read buffer, numbers split across buffer ends, unicode escapes
    rows = [{"text": ("متن " * 20000) + str(i), "n": 12345678901234567890 + i, "t": "\\u0645"} for i in range(5)]
    p = tmp_path / "big.json"
    p.write_text(json.dumps(rows, ensure_ascii=bool(1)), encoding="utf-8")
    items = collect([p])
    assert [d.content for d in items] == [r["text"] for r in rows]


def test_gzip_variants(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(FA.encode("utf-8")))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n{"text": "y"}\n'))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html><body><p>hi</p></body></html>"))
    items = collect([tmp_path])
    assert [(d.format, d.content) for d in items] == [("text", FA), ("text", "x"), ("text", "y"),
                                                      ("html", "<html><body><p>hi</p></body></html>")]
    assert items[1].source == f"{tmp_path / 'b.jsonl.gz'}#1"


def test_gzip_detected_by_content(tmp_path):
    p = tmp_path / "notes.txt"  # gzip data without the .gz suffix
    p.write_bytes(gzip.compress(AR.encode("utf-8")))
    [doc] = collect([p])
    assert doc.content == AR


RSS = """<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example &amp; News</title>
  <link>https://example.sa/</link>
  <item>
    <title>First &amp;lt;b&amp;gt;item</title>
    <link>https://example.sa/1</link>
    <pubDate>Wed, 26 Oct 2022 08:00:00 +0300</pubDate>
    <dc:creator>Reporter One</dc:creator>
    <description>summary text</description>
    <content:encoded><![CDATA[<p>%s</p>]]></content:encoded>
  </item>
  <item>
    <title>Second</title>
    <guid isPermaLink="true">https://example.sa/2</guid>
    <author>desk@example.sa (Desk Editor)</author>
    <description>plain description only</description>
  </item>
  <item><title>No text</title><link>https://example.sa/3</link></item>
</channel>
</rss>
""" % AR


def test_rss(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_bytes(RSS.encode("cp1256"))
    a, b, c = collect([p])
    assert (a.title, a.url, a.source, a.published, a.publisher, a.author, a.format, a.content) == (
        "First <b>item", "https://example.sa/1", "https://example.sa/1", "2022-10-26", "Example & News",
        "Reporter One", "html", f"<p>{AR}</p>")
    assert a.encoding == "cp1256"
    assert (b.url, b.author, b.format, b.content) == ("https://example.sa/2", "Desk Editor", "text",
                                                      "plain description only")
    assert isinstance(c, IngestError) and c.path == f"{p}#3" and "no text" in c.error


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Outlet</title>
  <entry>
    <title>E1</title>
    <link rel="enclosure" href="https://a.ru/img.jpg"/>
    <link rel="alternate" href="https://a.ru/1"/>
    <published>2022-10-26T10:00:00+03:00</published>
    <updated>2022-10-27T10:00:00+03:00</updated>
    <author><name>Иван Петров</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Путин заявил</p></div></content>
  </entry>
  <entry>
    <title>E2</title>
    <link href="https://a.ru/2"/>
    <updated>2022-10-28T00:00:00Z</updated>
    <summary type="html">&lt;p&gt;escaped markup&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>E3</title>
    <id>urn:uuid:1</id>
    <content type="text">plain text content</content>
  </entry>
</feed>
"""


def test_atom(tmp_path):
    p = tmp_path / "feed.atom"
    p.write_text(ATOM, encoding="utf-8")
    a, b, c = collect([p])
    assert (a.url, a.published, a.author, a.publisher, a.format) == (
        "https://a.ru/1", "2022-10-26", "Иван Петров", "Atom Outlet", "html")
    assert "<p>Путин заявил</p>" in a.content
    assert (b.url, b.published, b.format, b.content) == ("https://a.ru/2", "2022-10-28", "html",
                                                         "<p>escaped markup</p>")
    assert (c.source, c.format, c.content) == (f"{p}#3", "text", "plain text content")


def test_rss1_rdf_in_xml(tmp_path):
    p = tmp_path / "rdf.xml"
    p.write_text("""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x/"><title>RDF Site</title></channel>
  <item rdf:about="https://x/1"><title>I</title><link>https://x/1</link>
    <description>desc</description><dc:date>2015-07-21T10:00:00Z</dc:date></item>
</rdf:RDF>""", encoding="utf-8")
    [doc] = collect([p])
    assert (doc.url, doc.publisher, doc.published, doc.content) == ("https://x/1", "RDF Site", "2015-07-21", "desc")


def _warc(gz: bool, records: list[tuple[str, str, bytes, str]]) -> bytes:
    """records: (type, uri, payload, content type)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "akhbar-tests"}))
    for rtype, uri, payload, ctype in records:
        if rtype == "response":
            status = "200 OK" if not uri.endswith("redirect") else "301 Moved Permanently"
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
        else:
            rec = w.create_warc_record(uri, rtype, payload=io.BytesIO(payload), warc_content_type=ctype)
        w.write_record(rec)
    return buf.getvalue()


PAGE_FA = f'<html><head><meta charset="utf-8"><title>t</title></head><body><p>{FA}</p></body></html>'.encode()
PAGE_AR_1256 = f"<html><body><p>{AR}</p></body></html>".encode("cp1256")
WARC_RECORDS = [
    ("response", "https://fa.example/1", PAGE_FA, "text/html; charset=utf-8"),
    ("response", "https://ar.example/2", PAGE_AR_1256, "text/html; charset=windows-1256"),
    ("response", "https://img.example/x.png", b"\x89PNG\r\n\x1a\n" + bytes(20), "image/png"),
    ("response", "https://ar.example/redirect", b"<html>moved</html>", "text/html"),
    ("request", "https://fa.example/1", b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
    ("resource", "https://ar.example/3.txt", AR.encode("utf-8"), "text/plain"),
    ("metadata", "https://fa.example/1", b"via: x\r\n", "application/warc-fields"),
]


def test_warc_plain_and_gzip(tmp_path):
    for gz in (False, True):
        p = tmp_path / ("a.warc.gz" if gz else "a.warc")
        p.write_bytes(_warc(gz, WARC_RECORDS))
        items = collect([p])
        assert all(isinstance(i, RawDoc) for i in items), items
        assert [(d.source, d.url, d.format) for d in items] == [
            ("https://fa.example/1", "https://fa.example/1", "html"),
            ("https://ar.example/2", "https://ar.example/2", "html"),
            ("https://ar.example/3.txt", "https://ar.example/3.txt", "text"),
        ]
        assert items[0].content == PAGE_FA.decode("utf-8")
        assert AR in items[1].content and items[1].encoding == "cp1256"
        assert items[2].content == AR


def test_warc_charset_from_meta_when_header_has_none(tmp_path):
    page = f'<html><head><meta charset="windows-1256"></head><body>{AR}</body></html>'.encode("cp1256")
    p = tmp_path / "m.warc"
    p.write_bytes(_warc(False, [("response", "https://m/1", page, "text/html")]))
    [doc] = collect([p])
    assert AR in doc.content


def test_deterministic_order(tmp_path):
    for name in ["b.txt", "a.txt", "C.txt", "sub/z.txt", "sub/a.txt", "a0.txt"]:
        f = tmp_path / name
        f.parent.mkdir(exist_ok=True)
        f.write_text(name, encoding="utf-8")
    items = collect([tmp_path])
    assert [d.content for d in items] == ["C.txt", "a.txt", "a0.txt", "b.txt", "sub/a.txt", "sub/z.txt"]
    assert not errors(items) and len(docs(items)) == 6


def test_jsonl_and_json_in_other_encodings(tmp_path):
    row = {"title": "عنوان", "text": AR}
    u16 = tmp_path / "u16.jsonl"
    u16.write_bytes(("\n".join([json.dumps(row, ensure_ascii=False)] * 2) + "\n").encode("utf-16"))
    cp = tmp_path / "cp.jsonl"
    cp.write_bytes((json.dumps(row, ensure_ascii=False) + "\n").encode("cp1256") * 2)
    arr = tmp_path / "arr16.json"
    arr.write_bytes(json.dumps([row, row], ensure_ascii=False).encode("utf-16"))
    items = collect([cp, u16, arr])
    assert [(d.content, d.title) for d in items] == [(AR, "عنوان")] * 6
    assert [d.encoding for d in items] == ["cp1256"] * 2 + ["utf-16"] * 4


def test_jsonl_legacy_line_after_ascii_head(tmp_path):
    p = tmp_path / "late.jsonl"
    ascii_lines = b"".join(json.dumps({"text": f"english line {i} " + "x" * 100}).encode() + b"\n"
                           for i in range(700))  # more than the sniffed first block
    p.write_bytes(ascii_lines + (json.dumps({"text": AR}, ensure_ascii=False) + "\n").encode("cp1256"))
    items = collect([p])
    assert len(items) == 701 and items[-1].content == AR and items[-1].encoding == "cp1256"
    assert items[0].encoding == "utf-8"


def test_arc_archive(tmp_path):
    body = b"<html><body><p>Hello ARC</p></body></html>"
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://t.arc 0.0.0.0 20200101000000 text/plain %d\n" % len(desc) + desc + b"\n"
    data += b"http://example.com/a 93.184.216.34 20200101000000 text/html %d\n" % len(http) + http + b"\n"
    (tmp_path / "t.arc").write_bytes(data)
    (tmp_path / "u.arc.gz").write_bytes(gzip.compress(data))
    items = collect([tmp_path])
    assert [(d.source, d.content) for d in items] == [("http://example.com/a", body.decode())] * 2
