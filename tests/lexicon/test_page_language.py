"""Lexicon entries for pages in one language only (a file's `[page_language]` table)."""

from importlib import resources
from typing import Any

import pytest

from warta.lexicon import (
    DEFAULT_LANGUAGES,
    PAGE_LANGUAGE_TABLE,
    language_of_tag,
    load_lexicon,
    normalise_marker,
    with_page_entries,
)
from warta.meta.page import PageMetadata
from warta.model import Block, Page
from warta.pipeline import Extractor, page_language
from warta.segment.text import segment_text

ITALIAN = (
    "Il consiglio comunale ha approvato ieri sera il nuovo piano per la mobilità urbana, che prevede"
    " tre linee di autobus elettrici. I lavori cominceranno in primavera e dureranno circa due anni,"
    " secondo quanto spiegato dall'assessore ai trasporti durante la seduta."
)
ENGLISH = (
    "The city council approved the new urban transport plan last night, with three electric bus"
    " lines. Work will begin in the spring and last about two years, the transport councillor told"
    " the meeting, and shops asked that the main streets stay open over the holidays."
)


def _page(lang: str | None) -> str:
    """A small article whose byline ('di …') and date ('12 set 2025') only Italian reads as such."""
    attr = f' lang="{lang}"' if lang else ""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in ITALIAN.split(". "))
    return (
        f"<html{attr}><head><title>Nuovo piano per la mobilità</title></head><body><article>"
        "<h1>Nuovo piano per la mobilità</h1><div>di Mario Rossi</div><div>12 set 2025</div>"
        f"{paragraphs}</article></body></html>"
    )


def test_page_entries_extend_lists_by_position_and_take_tables_and_values_over() -> None:
    data: dict[str, Any] = {
        "words": {"stop": ["il"]},
        "calendar": {"months": [["gennaio"], ["febbraio"]], "numbers": {"tre": 3}, "numeric_order": "mdy"},
        PAGE_LANGUAGE_TABLE: {
            "words": {"stop": ["per"]},
            "calendar": {"months": [["gen"], [], ["mar"]], "numbers": {"due": 2}, "numeric_order": "dmy"},
            "byline": {"author_prefix": ["di"]},
        },
    }
    merged = with_page_entries(data)
    assert merged["words"]["stop"] == ["il", "per"]
    assert merged["calendar"]["months"] == [["gennaio", "gen"], ["febbraio"], ["mar"]]
    assert merged["calendar"]["numbers"] == {"tre": 3, "due": 2}
    assert merged["calendar"]["numeric_order"] == "dmy"
    assert merged["byline"]["author_prefix"] == ["di"]
    assert data["words"]["stop"] == ["il"]  # the data read is left as it was


BUNDLED = sorted(
    p.name.removesuffix(".toml")
    for p in (resources.files("warta.lexicon") / "data").iterdir()
    if p.name.endswith(".toml") and p.name != "html.toml"
)


