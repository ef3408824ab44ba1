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


def test_the_row_shares_the_check_stage_work_and_gives_what_separate_calls_give():
    """The worker folds each field once and reuses the check stage's figures for the Report:
    the row must be what the separate, unshared calls make."""
    import pickle
    from pathlib import Path

    from akhbar.check import Report
    from akhbar.link.profile import build_profile
    from akhbar.pipeline import _process_to_row
    from akhbar.store.rows import article_row

    pipe = Pipeline(Options(workers=1))
    seeds = sorted((Path(__file__).parents[1] / "examples" / "seeds").glob("*.txt"))
    assert len(seeds) >= 5
    kinds = set()
    for path in seeds:
        article, row = _process_to_row(pipe, RawDoc(source=str(path), path=str(path), content=path.read_text("utf-8")))
        assert pipe.checked_figures == {}  # taken by the row, nothing left behind
        plain = article_row(article)
        assert (row.fts_title, row.fts_body) == (plain.fts_title, plain.fts_body)
        assert row.profile == build_profile(article)
        assert pickle.loads(row.report) == Report.from_article(article)
        kinds |= {f.kind for f in article.flags}
    assert "headline_body_mismatch" in kinds  # the shared figures reached the headline check
