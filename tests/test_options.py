import pytest

from akhbar.options import DEFAULT_LANGUAGES, Options


def test_defaults_cover_the_required_languages():
    for code in ("fa", "ar", "ur", "ru", "uk", "en", "tr", "fr", "de", "es", "he"):
        assert code in DEFAULT_LANGUAGES
    assert Options().languages == DEFAULT_LANGUAGES


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"languages": ()}, "at least one"),
        ({"languages": ("fa", "xx")}, "unsupported code(s) xx"),
        ({"workers": -1}, "workers"),
        ({"max_file_bytes": 0}, "max_file_bytes"),
        ({"max_article_chars": -5}, "max_article_chars"),
        ({"max_decompression_ratio": 0.5}, "max_decompression_ratio"),
        ({"max_html_depth": 0}, "max_html_depth"),
    ],
)
def test_bad_options_raise_a_clear_value_error(kwargs, message):
    with pytest.raises(ValueError) as info:
        Options(**kwargs)
    assert message in str(info.value)


def test_languages_may_be_given_as_a_comma_string():
    assert Options(languages="fa, ar").languages == ("fa", "ar")


def test_options_are_frozen_and_picklable():
    import pickle

    opts = Options(workers=1)
    with pytest.raises(Exception):
        opts.workers = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert opts.with_(workers=2).workers == 2
