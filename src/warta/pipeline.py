"""The per-page function: Page → Article, the same for HTML and flattened text.

    >>> import warta
    >>> article = warta.extract("Judul\\n\\nParagraf pertama yang panjang ...")  # doctest: +SKIP

`Extractor` loads the lexicon and models once and applies them to many pages
(load once, apply many). `process_page` never raises for a bad page: it
returns a `PageResult` carrying either the article or the error, so batches go on.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from warta.assemble.body import build_body
from warta.assemble.layout import (
    dateline_above_lead,
    editors_note_in_body,
    is_editors_note,
    join_dateline,
    lead_glued_to_credit,
    related_box_in_body,
    standfirst,
    unmark_dates_around_title,
    unmark_header_above_byline,
    unmark_trailing_name,
)
from warta.assemble.lists import build_lists
from warta.assemble.page_content import body_or_main_content, discussion_content
from warta.assemble.text_title import TitleRanker, load_title_ranker
from warta.assemble.title import (
    choose_html_title,
    choose_title,
    entries_without_site_name,
    strip_site_name,
    unmark_headline_box,
    without_self_links,
)
from warta.classify.features import block_features
from warta.classify.labels import block_key, label_blocks
from warta.classify.markers import PageLines, section_headers
from warta.classify.model import BlockClassifier, load_classifier
from warta.errors import ExtractionTimeout, InputError, WartaError
from warta.lexicon import Lexicon, language_of_tag, load_lexicon, normalise_lines
from warta.meta.byline import find_bylines, is_labelled_credit_line
from warta.meta.dateline import find_dateline
from warta.meta.dates import resolve_dates
from warta.meta.language import detect_language
from warta.meta.page import PageMetadata
from warta.meta.urls import url_host
from warta.model import Article, Block, BodyPart, Label, Page, PageKind, PageType
from warta.options import ExtractOptions
from warta.readers.encoding import (
    charset_from_header,
    decode_bytes,
    repair_surrogates,
    repair_surrogates_keeping_utf8,
    utf8_for_parser,
)
from warta.readers.files import ReadError
from warta.readers.mojibake import repair_blocks, repair_metadata
from warta.readers.sniff import sniff_kind
from warta.segment import MAX_BLOCKS
from warta.segment.bounds import bound_markup
from warta.segment.boxtable import box_table_rows
from warta.segment.chat import chat_markdown
from warta.segment.clipheader import clip_header
from warta.segment.escaped import unescaped
from warta.segment.footnotes import without_note_marks
from warta.segment.frontmatter import FrontMatter, front_matter
from warta.segment.glued import unglued
from warta.segment.hyphenated import hyphen_broken_lines
from warta.segment.linemarks import justext_marks, quoted_reply
from warta.segment.mailforward import ForwardHeader, forwarded_message
from warta.segment.markdown import (
    JinaHeader,
    PlainPage,
    article_images,
    is_markdown,
    jina_header,
    linked_blocks,
    plain_page,
)
from warta.segment.newsletter import newsletter_markdown
from warta.segment.pdflayout import pdf_layout_text
from warta.segment.references import inline_references

if TYPE_CHECKING:
    from warta.enrich import Enricher


@dataclass(frozen=True, slots=True)
class PageResult:
    """The outcome of one page: an article, or the reason there is none."""

    source: str | None
    article: Article | None = None
    error: str | None = None
    # The input held no page (a WARC record of an image, a redirect: `ReadError.skip`), no failure.
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.article is not None


class Deadline:
    """A per-page time limit checked between stages (0 = no limit)."""

    __slots__ = ("_end", "_limit")

    def __init__(self, seconds: float) -> None:
        self._limit = seconds
        self._end = time.monotonic() + seconds if seconds > 0 else float("inf")

    def check(self, stage: str) -> None:
        if time.monotonic() > self._end:
            raise ExtractionTimeout(f"page exceeded the {self._limit:g}s time limit during {stage}")

    @property
    def remaining(self) -> float:
        return self._end - time.monotonic()


@dataclass(frozen=True, slots=True)
class DecodedPage:
    """A page's content as text, its kind, and the warnings met while decoding it.

    `utf8`, for an HTML page, is exactly the text's UTF-8 encoding, which the parser reads
    instead of encoding the text again; None where the text is ASCII (selectolax copies it
    as fast), holds a surrogate, or the page is not HTML.
    """

    text: str
    kind: PageKind
    warnings: list[str]
    utf8: bytes | None = None


def decode_page(page: Page, options: ExtractOptions) -> DecodedPage:
    """Page content as text, its kind, and warnings met while decoding."""
    warnings = list(page.warnings)
    content = page.content
    if isinstance(content, bytearray | memoryview):
        content = bytes(content)
    elif not isinstance(content, str | bytes):
        raise TypeError(f"page content must be str or bytes, not {type(content).__name__}")
    if page.kind not in (None, "", "html", "text"):
        # (Any other kind went on to look for a model of that name: "model file ... is missing".)
        raise InputError(
            f"page kind must be 'html', 'text' or None (told from the content), not {page.kind!r}"
        )
    utf8: bytes | None = None
    if isinstance(content, bytes):
        declared = page.encoding or charset_from_header((page.http_headers or {}).get("content-type"))
        text, encoding, replaced = decode_bytes(content, declared)
        if replaced:
            warnings.append(f"undecodable bytes replaced while decoding as {encoding}")
        elif encoding == "utf-8":
            utf8 = content  # (decoded strictly: the text's UTF-8 encoding is these bytes)
    else:
        if page.kind == "html":
            text, utf8, repaired = repair_surrogates_keeping_utf8(content)
        else:
            text, repaired = repair_surrogates(content)
        if repaired:
            warnings.append("lone surrogate code points replaced with U+FFFD")
    if not text or text.isspace():  # (`strip` would copy the whole page to tell)
        raise InputError("empty page: no text after decoding")
    if len(text) > options.max_chars:
        text = text[: options.max_chars]
        utf8 = None
        warnings.append(f"page truncated to its first {options.max_chars} characters")
    kind = page.kind or sniff_kind(text)
    if kind != "html":
        return DecodedPage(text, kind, warnings)
    if utf8 is None:
        # However the text came, the parser reads its UTF-8: encoded here by the faster encoder.
        utf8 = utf8_for_parser(text)
    # The parse cannot be interrupted by the time limit: markup it would spend
    # quadratic time on is cut first (flagged, like the size cut above).
    text, problem = bound_markup(text, utf8)
    if problem:
        warnings.append(problem)
        utf8 = None  # (the bytes are the uncut text's)
    return DecodedPage(text, kind, warnings, utf8)


_TEXT = attrgetter("text")
_LABEL_VALUE = attrgetter("_value_")  # a label's value, read in C


def _site_of(url: str | None) -> str | None:
    host = url_host(url) or ""
    return host[4:] if host.startswith("www.") else host or None


class Extractor:
    """Extraction with loaded lexicon and models; reuse one for many pages."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        if self.options.text_titles not in ("rules", "ranker"):
            raise ValueError(f"text_titles must be 'rules' or 'ranker', not {self.options.text_titles!r}")
        self.lexicon: Lexicon = load_lexicon(self.options.languages)
        # The lexicon of a page in each language whose file has `[page_language]` entries.
        self._page_lexicons: dict[str, Lexicon] = {}
        self._classifiers: dict[PageKind, BlockClassifier] = {}
        self._enricher: Enricher | None = None
        self._title_ranker: TitleRanker | None = None
        self._warm = False

    def enricher(self) -> Enricher:
        """The annotators (`warta.enrich`), loaded on first use."""
        if self._enricher is None:
            from warta.enrich import Enricher

            self._enricher = Enricher(self.options.languages)
        return self._enricher

    def lexicon_for(self, language: str | None) -> Lexicon:
        """The lexicon of a page in `language`: the merged one, with the `[page_language]`
        entries of that language's file where it has some (`warta.lexicon`)."""
        if language is None or language not in self.lexicon.gated_languages:
            return self.lexicon
        if language not in self._page_lexicons:
            self._page_lexicons[language] = load_lexicon(self.options.languages, language)
        return self._page_lexicons[language]

    def classifier(self, kind: PageKind) -> BlockClassifier:
        if kind not in self._classifiers:
            self._classifiers[kind] = load_classifier(kind, self.options.compiled_models)
        return self._classifiers[kind]

    def title_ranker(self) -> TitleRanker:
        """The headline ranker of flattened pages (`warta.assemble.text_title`), loaded on first use."""
        if self._title_ranker is None:
            self._title_ranker = load_title_ranker(self.options.compiled_models)
        return self._title_ranker

    def segment(
        self, text: str, kind: PageKind, deadline: Deadline, url: str | None = None, utf8: bytes | None = None
    ) -> tuple[list[Block], PageMetadata | None]:
        """The page's blocks and, for HTML, its markup metadata; `utf8`: exactly `text`'s UTF-8
        encoding where the caller has it (`DecodedPage.utf8`), parsed instead of `text`."""
        if kind == "html":
            from warta.segment.html import segment_html

            segmented = segment_html(text, deadline=deadline, base_url=url, utf8=utf8)
            return segmented.blocks, segmented.metadata
        from warta.segment.text import segment_text

        return segment_text(text, self.options.max_line_chars), None

    def warm_up(self) -> None:
        """Load now what the first page would load on its way (the classifier models, the
        language identifier, compiled patterns: about a second), by extracting two small pages.

        Done before the first page that has a time limit, which would otherwise spend that
        second of its own limit on loading and fail where the next page like it passes.
        """
        if self._warm:
            return
        self._warm = True
        for content, kind in _WARM_UP_PAGES:
            with contextlib.suppress(WartaError):
                self._extract(Page(content=content, kind=kind, source="<warm-up>"), None, Deadline(0))

    def extract_page(
        self,
        page: Page,
        boilerplate: Collection[str] | None = None,
        on_blocks: Callable[[list[Block]], None] | None = None,
    ) -> Article:
        """Extract one page; raises `WartaError` subclasses for unusable input.

        `boilerplate` holds `block_key`s of blocks known to be site template
        (learned across a site's pages by `warta.corpus`); they never reach the body.
        `on_blocks` is handed the page's blocks as segmentation gives them (before the
        mojibake repair): the corpus learns its site templates from them.
        """
        if page.article is not None:
            return self._extracted(page.article, page)
        if self.options.timeout_s > 0:
            self.warm_up()
        return self._extract(page, boilerplate, Deadline(self.options.timeout_s), on_blocks)

    def _extracted(self, article: Article, page: Page) -> Article:
        """An article extracted before, read back: handed on, annotated where asked and not yet."""
        article = replace(
            article, warnings=[*page.warnings, *article.warnings], annotations=dict(article.annotations)
        )
        if self.options.enrich and article.body and not article.annotations:
            try:
                article.annotations.update(
                    self.enricher().annotate(article, self.options.reference or page.fetched_at)
                )
            except Exception as exc:  # an annotator's bug costs the annotations, never the article
                article.warnings.append(f"enrichment failed: {failure_reason(exc)}")
        return article

    def _extract(
        self,
        page: Page,
        boilerplate: Collection[str] | None,
        deadline: Deadline,
        on_blocks: Callable[[list[Block]], None] | None = None,
    ) -> Article:
        options = self.options
        if page.url and not page.url.isascii():
            # The URL is written into the article: it must be encodable, as the text is.
            page = replace(page, url=repair_surrogates(page.url)[0])
        decoded = decode_page(page, options)
        kind, warnings = decoded.kind, decoded.warnings
        markdown: PlainPage | None = None
        header: JinaHeader | None = None
        matter: FrontMatter | None = None
        forward: ForwardHeader | None = None
        if kind == "text":
            decoded = _without_layouts(decoded)
            decoded, page, header = _without_jina_header(decoded, page)
            decoded, page, matter = _without_front_matter(decoded, page)
            decoded, forward = _without_forward_header(decoded)
            decoded, page = _without_clip_header(decoded, page)
            decoded, page = _without_leading_url(decoded, page)
            decoded, markdown = _without_markdown(decoded, forward is not None and forward.linked)
        blocks, metadata = self.segment(decoded.text, kind, deadline, page.url, decoded.utf8)
        if markdown is not None:
            blocks = linked_blocks(blocks, markdown.links, page.url)
        if header is not None and metadata is None:
            metadata = _header_metadata(header)
        if matter is not None and metadata is None:
            metadata = _front_matter_metadata(matter)
        if forward is not None and metadata is None:
            metadata = PageMetadata(
                title=forward.title, titles=[(forward.title, "mail:subject")] if forward.title else []
            )
        if on_blocks is not None:
            on_blocks(blocks)
        if options.repair_mojibake:
            blocks, repaired = repair_blocks(blocks)
            repaired += repair_metadata(metadata) if metadata is not None else 0
            if repaired:
                warnings.append(f"mojibake repaired: {repaired} sequences of UTF-8 text read as Windows-1252")
        deadline.check("segmentation")
        lexicon = self.lexicon_for(page_language(metadata, blocks, self.lexicon.gated_languages))
        if not blocks:
            if metadata is None:
                raise InputError("no text blocks found in the page")
            # A page whose body we cannot find still has its markup metadata (dates, authors).
            article = self.assemble([], [], metadata, page, kind, lexicon=lexicon)
            article.warnings.extend([*warnings, "no text blocks found in the page"])
            return article
        if len(blocks) >= MAX_BLOCKS:
            warnings.append(f"page has more than {MAX_BLOCKS} blocks: only the first {MAX_BLOCKS} were used")
        norms = normalise_lines([b.text for b in blocks])  # shared by the features and the labels
        features = block_features(blocks, lexicon, kind, norms)
        probs = self.classifier(kind).predict(features)
        if boilerplate:
            for i, block in enumerate(blocks):
                if block_key(block.text) in boilerplate:
                    probs[i] = 0.0
        deadline.check("classification")
        # The section headers of the page's lines, read by the labels and again by the lists.
        lines = PageLines.of(norms)
        headers = section_headers(lines.distinct, lexicon, lines)
        # One list of the body probabilities, read by the labels, the HTML refinement and the ranker.
        body_probs = probs.tolist()
        labels = label_blocks(
            blocks,
            body_probs,
            lexicon,
            options.body_threshold,
            norms=norms,
            page=lines,
            headers=headers,
        )
        if kind == "html":
            from warta.classify.html_labels import refine_html_labels

            labels = refine_html_labels(
                blocks, labels, body_probs, options.body_threshold, _related_header_of(norms, lexicon)
            )
        deadline.check("labelling")  # labelling and assembly each take as long as classification
        ranked = body_probs if self.options.text_titles == "ranker" and kind == "text" else None
        article = self.assemble(blocks, labels, metadata, page, kind, norms, headers, lexicon, ranked)
        if markdown is not None and not article.images:
            article.images = article_images(blocks, article.labels, markdown.images, page.url)
        article.warnings[:0] = warnings  # what reading the page met comes first: it explains the rest
        if not article.body:
            article.warnings.append("no article body found")
        deadline.check("assembly")
        if options.enrich and article.body:
            try:
                annotations = self.enricher().annotate(article, options.reference or page.fetched_at)
            except Exception as exc:  # an annotator's bug costs the annotations, never the article
                article.warnings.append(f"enrichment failed: {failure_reason(exc)}")
            else:
                article.annotations.update(annotations)
            deadline.check("enrichment")
        return article

    def assemble(
        self,
        blocks: list[Block],
        labels: list[Label],
        metadata: PageMetadata | None,
        page: Page,
        kind: PageKind,
        norms: list[str] | None = None,
        headers: Mapping[str, Label | None] | None = None,
        lexicon: Lexicon | None = None,
        probs: Sequence[float] | None = None,
    ) -> Article:
        """The article from labelled blocks; `norms`: `normalise_marker` of every block's text,
        and `headers`: `section_header` of each of them, where the caller has them (the lists
        and bylines read them); `lexicon`: the page's (`lexicon_for`), by default the merged one;
        `probs`: the classifier's body probabilities, given where the options ask for the title
        ranker (the headline of a flattened page is then its choice)."""
        lexicon = lexicon or self.lexicon
        url = page.url or (metadata.canonical_url if metadata else None)
        unmark_header_above_byline(blocks, labels, lexicon)
        editors_note_in_body(blocks, labels, lexicon)
        if kind == "text":
            related_box_in_body(blocks, labels, lexicon)
            lead_glued_to_credit(blocks, labels, lexicon)
        dateline_line = dateline_above_lead(blocks, labels, lexicon)
        if metadata is not None and metadata.titles:
            site_names = [*metadata.site_names, *([metadata.site_name] if metadata.site_name else [])]
            titles = [value for value, _ in metadata.titles]
            title, title_index = choose_html_title(blocks, titles, site_names, url)
            if title_index is not None:
                labels[title_index] = Label.TITLE
        else:
            hint = metadata.headline or metadata.title if metadata is not None else None
            ranked = self.options.text_titles == "ranker" and kind == "text" and hint is None
            if ranked and probs is not None and blocks:
                title, title_index = self.title_ranker().choose(blocks, labels, probs, lexicon, norms)
            else:
                title, title_index = choose_title(blocks, labels, lexicon, hint, norms)
            if title_index is not None and (
                labels[title_index] is not Label.BODY
                or title in (strip_site_name(blocks[title_index].text), blocks[title_index].text.strip())
            ):
                labels[title_index] = Label.TITLE
                unmark_dates_around_title(blocks, labels, lexicon, title_index)
        if kind == "text":
            unmark_headline_box(blocks, labels, title)
        markup_authors = [name for name, _ in metadata.authors] if metadata is not None else []
        description = metadata.description if metadata is not None else None
        subtitle = standfirst(
            blocks, labels, title_index, lexicon, markup_authors, description, flattened=kind == "text"
        )
        unmark_trailing_name(blocks, labels, lexicon)
        bylines = find_bylines(blocks, labels, lexicon, metadata, norms)
        for i in bylines.blocks:
            # a body block keeps its label (a sign-off sentence is the article's), unless it is
            # labelled credits alone ('Penulis: A | Editor: B' closing the article)
            if labels[i] is not Label.BODY or is_labelled_credit_line(blocks[i].text, lexicon):
                labels[i] = Label.BYLINE
        for i in bylines.names:
            labels[i] = Label.BYLINE  # an author box's name line the body ended with
        for i in bylines.bios:
            labels[i] = Label.OTHER  # and its bio under the name
        body = build_body(blocks, labels)
        if dateline_line:
            join_dateline(body.parts, dateline_line)
        parts, is_article, page_type = _page_body(body.parts, blocks, labels, metadata, kind)
        lists = build_lists(blocks, labels, lexicon, norms, headers)
        reference = self.options.reference or page.fetched_at
        if url is None and kind == "text" and title:  # (`titled_url` finds none without a title)
            from warta.segment.text import titled_url

            # the address a syndicated copy prints at its foot ("Klik untuk baca: https://…")
            url = titled_url([block.text for block in blocks], title)
        published, modified = resolve_dates(blocks, labels, metadata, reference, lexicon, url)
        body_text = "\n".join(map(_TEXT, parts))
        language, _ = detect_language(body_text or (title or ""))
        if metadata is not None and metadata.language and not language:
            language = metadata.language
        article = Article(
            title=title,
            subtitle=subtitle,
            body=parts,
            authors=bylines.authors,
            editors=bylines.editors,
            editor_codes=body.editor_codes,
            published=published,
            modified=modified,
            site=(metadata.site_name if metadata and metadata.site_name else None) or _site_of(url),
            # (a flattened page's own address, where its text prints it: `titled_url`)
            url=page.url if kind == "html" else url,
            canonical_url=metadata.canonical_url if metadata else None,
            language=language,
            read_also=without_self_links(lists.read_also, title, url),
            related=entries_without_site_name(lists.related, blocks[0].text, title)
            if kind == "text"
            else lists.related,
            sidebar=entries_without_site_name(lists.sidebar, blocks[0].text, title)
            if kind == "text"
            else lists.sidebar,
            comments=lists.comments,
            tags=lists.tags or (metadata.tags if metadata else []),
            images=metadata.images if metadata else [],
            source=page.source,
            input_kind=kind,
            page_type=page_type,
            labels=list(map(_LABEL_VALUE, labels)),  # `.value` reads through a slow descriptor
        )
        if is_article:
            outlets = [*metadata.site_names, *filter(None, [metadata.site_name])] if metadata else []
            # (an editor's note over the story, "Update: …", is no lead: the dateline opens the next)
            lead = 1 if len(parts) > 2 and is_editors_note(parts[0].text, lexicon) else 0
            following = parts[lead + 1].text if len(parts) > lead + 1 else ""
            article.dateline = find_dateline(parts[lead].text, lexicon, outlets, following) or dateline_line
        elif parts and page_type != "discussion":
            article.warnings.append(_MAIN_CONTENT_WARNING)
        return article

    def process(self, item: Page | ReadError, boilerplate: Collection[str] | None = None) -> PageResult:
        """Extract one page or pass a read error through; never raises for bad input."""
        if isinstance(item, ReadError):
            return PageResult(item.source, error=item.message, skipped=item.skip)
        try:
            return PageResult(item.source, article=self.extract_page(item, boilerplate))
        except Exception as exc:  # one page, whatever went wrong, must not end a batch of millions
            return PageResult(item.source, error=failure_reason(exc))

    def process_many(self, items: Iterable[Page | ReadError]) -> Iterator[PageResult]:
        for item in items:
            yield self.process(item)


