"""The online linker: events, merges, stories, and the same result in one batch or day by day."""

from __future__ import annotations

from akhbar.link import Linker, LinkModel
from akhbar.link.events import LinkSnapshot
from akhbar.options import LinkOptions
from akhbar.records import LinkProfile

# A transparent model for the mechanics: shared words and entities decide.
MODEL = LinkModel(bias=-3.0, weights={"lexical": 4.0, "entities": 3.0, "date": 1.0}, threshold=0.5, merge_threshold=0.8)


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


def run(profiles, linker=None):
    linker = linker or Linker(LinkOptions(), MODEL)
    return linker, [linker.link(p) for p in profiles]


def test_articles_of_one_happening_share_an_event_and_others_open_their_own():
    _, links = run(STREAM)
    event = {l.article: l.event for l in links}
    assert event["a1"] == event["a2"] == event["a3"] == "ev-a1"
    assert event["b1"] == event["b2"] == "ev-b1"
    assert event["c1"] == "ev-c1"
    joined = {l.article: l for l in links}["a3"]
    assert joined.linked_to in ("a1", "a2") and joined.score >= MODEL.threshold
    assert joined.features["lexical"] > 0 and joined.weights == MODEL.weights
    assert {l.article: l for l in links}["a1"].linked_to is None


def test_an_article_outside_the_window_opens_a_new_event():
    late = prof("a9", ["قمه", "رياض", "خليج"], ["person/salman", "place/riyadh"], "2015-09-01")
    _, links = run(STREAM + [late])
    assert links[-1].event == "ev-a9"


def test_a_bridging_article_merges_two_events_and_says_so():
    model = LinkModel(bias=-3.0, weights={"lexical": 4.0, "entities": 3.0}, threshold=0.5, merge_threshold=0.6)
    linker = Linker(LinkOptions(), model)
    left = prof("l1", ["انفجار", "مسجد"], ["place/qatif"])
    right = prof("r1", ["تفجير", "مصلين"], ["place/qatif", "organization/isis"])
    bridge = prof("x1", ["انفجار", "مسجد", "تفجير", "مصلين"], ["place/qatif", "organization/isis"])
    for p in (left, right):
        linker.link(p)
    link = linker.link(bridge)
    batch = linker.drain()
    assert len(batch.merges) == 1
    merge = batch.merges[0]
    assert {merge.absorbed, merge.into} == {"ev-l1", "ev-r1"} and merge.via == "x1"
    assert link.event == merge.into
    absorbed = next(e for e in batch.events if e["id"] == merge.absorbed)
    assert absorbed["merged_into"] == merge.into


def test_events_chain_into_stories_by_their_entities():
    linker, links = run(STREAM)
    batch = linker.drain()
    stories = {s["id"]: s for s in batch.stories}
    story_of = {e["id"]: e["story"] for e in batch.events}
    assert story_of["ev-a1"] != story_of["ev-b1"]
    assert all(s["label"] for s in stories.values())
    salman = stories[story_of["ev-a1"]]
    assert "salman" in salman["label"]


def snapshot_of(linker: Linker, batches) -> LinkSnapshot:
    """What the store would give back: the last state of each event and story written."""
    import json

    from akhbar.link import Frequencies

    events, stories, profiles, links, aliases, freq_rows = {}, {}, [], {}, {}, {}
    clock = None
    for b in batches:
        for l in b.links:
            links[l.article] = l
        for m in b.merges:
            aliases[m.absorbed] = m.into
        for e in b.events:
            events[e["id"]] = e
        for s in b.stories:
            stories[s["id"]] = s
        for article, c, text in b.profiles:
            profiles.append((article, c, LinkProfile.from_dict(json.loads(text))))
        freq_rows.update(dict(b.frequencies))
        clock = b.clock if b.clock is not None else clock
    return LinkSnapshot(
        clock=clock, frequencies=Frequencies.from_rows(freq_rows.items()),
        events=[(k, e["state"]) for k, e in events.items() if not e["merged_into"]],
        stories=[(k, s["state"]) for k, s in stories.items()],
        profiles=[(a, c, p, links[a].event, links[a].copy_of) for a, c, p in profiles],
        aliases=aliases,
    )


def test_restoring_the_stored_state_continues_as_if_the_run_had_not_stopped():
    whole, links_whole = run(STREAM)
    first = Linker(LinkOptions(), MODEL)
    batches = []
    for p in STREAM[:3]:
        first.link(p)
    batches.append(first.drain())
    second = Linker(LinkOptions(), MODEL)
    second.restore(snapshot_of(first, batches))
    links_split = [second.link(p) for p in STREAM[3:]]
    assert [(l.article, l.event, l.linked_to, l.score) for l in links_split] == \
        [(l.article, l.event, l.linked_to, l.score) for l in links_whole[3:]]


def test_of_the_stories_naming_an_entity_the_most_recently_named_are_candidates():
    from akhbar.link.frequencies import Frequencies
    from akhbar.link.stories import MAX_STORY_POSTING, StoryIndex

    index, freq = StoryIndex(threshold=0.9, window_days=730), Frequencies()
    for i in range(MAX_STORY_POSTING + 1):  # story s0 is the first to name country/SA
        p = prof(f"s{i}", [f"w{i}"], entities=["country/SA"])  # the country alone is not enough to join
        sid = index.assign(f"ev-s{i}", p, 1, freq, 5)
        index.add_article(sid, p, 1, freq)
    assert len(index.stories) == MAX_STORY_POSTING + 1
    # s0 shares the country and its words with the new event, but 256 stories named it since
    assert index.assign("ev-new", prof("new", ["w0"], entities=["country/SA"]), 1, freq, 5) == "st-new"
    index.add_article("st-s0", prof("later", ["w0"], entities=["country/SA"]), 2, freq)
    assert index.assign("ev-new2", prof("new2", ["w0"], entities=["country/SA"]), 2, freq, 5) == "st-s0"
