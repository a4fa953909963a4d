"""Lists of other stories taken for body (`warta.classify.cards`): teaser cards, kickers, headline strips."""

from warta.classify.labels import label_blocks
from warta.lexicon import load_lexicon
from warta.model import Block, Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def test_teaser_cards_with_timestamps_after_the_article_are_related(article, confident_labels):
    cards = "".join(
        f"{title}\n{teaser}\n{stamp}\n"
        for title, teaser, stamp in (
            (
                "Why farmers may paint their cows with stripes",
                "Some thought it was a joke, but it works.",
                "32M ago",
            ),
            (
                "Two troops killed in helicopter crash",
                "Officials dismiss claims the craft was shot down.",
                "updated 2H ago",
            ),
            ("Woman risks her life to save a koala", "Hundreds of homes have burned this week.", "14H ago"),
        )
    )
    labels = confident_labels(article + cards)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]


def test_headlines_with_cut_short_excerpts_are_related(article, confident_labels):
    cards = "".join(
        f"Headline number {n} about the city budget\nNEW DELHI: The ministry said on Wednesday that the plan...\n"
        for n in range(3)
    )
    labels = confident_labels(cards + article)
    assert Label.BODY not in labels[:6]
    assert labels[6:] == [Label.BODY, Label.BODY]


def test_dated_entries_holding_the_longest_paragraph_stay_body():
    entries = "".join(
        f"Release {n} brings faster sync\n{'Sync is faster and uses less memory on large projects. ' * (2 + n)}\n"
        f"March {n + 3}, 2026\n"
        for n in range(4)
    )
    blocks = segment_text(entries)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert all(labels[i] is Label.BODY for i in range(len(blocks)) if not blocks[i].text.startswith("March"))


def test_headline_strip_above_the_article_is_related(article):
    headlines = [
        "Ferris wheel becomes giant Christmas lantern",
        "Walmart boss says the chain could go away",
        "Amateur fighter dies after a brain injury",
        "Lowe's policies leave workers on eggshells",
        "Europe's richest man to spend on a store",
    ]
    blocks = segment_text("\n".join(headlines) + "\n" + article)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels == [Label.RELATED] * 5 + [Label.BODY, Label.BODY]
    # The same lines between two paragraphs are the article's own list.
    blocks = segment_text(article + "\n".join(headlines) + "\n" + article)
    assert set(label_blocks(blocks, [0.9] * len(blocks), LEX)) == {Label.BODY}


def test_bullet_points_a_short_line_introduces_are_the_article_not_a_strip(article):
    # Short opening lines (no paragraph long enough to be the article's first yet), then a line
    # ending with a colon over five unfinished points: the article's own list, not other stories.
    points = [
        "Lots of companies use mainstream languages",
        "Lots of jobs are available in them",
        "Lots of projects are built in them by the people who know them",
        "Lots of people learn them as they can make money",
        "New companies are built in these languages",
    ]
    text = "Big languages have a virtuous cycle\nThe basic premise is:\n" + "\n".join(points) + "\n" + article
    blocks = segment_text(text)
    assert set(label_blocks(blocks, [0.9] * len(blocks), LEX)) == {Label.BODY}


def test_a_headline_run_longer_than_the_body_under_it_is_the_article() -> None:
    """A calendar of short dated lines above a sidebar blurb is the article, not a top-stories strip."""
    from warta.lexicon import load_lexicon

    lex = load_lexicon()
    entries = [f"Etapa {n}: {n} de maio de 2018 em Interlagos" for n in range(1, 9)]
    blurb = (
        "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da Fórmula 1, "
        "com todos os resultados e os comentários do nosso colunista sobre a disputa."
    )
    texts = ["Calendário da Stock Car 2018", *entries, blurb]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    labels = label_blocks(blocks, [0.9] * len(blocks), lex)
    assert all(label is Label.BODY for label in labels[1:9])