# The most characters of a page's text its language is told from. On the ScrapingHub pages'
# flattened text (362), 500 tell the article's language on 347 (2000: 354), leave 11 untold and
# tell two English pages Nigerian Pidgin (as 800 do); the cost grows with the length (2000
# characters cost 0.6M instructions a page).
_LANGUAGE_SAMPLE = 500
# The characters a language told unsure from `_LANGUAGE_SAMPLE` is told again from, where it is one
# whose lexicon has `[page_language]` entries (a Malay page's 500 characters may read 0.79 Malay).
_LANGUAGE_SAMPLE_UNSURE = 2000
# How sure the language told from a page's text must be to give the page its language's lexicon.
_LANGUAGE_CONFIDENCE = 0.9


def _related_header_of(norms: Sequence[str], lexicon: Lexicon) -> Callable[[int], Label | None]:
    """RELATED for a block whose line is a whole related header by the lexicon ('You might also
    like'), else None: what `refine_html_labels` asks of the header of a box in an <aside>."""
    headers = lexicon.related_header
    return lambda i: Label.RELATED if norms[i] in headers else None


def page_language(
    metadata: PageMetadata | None, blocks: Sequence[Block], gated: Collection[str]
) -> str | None:
    """The language of a page, for its lexicon (`Extractor.lexicon_for`): the one its markup
    declares (`<html lang>`, og:locale, content-language), else the one told from its longest
    blocks where that is sure; None where no language in `gated` (those whose lexicon files
    have `[page_language]` entries) could be the answer, without looking."""
    if not gated:
        return None
    declared = language_of_tag(metadata.language) if metadata is not None else None
    if declared is not None:
        return declared
    # The longest blocks are the article's paragraphs more than its menus and links.
    longest = sorted(map(_TEXT, blocks), key=len, reverse=True)
    told, confidence = detect_language(_language_sample(longest, _LANGUAGE_SAMPLE))
    if told in gated and confidence < _LANGUAGE_CONFIDENCE:
        # a gated language told unsure (Malay beside Indonesian) is told again from more text
        told, confidence = detect_language(_language_sample(longest, _LANGUAGE_SAMPLE_UNSURE))
    return told if told in gated and confidence >= _LANGUAGE_CONFIDENCE else None


