"""The event linker: events in the archive's order, windows of each article's own day, replay."""

from __future__ import annotations

import pytest

from akhbar.link import Linker, LinkModel, Place
from akhbar.link.events import link_profiles
from akhbar.link.frequencies import Frequencies, FrequencyWindow
from akhbar.link.similarity import Cluster, day
from akhbar.link.stories import MAX_STORY_POSTING, StoryEvent, story_parent
from akhbar.options import LinkOptions
from akhbar.records import LinkProfile

# A transparent model for the mechanics: shared words and entities decide.
MODEL = LinkModel(bias=-3.0, weights={"lexical": 4.0, "entities": 3.0, "date": 1.0}, threshold=0.5)
UNDATED = day("2015-07-30")


def prof(article, terms, entities=(), date="2015-07-21", lang="ar"):
    return LinkProfile(article=article, lang=lang, date=date, published=date, publisher="outlet-" + article[-1],
                       title=f"title {article}", entities=tuple((e, 1.0, e.split("/")[-1]) for e in entities),
                       terms=tuple((t, 2) for t in terms), words=40)


STREAM = [
    prof("a1", ["قمه", "رياض", "خليج"], ["person/salman", "place/riyadh"], "2015-07-21"),
    prof("b1", ["مباراه", "هلال", "نصر"], ["organization/hilal"], "2015-07-21"),
    prof("a2", ["قمه", "رياض", "خليج", "قاده"], ["person/salman", "place/riyadh"], "2015-07-22"),
    prof("b2", ["مباراه", "هلال", "نصر", "هدف"], ["organization/hilal"], "2015-07-22"),
    prof("a3", ["قمه", "رياض", "بيان"], ["person/salman", "place/riyadh"], "2015-07-23", lang="ar"),
    prof("c1", ["зерно", "экспорт"], ["country/RU"], "2015-07-23", lang="ru"),
]


def run(profiles, options=LinkOptions()):
    return link_profiles(options, MODEL, profiles, UNDATED)


def test_articles_of_one_happening_share_an_event_and_others_open_their_own():
    links = run(STREAM)
    event = {a: l.event for a, l in links.items()}
    assert event["a1"] == event["a2"] == event["a3"] == "ev-a1"
    assert event["b1"] == event["b2"] == "ev-b1"
    assert event["c1"] == "ev-c1"
    joined = links["a3"]
    assert joined.linked_to in ("a1", "a2") and joined.score >= MODEL.threshold
    assert joined.features["lexical"] > 0 and joined.weights == MODEL.weights
    assert links["a1"].linked_to is None


def test_the_order_articles_are_given_in_does_not_matter():
    first = run(STREAM)
    assert run(list(reversed(STREAM))) == first
    assert run(STREAM[3:] + STREAM[:3]) == first


def test_an_event_is_named_after_its_earliest_article_whichever_came_first():
    late_first = [prof("z1", ["قمه", "رياض", "خليج"], ["person/salman"], "2015-07-22"),
                  prof("y1", ["قمه", "رياض", "خليج"], ["person/salman"], "2015-07-21")]
    assert {l.event for l in run(late_first).values()} == {"ev-y1"}


def test_an_article_outside_the_window_opens_a_new_event():
    late = prof("a9", ["قمه", "رياض", "خليج"], ["person/salman", "place/riyadh"], "2015-09-01")
    assert run(STREAM + [late])["a9"].event == "ev-a9"


def test_an_event_spans_at_most_one_window_from_its_first_day():
    options = LinkOptions(window_days=2)
    chain = [prof(f"d{i}", ["قمه", "رياض", "خليج"], ["person/salman"], f"2015-07-{21 + i}") for i in range(5)]
    events = {a: l.event for a, l in run(chain, options).items()}
    assert events["d0"] == events["d1"] == events["d2"] == "ev-d0"
    assert events["d3"] == "ev-d3"  # three days after ev-d0 began: a new event (the story goes on)


def test_articles_must_come_in_their_archive_order():
    linker = Linker(LinkOptions(), MODEL)
    linker.link(Place(10, "", "b"), prof("b", ["x"]))
    with pytest.raises(ValueError, match="archive order"):
        linker.link(Place(10, "", "a"), prof("a", ["x"]))