def test_short_lines_under_a_calendar_do_not_outweigh_it() -> None:
    """Only paragraphs under the strip count as the article: short lines (tags, a link, a notice
    label) adding up to more text than the calendar do not make it a top-stories strip."""
    from warta.lexicon import load_lexicon

    lex = load_lexicon()
    entries = [f"Etapa {n}: {n} de maio de 2018 em Interlagos" for n in range(1, 9)]
    blurb = (
        "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da Fórmula 1, "
        "com todos os resultados e os comentários do nosso colunista sobre a disputa."
    )
    short = [
        f"Stock Car em {city}, etapa de abertura" for city in ("Curitiba", "Londrina", "Cascavel", "Tarumã")
    ]
    texts = ["Calendário da Stock Car 2018", *entries, blurb, *short]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    assert sum(map(len, [blurb, *short])) > sum(map(len, entries))
    labels = label_blocks(blocks, [0.9] * len(blocks), lex)
    assert all(label is Label.BODY for label in labels[1:9])


def test_story_cards_with_a_full_opening_paragraph_after_the_article_are_related(article, confident_labels):
    # "Headline / Author / date / opening paragraph": each card's paragraph is longer than a
    # short teaser, one of them longer than any paragraph of the article above.
    opening = (
        "The committee met again this week to weigh the plan, and members said they expect a vote soon. "
    )
    cards = "".join(
        f"{title}\n{author}\nTuesday November {day}, 2019\n{opening * reps}\n"
        for title, author, day, reps in (
            ("Why the new budget plan is a bust", "Jane Roe", 19, 4),
            ("The town that rebuilt its harbour", "John Doe", 18, 5),
            ("What the election debate got wrong", "Ann Smith", 18, 4),
        )
    )
    labels = confident_labels(article * 3 + cards)
    assert labels[:6] == [Label.BODY] * 6
    assert Label.BODY not in labels[6:]


def test_headlines_with_teasers_right_under_a_header_do_not_resume_the_article(article):
    cards = (
        "Top stories\n"
        "Town votes to rebuild the old harbour wall\nThe council approved the plan on Tuesday night.\n"
        "Local bakery wins a national prize\nIts rye loaf beat two hundred others.\n"
        "New bus line links the two valleys\nService starts next month, the operator said.\n"
    )
    blocks = segment_text(article + cards)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.8] * 6, LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]
    # The article going on after the list (a subheading, then paragraphs) is body again.
    more = "What the new plan means\nThe bridge will reopen in spring.\nDrivers welcomed the news on Wednesday.\n"
    blocks = segment_text(article + cards + more)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.8] * 9, LEX)
    assert Label.BODY not in labels[2:9]
    assert labels[9:] == [Label.BODY] * 3


def test_cut_excerpts_above_the_article_are_related_unless_nothing_longer_follows(article, confident_labels):
    # A ticker of "Headline CITY: excerpt..." lines, the headline joined onto the excerpt.
    ticker = "".join(
        f"Story {n} on the city budget LONDON: The ministry said on Wednesday that the plan would go ahead...\n"
        for n in range(3)
    )
    blocks = segment_text(ticker + article)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels == [Label.RELATED] * 3 + [Label.BODY] * 2
    # A listing whose paragraphs below are all shorter than its excerpts: kept.
    long_ticker = ticker.replace(
        "would go ahead", "would go ahead, and " + "that the work would start in spring " * 4
    )
    closing = (
        "The list is updated every week with the reviews our readers sent in, and it closes on Friday." * 2
    )
    labels = confident_labels(long_ticker + closing)
    assert labels == [Label.BODY] * 4


def test_a_story_card_whose_headline_is_split_at_its_links_keeps_the_run_going(article, confident_labels):
    # "Headline / Author / date / paragraph" cards; one headline split into short lines
    # ("What made / Joker / so popular?") with no line of a headline's shape left.
    opening = (
        "The committee met again this week to weigh the plan, and members said they expect a vote soon. "
    )
    cards = (
        "Why the new budget plan is a bust\nJane Roe\nTuesday November 19, 2019\n" + opening * 2 + "\n"
        "What made\nJoker\nso popular?\nJohn Doe\nTuesday November 18, 2019\n" + opening * 2 + "\n"
        "What the election debate got wrong\nAnn Smith\nTuesday November 18, 2019\n" + opening * 2 + "\n"
        "The town that rebuilt its harbour\nBen Stone\nTuesday November 17, 2019\n" + opening * 2 + "\n"
    )
    labels = confident_labels(article * 3 + cards)
    assert labels[:6] == [Label.BODY] * 6
    assert Label.BODY not in labels[6:]