def _language_sample(longest: Sequence[str], size: int) -> str:
    """The first `size` characters of the texts `longest` (the page's blocks, longest first),
    one a line."""
    sample: list[str] = []
    total = 0
    for text in longest:
        if total >= size:
            break
        sample.append(text)
        total += len(text) + 1
    return "\n".join(sample)[:size]


def _page_body(
    parts: list[BodyPart],
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata | None,
    kind: PageKind,
) -> tuple[list[BodyPart], bool, PageType]:
    """The page's body, whether it is an article's by its shape, and the page's type, from the
    body its labels give (`parts`)."""
    if kind == "html" and metadata is not None and metadata.discussion_type is not None:
        # A thread is no article, whatever its JSON-LD types besides: it is read whole.
        return discussion_content(blocks, labels), False, "discussion"
    # (Flattened text has no page regions to tell the site's template from a listing's rows by.)
    parts, is_article = (
        body_or_main_content(parts, blocks, labels) if kind == "html" else (parts, bool(parts))
    )
    # A page whose markup calls it an article (JSON-LD) is one, whatever its body looks like.
    declared = metadata is not None and metadata.declares_article
    return parts, is_article, "article" if is_article or declared else "other"


_MAIN_CONTENT_WARNING = (
    "no article body found: the body holds the page's main content (a listing or other page)"
)