def _file(language: str) -> dict[str, Any]:
    import tomllib

    text = (resources.files("warta.lexicon") / "data" / f"{language}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@pytest.mark.parametrize("language", BUNDLED)
def test_every_bundled_page_language_table_parses_with_keys_the_files_use(language: str) -> None:
    known = {
        (section, key)
        for other in BUNDLED
        for section, values in _file(other).items()
        if isinstance(values, dict) and section != PAGE_LANGUAGE_TABLE
        for key in values
    }
    table = _file(language).get(PAGE_LANGUAGE_TABLE, {})
    assert isinstance(table, dict)
    for section, entries in table.items():
        assert isinstance(entries, dict), section
        for key in entries:
            assert (section, key) in known, (
                f"{language}.toml [page_language.{section}] {key}: a key no file uses"
            )
    lexicon = load_lexicon(DEFAULT_LANGUAGES, language)
    assert lexicon.page_language == (language if table else None)
    assert (language in lexicon.gated_languages) == bool(table)


def test_italian_page_entries_apply_to_italian_pages_only() -> None:
    merged = load_lexicon()
    italian = load_lexicon(DEFAULT_LANGUAGES, "it")
    assert "per" not in merged.stopwords and "per" in italian.stopwords
    assert "di" not in merged.author_prefix and "di" in italian.author_prefix
    assert load_lexicon(DEFAULT_LANGUAGES, "en") is merged  # English has no such entries
    assert load_lexicon(DEFAULT_LANGUAGES, "xx") is merged
    assert load_lexicon(("id", "en"), "it").page_language is None  # Italian not loaded


@pytest.mark.parametrize(
    ("tag", "language"),
    [("it-IT", "it"), ("it_IT", "it"), (" IT ", "it"), ("en", "en"), ("*", None), ("", None), (None, None)],
)
def test_a_language_tag_names_its_primary_language(tag: str | None, language: str | None) -> None:
    assert language_of_tag(tag) == language


def _blocks(text: str) -> list[Block]:
    return segment_text(text)


def test_a_page_language_is_the_declared_one_else_the_one_told_from_its_text() -> None:
    gated = frozenset({"it"})
    assert page_language(PageMetadata(language="it-IT"), _blocks(ENGLISH), gated) == "it"
    assert page_language(PageMetadata(language="en"), _blocks(ITALIAN), gated) == "en"
    assert page_language(None, _blocks(ITALIAN), gated) == "it"
    assert page_language(PageMetadata(), _blocks(ITALIAN), gated) == "it"
    assert page_language(None, _blocks(ENGLISH), gated) is None  # no gated language: not told
    assert page_language(None, _blocks("Roma, 12 set"), gated) is None  # too short to tell
    assert page_language(PageMetadata(language="it"), _blocks(ITALIAN), frozenset()) is None


@pytest.mark.parametrize(
    ("lang", "italian"),
    [("it", True), ("it-IT", True), ("en", False), ("id", False), (None, True)],
)
def test_an_italian_byline_and_date_are_read_on_italian_pages_only(lang: str | None, italian: bool) -> None:
    # 'di' is Indonesian for 'in, at' and 'set' an English word: on a page in another language
    # they stay what they are; a page without a declared language is told Italian by its text.
    article = Extractor().extract_page(Page(content=_page(lang), kind="html"))
    assert [p.name for p in article.authors] == (["Mario Rossi"] if italian else [])
    assert (article.published is not None and article.published.value.date().isoformat()) == (
        "2025-09-12" if italian else False
    )


def test_an_extractor_keeps_one_lexicon_a_gated_language() -> None:
    extractor = Extractor()
    assert extractor.lexicon_for(None) is extractor.lexicon
    assert extractor.lexicon_for("en") is extractor.lexicon
    assert extractor.lexicon_for("it") is extractor.lexicon_for("it") is not extractor.lexicon


def test_an_italian_article_s_dates_are_annotated_with_the_italian_page_entries() -> None:
    from warta.enrich.mentions import date_reading

    assert date_reading("it", DEFAULT_LANGUAGES).lexicon.page_language == "it"
    assert date_reading("en", DEFAULT_LANGUAGES).lexicon is load_lexicon(
        ("en", *(x for x in DEFAULT_LANGUAGES if x != "en"))
    )
    assert date_reading(None, DEFAULT_LANGUAGES).lexicon is load_lexicon()


def test_a_french_photo_credit_prefix_reads_only_french_pages() -> None:
    credit = normalise_marker("Photo Le Courrier du Léon / Erwan Guéguen")
    french = load_lexicon(page_language="fr")
    assert french.starts_with_any(credit, french.caption_prefix)
    for lexicon in (load_lexicon(), load_lexicon(page_language="en")):
        assert not lexicon.starts_with_any(
            normalise_marker("Photo galleries from the weekend"), lexicon.caption_prefix
        )


def test_malay_mac_is_march_on_malay_pages_only() -> None:
    # 'Mac' is March in Malay and a computer in English ('Mac Pro 2019'): a month on Malay pages.
    from datetime import datetime

    from warta.meta.datetext import find_dates

    now = datetime(2025, 6, 1)
    malay = load_lexicon(page_language="ms")
    assert [d.iso()[:10] for d in find_dates("Diterbitkan: 18 Mac 2025", now, malay)] == ["2025-03-18"]
    for lexicon in (load_lexicon(), load_lexicon(page_language="en")):
        assert find_dates("The Mac Pro 2019 review", now, lexicon) == []


def test_a_gated_language_told_unsure_is_told_again_from_more_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.pipeline as pipeline

    paragraphs = [
        "Harga ayam di pasar basah Kuantan naik sehingga 15 peratus sejak awal minggu lalu, kata peniaga "
        f"yang ditemui semalam, dan pelanggan membeli separuh saja daripada biasa ({n})."
        for n in range(12)
    ]
    samples: list[int] = []

    def told(text: str) -> tuple[str, float]:
        # (a detector as unsure of the first 500 characters as of a Malay page's beside Indonesian)
        samples.append(len(text))
        return "ms", 0.79 if len(text) <= 500 else 0.97

    monkeypatch.setattr(pipeline, "detect_language", told)
    blocks = segment_text("\n\n".join(paragraphs))
    assert page_language(None, blocks, frozenset({"ms"})) == "ms"
    assert samples[0] <= 500 < samples[1] <= 2000
    # a language no lexicon gates is not told again
    samples.clear()
    assert page_language(None, blocks, frozenset({"it"})) is None
    assert len(samples) == 1