def test_headlines_right_above_a_box_link_are_its_list(article):
    # An inline box with its link to the section at the bottom ("More in Politics").
    text = (
        article + "Watch live: the mayor testifies about the bridge at a hearing\n"
        "Key moments from the council's first hearing on the repairs\n"
        "Drivers say the detour adds twenty minutes to the commute\n"
        "More in Politics\n" + article * 2
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.8, 0.8, 0.8, 0.3] + [0.9] * 4, LEX)
    assert labels[2:6] == [Label.RELATED] * 4
    assert labels[:2] + labels[6:] == [Label.BODY] * 6


def test_cards_with_a_kicker_in_capitals_over_each_headline_are_related(article, confident_labels):
    cards = (
        "RIVER WATCH\nFloods close the old ferry for the winter\n"
        "TOWN HALL\nMayor promises a vote on the harbour plan\n"
        "SPORTS ROUNDUP\nLocal club wins the regional cup again\n"
    )
    blocks = segment_text(article * 2 + cards)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels[:4] == [Label.BODY] * 4
    assert Label.BODY not in labels[4:]
    # The same label over every headline is a button ("BUY NOW"), not a kicker: kept.
    buttons = "".join(f"BUY NOW\nThe {name} card for small cases\n" for name in ("Mini", "Compact", "Slim"))
    labels = confident_labels(article * 2 + buttons)
    assert Label.RELATED not in labels


def test_teaser_list_whose_first_headline_the_model_doubted_is_the_box(article):
    text = (
        "Latest Headlines\n"
        "Bakery Closes After Forty Years On Main Street\n"
        "The owners said rising rents left them no choice.\n"
        "Council Approves New Bike Lanes Downtown\n"
        "Work on the first stretch starts in the spring.\n"
        "Storm Knocks Out Power To Thousands Overnight\n"
        "Crews expect to restore most lines by noon.\n"
        "Weather\n"
    ) + article
    blocks = segment_text(text)
    probs = [0.1, 0.2] + [0.9] * 5 + [0.1, 0.9, 0.9]
    labels = label_blocks(blocks, probs, LEX)
    assert labels[:7] == [Label.RELATED] * 7


def _live_blog() -> str:
    """An HTML live blog: a lead, then updates of a time in capitals, a heading and a paragraph."""
    updates = "".join(
        f'<div class="post"><div class="time">{stamp}</div><h3>' + title + f"</h3><p>{text}</p></div>"
        for stamp, title, text in (
            (
                (
                    "12:15 GMT",
                    "Coastal road closed at Saltby",
                    "Police have closed the coast road after waves threw debris onto it.",
                ),
                (
                    "10:40 GMT",
                    "All trains cancelled for the day",
                    "The rail operator has cancelled every service on the line until tomorrow.",
                ),
                (
                    "08:20 GMT",
                    "Schools closed in two towns",
                    "The council says fourteen schools will stay closed today because of the wind.",
                ),
                (
                    "07:05 GMT",
                    "Amber warning comes into force",
                    "The warning for wind came into force at seven, forecasters said this morning.",
                ),
            )
        )
    )
    lead = ARTICLE_HTML
    return f'<html><body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav><main><h1>Storm live</h1>{lead}{updates}</main></body></html>'


ARTICLE_HTML = (
    "<p>The storm brought gusts of up to ninety miles an hour to the coast overnight, and the weather "
    "service has kept its warning in force until midnight as the worst of the wind passes.</p>"
    "<p>Thousands of homes lost power, and engineers say they cannot repair the lines until it drops.</p>"
)


def test_a_live_blog_s_time_stamps_are_no_kickers():
    import warta

    # '12:15 GMT' in capitals over each update's heading: a time stamp, not a teaser card's kicker.
    body = [p.text for p in warta.extract(_live_blog(), url="https://news.example/live").body]
    assert "Schools closed in two towns" in body and "Amber warning comes into force" in body
    assert not any(text.endswith("GMT") for text in body)