_WARM_UP_SENTENCES = (
    "Jakarta, Senin (12/5/2025) - Pemerintah kota mengumumkan rencana pembangunan jembatan baru"
    " yang menghubungkan dua kecamatan, kata wali kota kepada wartawan.",
    "The council said on Monday, May 12, 2025, that work on the new bridge would begin next month"
    " and finish before the rainy season, according to a statement.",
)
# A small article of each kind, in both default languages, with a date and a byline.
_WARM_UP_PAGES: tuple[tuple[str, PageKind], ...] = (
    (
        "<html><head><title>Jembatan baru dibangun</title></head><body><article><h1>Jembatan baru"
        " dibangun</h1><p>Oleh: Budi Santoso</p>"
        + "".join(f"<p>{sentence}</p>" for sentence in _WARM_UP_SENTENCES * 3)
        + "<p>Baca juga: <a href='/a'>Harga beras naik</a></p></article></body></html>",
        "html",
    ),
    ("Jembatan baru dibangun\n\nOleh: Budi Santoso\n\n" + "\n\n".join(_WARM_UP_SENTENCES * 3), "text"),
)


# Flatteners' layouts read back as lines before segmentation, in this order: a scraper's export
# cell with its line breaks escaped (`segment.escaped`), jusText's line marks and an e-mail
# reply's `> ` quoting (`segment.linemarks`), `pdftotext -layout` (`segment.pdflayout`:
# running heads, footers and jump lines left out), words a printed line broke with a hyphen
# (`segment.hyphenated`: OCR, `pdftotext` without `-layout`), tables drawn in box-drawing
# characters (`segment.boxtable`: rows as lines of cells), elements glued with no separator
# (`segment.glued`), footnote marks glued to a word, the notes listed after the page
# (`segment.footnotes`).
# Each gives None for a page not of its kind.
_LAYOUT_READERS: tuple[Callable[[str], str | None], ...] = (
    unescaped,
    justext_marks,
    quoted_reply,
    pdf_layout_text,
    hyphen_broken_lines,
    box_table_rows,
    unglued,
    without_note_marks,
)


