"""A newsletter e-mail's plain-text part (`warta.segment.newsletter`): its lead story is the article."""

import warta
from warta.segment.newsletter import newsletter_markdown

RULE = "-" * 60
EMAIL = f"""\
Plus: the bridge reopens
View this email in your browser (https://mail.example/view/1)

** THE HARBOUR POST
{RULE}
Monday 5 May 2025

** Council approves new sea wall for the old town
{RULE}
By Ines Moreau

Councillors approved a new sea wall for the old town on Sunday evening after two winters of flooding.

The wall will rise a metre above the current promenade and is expected to cost four million pounds.

"We cannot ask people to bail out their kitchens every January," said the council leader.

Work is due to start in September.

Read more: https://harbourpost.example/news/sea-wall

** Bridge reopens on Friday
{RULE}
The swing bridge reopens on Friday after repairs to its motor.

Read more: https://harbourpost.example/news/bridge

You can unsubscribe from this list (https://mail.example/unsub/1).
"""


def test_the_lead_story_is_the_article_and_the_other_stories_link_out() -> None:
    text = newsletter_markdown(EMAIL)
    assert text is not None
    assert "# Council approves new sea wall for the old town" in text
    assert "[Bridge reopens on Friday](https://harbourpost.example/news/bridge)" in text
    assert "https://harbourpost.example/news/sea-wall" not in text  # the lead's own full version
    assert "View this email" not in text and "Plus: the bridge" not in text
    assert "[You can unsubscribe from this list](https://mail.example/unsub/1)" in text


def test_a_page_with_one_starred_line_or_none_is_no_newsletter() -> None:
    assert newsletter_markdown("A page.\n** One starred line\n" + RULE + "\nText.") is None
    assert newsletter_markdown("An ordinary page.\nNo sections.") is None


def test_a_newsletter_reads_as_its_lead_story() -> None:
    article = warta.extract(EMAIL, kind="text")
    assert article.title == "Council approves new sea wall for the old town"
    assert [p.name for p in article.authors] == ["Ines Moreau"]
    assert article.body[0].text.startswith("Councillors approved a new sea wall")
    assert "View this email" not in article.text and "Read more" not in article.text
