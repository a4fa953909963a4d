"""An e-mail forwarding an article: the forwarded message is the article, its subject the title."""

import warta
from warta.segment.mailforward import ForwardHeader, forwarded_message

_NOTE = (
    "Fwd: Bridge repairs close Harbour Road for a month\n\n"
    "Worth a look before the committee meets.\n\nSam\n--\nSam Porter\nTown Clerk\n01632 960 111\n\n"
)
_HEADER = (
    "---------- Forwarded message ---------\n"
    "From: Lowmoor Gazette <news@lowmoorgazette.example>\n"
    "Date: Fri, 7 Mar 2025 at 06:30\n"
    "Subject: Re: Bridge repairs close Harbour Road for a month\n"
    "To: <sam@lowmoor.example>\n\n"
)
_ARTICLE = (
    "Bridge repairs close Harbour Road for a month\n\n"
    "By Erin Walsh\nFriday 7 March 2025\n\n"
    "Harbour Road will close for four weeks from Monday while engineers replace the deck of the swing "
    "bridge over the inner basin, the county council said.\n\n"
    "Buses will be diverted along Quay Street, and a temporary footbridge will open for pedestrians "
    "on Wednesday once its handrails have been checked.\n\n"
    "Read more: Swing bridge stuck open for third time <https://lowmoorgazette.example/news/swing-bridge-stuck>\n\n"
    "The council said the work had been planned for the quietest weeks of the year for the harbour, "
    "before the sailing season begins in April.\n"
)


def test_the_forwarded_message_is_read_under_its_header() -> None:
    text, header = forwarded_message(_NOTE + _HEADER + _ARTICLE)
    assert header == ForwardHeader(title="Bridge repairs close Harbour Road for a month", linked=True)
    assert text.startswith("Bridge repairs close Harbour Road for a month\n")
    assert "Sam Porter" not in text
    assert "Read more: [Swing bridge stuck open for third time](https://lowmoorgazette.example/" in text


def test_a_forwarded_article_reads_as_the_article() -> None:
    article = warta.extract(_NOTE + _HEADER + _ARTICLE, kind="text")
    assert article.title == "Bridge repairs close Harbour Road for a month"
    assert [p.name for p in article.authors] == ["Erin Walsh"]
    assert article.published is not None and article.published.iso().startswith("2025-03-07")
    assert article.body[0].text.startswith("Harbour Road will close for four weeks")
    assert "Sam Porter" not in article.text and "Worth a look" not in article.text
    assert [item.url for item in article.read_also] == [
        "https://lowmoorgazette.example/news/swing-bridge-stuck"
    ]


def test_a_page_without_a_forward_header_is_left_as_it_is() -> None:
    for text in (_ARTICLE, "---------- Forwarded message ---------\nNo header here.\n" + _ARTICLE):
        assert forwarded_message(text) == (text, None)