def _without_layouts(decoded: DecodedPage) -> DecodedPage:
    """A flattened page with every flattener's layout (`_LAYOUT_READERS`) read back as lines."""
    for read in _LAYOUT_READERS:
        text = read(decoded.text)
        if text is not None:
            decoded = replace(decoded, text=text, utf8=None)
    return decoded


def _without_leading_url(decoded: DecodedPage, page: Page) -> tuple[DecodedPage, Page]:
    """A flattened page that opens with its address on a line of its own (`leading_url`): the
    text without that line, and the page with that address where it had none."""
    from warta.segment.text import leading_url

    text, url = leading_url(decoded.text)
    if url is None:
        return decoded, page
    return replace(decoded, text=text, utf8=None), (page if page.url else replace(page, url=url))


def _without_markdown(decoded: DecodedPage, linked: bool = False) -> tuple[DecodedPage, PlainPage | None]:
    """A page flattened to Markdown (html2text: `[text](address)` links, `**bold**`, wrapped
    paragraphs) written back as plain lines (`warta.segment.markdown`), with its lines that are
    one link and its images; any other as it is (and None). Links written apart from their
    addresses (html2text's `[text][3]`, lynx's `[3]text`, a numbered list of addresses at the
    end: `warta.segment.references`) are read as inline ones, and a news post forwarded from a
    chat app (`warta.segment.chat`) and a newsletter e-mail's plain-text part
    (`warta.segment.newsletter`) as Markdown too; `linked`: the page's links were written as
    Markdown ones by a reader before (a forwarded e-mail's `text <address>`: `segment.mailforward`)."""
    written = (
        inline_references(decoded.text) or chat_markdown(decoded.text) or newsletter_markdown(decoded.text)
    )
    if written is None and not linked and not is_markdown(decoded.text):
        return decoded, None
    plain = plain_page(written if written is not None else decoded.text)
    return replace(decoded, text=plain.text, utf8=None), plain