def test_replaying_stored_decisions_then_deciding_gives_what_deciding_everything_gives():
    placed = sorted((Place.of(p, UNDATED), p) for p in STREAM)
    whole = Linker(LinkOptions(), MODEL)
    links = [whole.link(place, p) for place, p in placed]
    for cut in range(len(placed)):
        resumed = Linker(LinkOptions(), MODEL)
        for (place, p), link in zip(placed[:cut], links[:cut]):
            resumed.replay(place, p, link.event, link.copy_of)
        assert [resumed.link(place, p) for place, p in placed[cut:]] == links[cut:]


def test_a_day_is_weighed_by_the_days_before_it_whatever_order_they_were_counted_in():
    days = {d: [prof(f"{d}-{i}", [f"w{d % 3}", f"v{i}"], [f"person/p{d % 2}"]) for i in range(3)] for d in range(1, 8)}
    window = FrequencyWindow(3)
    for d in range(1, 8):
        got = window.for_day(d)
        expected = Frequencies()
        for earlier in range(max(1, d - 3), d):
            for p in days[earlier]:
                expected.add_profile(p)
        assert (got.articles, got.entities, got.terms) == (expected.articles, expected.entities, expected.terms)
        for p in days[d]:
            window.add(d, p)
    with pytest.raises(ValueError):
        window.add(2, days[2][0])


def test_a_young_archive_weighs_a_day_by_its_own_articles_too():
    own = Frequencies()
    own.add_profile(prof("x", ["w"]))
    window = FrequencyWindow(3, min_articles=10)
    assert window.for_day(5, lambda d: own).articles == 1
    assert FrequencyWindow(3, min_articles=0).for_day(5, lambda d: own).articles == 0


def test_of_the_events_naming_an_entity_the_most_recent_are_story_candidates():
    freq = Frequencies()

    def event(i, terms):
        c = Cluster.of(prof(f"s{i}", terms, entities=["country/SA"]))
        return StoryEvent(f"ev-s{i}", f"{i:05d}", 1, False, c)

    older = {f"ev-s{i}": event(i, [f"w{i}"]) for i in range(MAX_STORY_POSTING + 1)}
    new = event(99999, ["w0"])

    def candidates(entity):  # what the store gives: the most recent first, at most MAX_STORY_POSTING
        return sorted(older, key=lambda e: older[e].place, reverse=True)[:MAX_STORY_POSTING]

    # the country alone is not enough (0.7 < 0.9); s0 shares the country and its word with the
    # new event, but 256 events named the country since
    assert story_parent(new, ["country/SA"], candidates, older.__getitem__, freq, 0.9) is None
    parent = story_parent(new, ["country/SA"], lambda e: ["ev-s0"], older.__getitem__, freq, 0.9)
    assert parent is not None and parent[0] == "ev-s0"


def test_the_cross_language_submodel_judges_by_its_own_threshold():
    ar = prof("a1", ["قمه"], ["person/salman", "place/riyadh"])
    ru = prof("r1", ["саммит"], ["person/salman", "place/riyadh"], lang="ru")
    cross = {"bias": -2.0, "weights": {"entities": 3.0}}  # shared entities alone: 0.73
    strict = LinkModel(bias=-3.0, weights={"lexical": 4.0}, threshold=0.9, cross_language=cross)
    assert run_with(strict, [ar, ru])["r1"].event == "ev-r1"
    lenient = LinkModel(bias=-3.0, weights={"lexical": 4.0}, threshold=0.9, cross_language={**cross, "threshold": 0.5})
    assert run_with(lenient, [ar, ru])["r1"].event == "ev-a1"
    assert LinkModel.from_dict(lenient.as_dict()) == lenient
    with pytest.raises(ValueError, match="cross-language threshold"):
        LinkModel(bias=0.0, weights={}, cross_language={**cross, "threshold": 1.5})


def run_with(model, profiles):
    return link_profiles(LinkOptions(), model, profiles, UNDATED)


def test_the_cross_language_threshold_is_the_best_f1_that_keeps_precision():
    from akhbar.link.train_cross import chosen_threshold

    cv = {0.3: {"precision": 0.89, "f1": 0.88}, 0.5: {"precision": 0.95, "f1": 0.86},
          0.6: {"precision": 0.972, "f1": 0.85}, 0.7: {"precision": 1.0, "f1": 0.83}}
    assert chosen_threshold(cv) == 0.6
    assert chosen_threshold({0.3: {"precision": 0.8, "f1": 0.9}, 0.5: {"precision": 0.9, "f1": 0.8}}) == 0.5
