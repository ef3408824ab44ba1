"""Plot figures are valid Plotly figures; Plotly's CSS is served for the strict CSP; text
direction comes from CLDR."""

from __future__ import annotations

import plotly.graph_objects as go

from akhbar.web.bidi import isolate, language_name, text_dir
from akhbar.web.plots import mentions_figure, story_figure
from akhbar.web.vendor import css_from_bundle, plotly_css


def test_mentions_figure_stacks_languages_and_skips_undated():
    rows = [
        {"period": "2022-09", "lang": "fa", "mentions": 3, "articles": 2},
        {"period": "2022-10", "lang": "ar", "mentions": 1, "articles": 1},
        {"period": "2022-10", "lang": "fa", "mentions": 5, "articles": 4},
        {"period": None, "lang": "fa", "mentions": 9, "articles": 9},
    ]
    fig = mentions_figure(rows, by="month")
    go.Figure(fig)  # raises if Plotly does not accept it
    traces = {t["name"]: t for t in fig["data"]}
    assert traces["fa"]["x"] == ["2022-09", "2022-10"] and traces["fa"]["y"] == [2, 4]
    assert traces["ar"]["y"] == [0, 1]
    assert fig["layout"]["barmode"] == "stack" and fig["layout"]["xaxis"]["type"] == "date"
    assert fig["layout"]["yaxis"]["dtick"] == 1  # a small count: whole numbers only


def test_single_period_uses_a_category_axis():
    fig = mentions_figure([{"period": "2022-10-26", "lang": "ar", "mentions": 1, "articles": 1}], by="day")
    go.Figure(fig)
    assert fig["layout"]["xaxis"]["type"] == "category"


def test_story_figure_isolates_right_to_left_labels():
    events = [{"id": "ev-1", "date": "2022-10-26", "label": "بوتين: 7 آلاف"}, {"id": "ev-2", "date": "2022-11-01", "label": "Summit"},
              {"id": "ev-3", "date": None, "label": "undated"}]
    counts = {"ev-1": {"ar": 2, "fa": 1}, "ev-2": {"en": 1}, "ev-3": {"fa": 1}}
    fig = story_figure(events, counts)
    go.Figure(fig)
    by_lang = {t["name"]: t for t in fig["data"]}
    assert set(by_lang) == {"ar", "fa", "en"}
    assert by_lang["ar"]["x"] == ["2022-10-26", "2022-11-01"] and by_lang["ar"]["y"] == [2, 0]
    assert by_lang["ar"]["customdata"][0] == "\u2068بوتين: 7 آلاف\u2069"
    assert by_lang["ar"]["customdata"][1] == "Summit"


def test_empty_figures_are_valid():
    go.Figure(mentions_figure([]))
    go.Figure(story_figure([], {}))


def test_plotly_css_comes_from_the_installed_bundle():
    css = plotly_css()
    assert ".js-plotly-plot .plotly .modebar{" in css
    assert ".plotly-notifier{" in css
    assert "X .modebar" not in css and css.count("{") == css.count("}") > 20


def test_css_extraction_on_a_small_bundle():
    js = 'var a=1;var T={"X,X div":\'direction:ltr;font-family:"Open Sans";\',"X .a:hover":"fill:#3c6dc5;",Y:"top:50px;","Y p":"margin:0;"};for(k in T)'
    css = css_from_bundle(js)
    assert css.splitlines() == [
        '.js-plotly-plot .plotly,.js-plotly-plot .plotly div{direction:ltr;font-family:"Open Sans";}',
        ".js-plotly-plot .plotly .a:hover{fill:#3c6dc5;}",
        ".plotly-notifier{top:50px;}",
        ".plotly-notifier p{margin:0;}",
    ]
    assert css_from_bundle("var nothing=1;") == ""
    assert css_from_bundle('x={"X,X div":1}') == ""  # an unknown shape gives nothing, not garbage


def test_text_direction_and_names():
    assert [text_dir(x) for x in ("fa", "ar", "ur", "he", "ru", "en", None, "zz")] == [
        "rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "auto", "auto"]
    assert language_name("fa") == "Persian" and language_name(None) == "unknown language"
    assert isolate("Putin") == "Putin" and isolate("پوتین") == "\u2068پوتین\u2069"


def test_quoted_right_to_left_text_is_isolated():
    from akhbar.web.bidi import isolate_quoted

    text = 'dated differently: "يوم الجمعة (17-07-2015)" in 2e99 and "today" in bbfa.'
    assert isolate_quoted(text) == 'dated differently: "\u2068يوم الجمعة (17-07-2015)\u2069" in 2e99 and "today" in bbfa.'
    assert isolate_quoted("«آستانه» and «Astana»") == "«\u2068آستانه\u2069» and «Astana»"