def _without_jina_header(decoded: DecodedPage, page: Page) -> tuple[DecodedPage, Page, JinaHeader | None]:
    """A page Jina Reader wrote (`jina_header`): the text under its header, the page with the
    header's address where it had none, and the header."""
    text, header = jina_header(decoded.text)
    if header is None:
        return decoded, page, None
    if header.url and not page.url:
        page = replace(page, url=header.url)
    return replace(decoded, text=text, utf8=None), page, header


def _without_front_matter(decoded: DecodedPage, page: Page) -> tuple[DecodedPage, Page, FrontMatter | None]:
    """A page that opens with a YAML front matter (`front_matter`): the text under it, the page
    with its address where it had none, and the front matter."""
    text, matter = front_matter(decoded.text)
    if matter is None:
        return decoded, page, None
    if matter.url and not page.url:
        page = replace(page, url=matter.url)
    return replace(decoded, text=text, utf8=None), page, matter


def _without_clip_header(decoded: DecodedPage, page: Page) -> tuple[DecodedPage, Page]:
    """A clipped page exported from a note app (`clip_header`): the text without the note's
    fields, and the page with the clipped page's address where it had none."""
    read = clip_header(decoded.text)
    if read is None:
        return decoded, page
    text, url = read
    return replace(decoded, text=text, utf8=None), (
        page if page.url or url is None else replace(page, url=url)
    )


