"""Discussions (a forum thread, a Q&A page: the markup says so) are read whole: the body is the
opening post and the replies in reading order, `comments` stays the structured list, and the
page type says "discussion". An article with a comment section stays an article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from warta import extract
from warta.assemble.page_content import discussion_content, is_beside_posts
from warta.corpus.export import ExportFormat, export
from warta.corpus.store import Store
from warta.meta.page import PageMetadata
from warta.model import Article, Block, BlockStructure, BodyPart, Label, Page
from warta.pipeline import Extractor
from warta.run.ingest import IngestOptions, ingest
from warta.run.worker import PageWorker
from warta.schema import article_schema

# A forum thread (XenForo-like) whose JSON-LD declares a DiscussionForumPosting; it calls the
# thread an Article as well, which must not make it one.
_THREAD_POSTS = (
    (
        "river_fan42",
        "I commute from Northbank to the old market every weekday and I am tired of the traffic on"
        " the ring road. Is the cycle path across the harbour bridge open again after the repairs,"
        " and which side of the bridge is quicker in the morning?",
    ),
    (
        "budi.sk8",
        "The path reopened in February. Take the east side: the west side still has the narrow"
        " section by the lifting span, and you have to walk your bike for a hundred metres there.",
    ),
    (
        "harbour_helen",
        "Agree with the east side. Leave before half past seven if you can, because after that the"
        " school groups fill the ramp at the market end and it gets slow for ten minutes or so.",
    ),
    (
        "river_fan42",
        "Thanks both, I tried the east side this morning and it took eighteen minutes door to door,"
        " which beats the bus by a quarter of an hour. I will leave earlier tomorrow as suggested.",
    ),
)
_THREAD_TITLE = "Best route to cycle across the harbour bridge?"
_SIMILAR_THREADS = ("Winter tyres for the canal towpath", "Where to lock a bike near the old market")


def _thread_page() -> str:
    jsonld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "DiscussionForumPosting",
                "headline": _THREAD_TITLE,
                "author": {"@type": "Person", "name": _THREAD_POSTS[0][0]},
                "datePublished": "2025-03-02T09:15:00+00:00",
            },
            {"@type": "Article", "headline": _THREAD_TITLE},
        ],
    }
    posts = "".join(
        f"<article class='message message--post'><div class='message-user'><h4 class='message-name'>"
        f"<a href='/members/{name}'>{name}</a></h4><h5 class='userTitle'>Member</h5></div>"
        f"<div class='message-main'><header class='message-attribution'><time datetime='2025-03-0{i + 2}'>"
        f"Mar {i + 2}, 2025</time><a href='#post-{i}'>#{i + 1}</a></header>"
        f"<div class='message-body'><div class='bbWrapper'>{text}</div></div>"
        f"<footer class='message-footer'><a href='/like/{i}'>Like</a> <a href='/reply/{i}'>Reply</a>"
        f"</footer></div></article>"
        for i, (name, text) in enumerate(_THREAD_POSTS)
    )
    similar = "".join(
        f"<li><a href='/threads/{i}'>{title}</a></li>" for i, title in enumerate(_SIMILAR_THREADS)
    )
    return (
        f"<html lang='en'><head><title>{_THREAD_TITLE} | Rivertown Cyclists</title>"
        f"<script type='application/ld+json'>{json.dumps(jsonld)}</script></head><body>"
        "<header><nav><a href='/'>Forums</a> <a href='/whats-new'>What's new</a>"
        " <a href='/members'>Members</a> <a href='/login'>Log in</a></nav></header>"
        f"<main><div class='p-body'><h1 class='p-title'>{_THREAD_TITLE}</h1>"
        f"<div class='block-body'>{posts}</div>"
        "<div class='block-outer'>You must log in or register to reply here.</div></div></main>"
        f"<aside><h3>Similar threads</h3><ul>{similar}</ul></aside>"
        "<footer><p>Rivertown Cyclists community forum. Terms and rules. Privacy policy.</p></footer>"
        "</body></html>"
    )


# A Q&A page (Stack Exchange-like) that says so in microdata only: the <html> element is a QAPage
# item; the question and its answers are items inside it.
_QUESTION = (
    "My tomato leaves turn yellow from the bottom up although I water the bed every evening."
    " The plants are in raised beds with bought compost. What is going wrong, and can I save them?"
)
_ANSWERS = (
    "Yellowing from the bottom up is usually nitrogen hunger: bought compost runs out after a few"
    " weeks. Feed them a liquid tomato fertiliser every ten days and the new leaves will stay green.",
    "Watering every evening keeps the lower leaves wet overnight, which invites early blight. Water"
    " in the morning at the base of the plant and remove the yellow leaves so that the spores cannot spread.",
)


def _qa_page() -> str:
    answers = "".join(
        "<div class='answer' itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
        f"<div class='votes'>{12 - 5 * i}</div><div class='post-text' itemprop='text'><p>{text}</p></div>"
        f"<div class='post-signature'>answered Jun {4 + i}, 2025 by gardener_{i}</div></div>"
        for i, text in enumerate(_ANSWERS)
    )
    return (
        "<html lang='en' itemscope itemtype='https://schema.org/QAPage'><head>"
        "<title>Why are my tomato leaves turning yellow? - Ask Gardeners</title></head><body>"
        "<header><nav><a href='/questions'>Questions</a> <a href='/tags'>Tags</a>"
        " <a href='/users'>Users</a></nav></header><div id='content'>"
        "<h1 itemprop='name'>Why are my tomato leaves turning yellow?</h1>"
        "<div class='question' itemprop='mainEntity' itemscope itemtype='https://schema.org/Question'>"
        f"<div class='votes'>7</div><div class='post-text' itemprop='text'><p>{_QUESTION}</p></div>"
        "<div class='post-signature'>asked Jun 3, 2025 by rose_grower</div></div>"
        f"<h2>2 Answers</h2>{answers}</div>"
        "<aside class='sidebar'><h4>Related</h4><ul><li><a href='/q/1'>Blossom end rot on peppers</a></li>"
        "<li><a href='/q/2'>When to pinch out tomato side shoots</a></li></ul></aside>"
        "<footer><p>Ask Gardeners is a question and answer site for gardeners.</p></footer></body></html>"
    )


# A news article with a comment section marked up as schema.org Comments inside the article item.
_STORY = (
    "The city council on Tuesday approved a protected cycle lane across the harbour bridge, ending"
    " two years of debate over the crossing between Northbank and the old market.",
    "The lane will take one of the four traffic lanes on the east side of the bridge, separated from"
    " cars by a concrete kerb, and is due to open before the end of the summer.",
    "Councillor Maya Lindqvist said the vote followed a six-month trial in which the number of people"
    " cycling across the bridge doubled while car journeys took on average one minute longer.",
    "Business owners at the market end had opposed the plan, arguing that delivery vans would be"
    " delayed; the council agreed to add two loading bays on Harbour Street as a compromise.",
    "Work on the kerb and new traffic lights is expected to cost 1.2 million and will be paid for"
    " from the regional transport fund, the council said in a statement.",
)
_STORY_COMMENTS = (
    ("Tom Baker", "About time. I have cycled this bridge for ten years and the trial made it so much safer."),
    ("Priya Nair", "Two loading bays will not be enough for the market on a Saturday morning, in my view."),
)


def _news_page() -> str:
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves harbour bridge cycle lane",
        "datePublished": "2025-05-13T10:00:00+00:00",
        "author": {"@type": "Person", "name": "Sam Whitfield"},
    }
    body = "".join(f"<p>{text}</p>" for text in _STORY)
    comments = "".join(
        "<li class='comment' itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
        f"<div class='comment-author' itemprop='author'>{name}</div>"
        f"<div class='comment-meta'><time datetime='2025-05-13'>May 13, 2025</time></div>"
        f"<div class='comment-content' itemprop='text'><p>{text}</p></div></li>"
        for name, text in _STORY_COMMENTS
    )
    return (
        "<html lang='en'><head><title>Council approves harbour bridge cycle lane | Rivertown Post</title>"
        f"<script type='application/ld+json'>{json.dumps(jsonld)}</script></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
        "<main><article itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>Council approves harbour bridge cycle lane</h1>"
        "<p class='byline'>By Sam Whitfield</p>"
        f"<div class='entry-content' itemprop='articleBody'>{body}</div>"
        f"<section id='comments' class='comments-area'><h2 class='comments-title'>2 thoughts on"
        f" &ldquo;Council approves harbour bridge cycle lane&rdquo;</h2><ol class='comment-list'>{comments}</ol>"
        "<div id='respond'><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>"
        "</section></article></main>"
        "<footer><p>&copy; 2025 Rivertown Post</p></footer></body></html>"
    )


def _in_order(text: str, parts: list[str]) -> bool:
    at = [text.find(part) for part in parts]
    return -1 not in at and at == sorted(at)


def test_a_forum_thread_is_read_whole_as_a_discussion() -> None:
    article = extract(_thread_page(), url="https://cyclists.example/threads/harbour-bridge.42/")
    assert article.page_type == "discussion"  # (its JSON-LD Article type does not make it an article)
    assert _in_order(article.text, [text for _, text in _THREAD_POSTS])  # the opening post and every reply
    for template in ("What's new", "Similar threads", *_SIMILAR_THREADS, "Privacy policy"):
        assert template not in article.text
    assert not [w for w in article.warnings if "main content" in w]
    jsonschema.validate(article.to_dict(), article_schema())


def test_a_qa_page_declared_in_microdata_holds_the_question_and_its_answers() -> None:
    article = extract(_qa_page(), url="https://gardeners.example/questions/77/tomato-leaves")
    assert article.page_type == "discussion"
    assert _in_order(article.text, [_QUESTION, *_ANSWERS])
    for template in ("Blossom end rot", "pinch out", "question and answer site"):
        assert template not in article.text


def test_an_article_with_comment_markup_stays_an_article_with_its_comments_apart() -> None:
    article = extract(_news_page(), url="https://post.example/news/2025/05/13/harbour-bridge-cycle-lane")
    assert article.page_type == "article"
    assert [part.text for part in article.body] == list(_STORY)
    assert [(c.author, c.text) for c in article.comments] == list(_STORY_COMMENTS)


def _block(index: int, text: str, regions: tuple[str, ...] = ("main",)) -> Block:
    return Block(index, text, BlockStructure(class_tokens=regions))


_LONG_OTHER = "I had the same problem last spring and a liquid feed every ten days fixed it for good."


def _thread_blocks() -> tuple[list[Block], list[Label]]:
    """A thread as the classifier may leave it: the opening post in the body, one reply taken for
    comments, one for other text, the posters' names and buttons as other text."""
    rows = [
        ("Forums", Label.NAV, ("header", "nav")),
        (_THREAD_TITLE, Label.TITLE, ("main",)),
        ("river_fan42", Label.OTHER, ("main",)),
        (_THREAD_POSTS[0][1], Label.BODY, ("main",)),
        ("Like Reply", Label.OTHER, ("main",)),
        ("budi.sk8", Label.COMMENTS, ("main",)),
        (_THREAD_POSTS[1][1], Label.COMMENTS, ("main",)),
        ("harbour_helen", Label.OTHER, ("main",)),
        (_LONG_OTHER, Label.OTHER, ("main",)),
        (_SIMILAR_THREADS[0], Label.RELATED, ("main",)),
        ("Top threads this week", Label.SIDEBAR, ("main",)),
        ("Privacy policy", Label.FOOTER, ("footer",)),
    ]
    blocks = [_block(i, text, regions) for i, (text, _, regions) in enumerate(rows)]
    return blocks, [label for _, label, _ in rows]


