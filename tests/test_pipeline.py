import pytest

from akhbar.options import Options
from akhbar.pipeline import Component, Pipeline, PipelineOrderError, process_parallel
from akhbar.records import Article, IngestError, RawDoc


def test_components_out_of_order_fail_at_construction():
    normalize_first = Component("normalize", needs=frozenset({"lang"}), adds=frozenset({"norm_body"}), run=lambda a: a)
    with pytest.raises(PipelineOrderError, match="normalize.*needs lang"):
        Pipeline(Options(workers=1), [normalize_first])


def test_a_stage_error_costs_one_item_only():
    def boom(article):
        raise KeyError("bug")

    pipe = Pipeline(Options(workers=1), [Component("boom", frozenset(), frozenset(), boom)])
    out = pipe.process(RawDoc(source="x.txt", path="x.txt", content="Title line here\n\nSome body text that is long enough to keep."))
    assert isinstance(out, IngestError)
    assert out.path == "x.txt" and "internal error in boom" in out.error


def test_parallel_keeps_order_and_passes_errors_through():
    items = []
    for i in range(40):
        if i % 7 == 3:
            items.append(IngestError(f"bad{i}", "broken"))
        else:
            items.append(RawDoc(source=f"doc{i}", path=f"doc{i}",
                                content=f"Headline number {i} about the summit\n\nThe leaders met on day {i} and agreed on a long statement about security."))
    out = list(process_parallel(iter(items), Options(workers=2), chunk_size=3))
    assert len(out) == 40
    for i, result in enumerate(out):
        if i % 7 == 3:
            assert isinstance(result, IngestError) and result.path == f"bad{i}"
        else:
            article, row = result
            assert isinstance(article, Article) and article.source == f"doc{i}"
            assert row.values["id"] == article.id


def test_parallel_after_language_detection_in_this_process_does_not_hang():
    """lingua's thread pools do not survive fork(); workers must start clean (forkserver)."""
    from akhbar.langid import LanguageIdentifier

    LanguageIdentifier(Options(workers=1)).detect("این یک جمله فارسی است")
    raw = RawDoc(source="d", path="d", content="عنوان خبر درباره نشست\n\nسران کشورها امروز در نشست سالانه درباره امنیت منطقه گفتگو کردند.")
    out = list(process_parallel(iter([raw]), Options(workers=2)))
    assert isinstance(out[0][0], Article) and out[0][0].lang == "fa"