def _without_forward_header(decoded: DecodedPage) -> tuple[DecodedPage, ForwardHeader | None]:
    """An e-mail forwarding a message (`forwarded_message`): the forwarded message's text, and its
    header."""
    text, forward = forwarded_message(decoded.text)
    if forward is None:
        return decoded, None
    return replace(decoded, text=text, utf8=None), forward


def _front_matter_metadata(matter: FrontMatter) -> PageMetadata:
    """What a front matter says, as the markup metadata of an HTML page would: the title as the
    hint the title is chosen by, the authors, date and tags as a page's meta tags give them."""
    return PageMetadata(
        title=matter.title,
        authors=[(name, "meta:front-matter:author") for name in matter.authors],
        published=[(matter.published, "meta:front-matter:date")] if matter.published else [],
        tags=list(matter.tags),
    )


def _header_metadata(header: JinaHeader) -> PageMetadata:
    """What a Jina Reader header says, as the markup metadata of an HTML page would: the title as
    the hint the title is chosen by, the publication time as markup's date evidence."""
    return PageMetadata(
        title=header.title, published=[(header.published, "jina:published-time")] if header.published else []
    )


def failure_reason(exc: Exception) -> str:
    """Why one page failed, for its record in a batch report: warta's own errors say it
    themselves; anything else is a bug to report, named with what raised it."""
    if isinstance(exc, WartaError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "page structure too deeply nested to process"
    if isinstance(exc, MemoryError):
        return "page too large to process in memory"
    return f"internal error ({type(exc).__name__}: {exc}); please report it with the input"


def extract(
    content: str | bytes,
    url: str | None = None,
    options: ExtractOptions | None = None,
    kind: PageKind | None = None,
) -> Article:
    """Extract a clean article from HTML or flattened page text.

    >>> article = extract(open("page.html", "rb").read(), url="https://example.com/a")  # doctest: +SKIP
    >>> article.title, article.published, article.text  # doctest: +SKIP
    """
    extractor = _default_extractor(options or ExtractOptions())
    return extractor.extract_page(Page(content=content, kind=kind, url=url, source="<extract>"))


@lru_cache(maxsize=8)
def _default_extractor(options: ExtractOptions) -> Extractor:
    # One extractor per distinct options value (options are frozen and few); the
    # models and lexicons inside are read-only.
    return Extractor(options)