def test_a_discussion_keeps_its_posts_and_drops_the_lines_beside_them() -> None:
    blocks, labels = _thread_blocks()
    texts = [part.text for part in discussion_content(blocks, labels)]
    # (A poster's name the classifier took for a comment's stays, joined as a body joins a fragment
    # to the paragraph after it.)
    assert texts == [_THREAD_POSTS[0][1], f"budi.sk8 {_THREAD_POSTS[1][1]}", _LONG_OTHER]
    assert is_beside_posts(blocks[4], Label.OTHER) and not is_beside_posts(blocks[8], Label.OTHER)


@pytest.mark.parametrize("article_type", [None, "newsarticle", "webpage"])
def test_a_page_declared_a_discussion_is_one_whatever_its_article_type(article_type: str | None) -> None:
    blocks, labels = _thread_blocks()
    metadata = PageMetadata(
        article_type=article_type, discussion_type="discussionforumposting", titles=[(_THREAD_TITLE, "title")]
    )
    page = Page(content="", kind="html", url="https://cyclists.example/threads/harbour-bridge.42/")
    article = Extractor().assemble(blocks, list(labels), metadata, page, "html")
    assert article.page_type == "discussion"
    assert article.to_dict()["page_type"] == "discussion"
    assert _LONG_OTHER in article.text and _SIMILAR_THREADS[0] not in article.text
    assert [c.text for c in article.comments] == [_THREAD_POSTS[1][1]]  # (the structured list, as before)


def test_flattened_text_is_never_a_discussion() -> None:
    blocks, labels = _thread_blocks()
    metadata = PageMetadata(discussion_type="qapage")
    page = Page(content="", kind="text")
    assert Extractor().assemble(blocks, list(labels), metadata, page, "text").page_type == "article"


def _stub_worker(all_pages: bool) -> PageWorker:
    worker = PageWorker(all_pages=all_pages)
    found = Article(
        title=_THREAD_TITLE, body=[BodyPart("paragraph", _THREAD_POSTS[0][1], 3)], page_type="discussion"
    )

    def extract_page(page: Page, boilerplate: object, on_blocks: object) -> Article:
        on_blocks([])  # type: ignore[operator]
        return found

    worker.extractor.extract_page = extract_page  # type: ignore[method-assign]
    return worker


def test_ingest_leaves_discussions_out_unless_asked() -> None:
    page = Page(content="<p>x</p>", kind="html", source="thread.html")
    outcome = _stub_worker(all_pages=False).run(page, (), 1)
    assert (outcome.status, outcome.reason) == (
        "skipped",
        "no article found (a discussion: a forum thread or Q&A page)",
    )
    kept = _stub_worker(all_pages=True).run(page, (), 1)
    assert kept.status == "ok" and kept.article is not None and kept.article.data["page_type"] == "discussion"


def test_a_discussion_stored_with_all_pages_exports_its_page_type(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "thread.html").write_text(_thread_page(), encoding="utf-8")
    report = ingest(Store.open(tmp_path / "news.db"), [str(tmp_path / "pages")], IngestOptions(workers=1))
    assert report.ingested == 0 and sum(report.skipped.values()) == 1
    store = Store.open(tmp_path / "all.db")
    assert ingest(store, [str(tmp_path / "pages")], IngestOptions(workers=1, all_pages=True)).ingested == 1
    out = io.StringIO()
    assert export(store, out, ExportFormat.csv) == 1
    assert [row["page_type"] for row in csv.DictReader(io.StringIO(out.getvalue()))] == ["discussion"]
