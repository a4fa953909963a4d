"""A news post forwarded through a chat app (Telegram, WhatsApp) → Markdown for the Markdown reading.

A channel's post copied out of Telegram or WhatsApp marks its headline and subheadings bold
with single asterisks (`*Nelayan Rembang …*`), opens lines with emoji (`📍 REMBANG -`,
`✍️ Penulis: …`, `▪️ Title`), and gives a linked story's address bare, on the line under its
title. Read as it is, the asterisks and emoji stay in the title and the body, and the list's
titles and addresses are lines apart. Such a post is written as Markdown: one paragraph a line
(the lines of a post are its paragraphs), emphasis unwrapped, leading emoji left out, and a
title followed by a bare address as a link `[title](address)`. The lines above the bold
headline are the app's (`Forwarded from …`, the channel's name) and are left out.

A post is told by a line wholly bold with single asterisks, of a few words, among its first
lines (`_HEAD_LINES`); `chat_markdown` reads no further on any other page.
"""

from __future__ import annotations

import re
import unicodedata

_HEAD_LINES = 4
_HEAD_CHARS = 1200
_MIN_TITLE_WORDS = 3
_BOLD_LINE = re.compile(r"^\*(?=[^*\s])[^*]+(?<=[^*\s])\*$")
_BOLD = re.compile(r"(?<![\w*])\*(?=[^*\s])([^*\n]+?)(?<=[^*\s])\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=[^_\s])([^_\n]+?)(?<=[^_\s])_(?![\w_])")
_BARE_URL = re.compile(r"^https?://\S+$")
# What joins emoji into one: the variation selector and the zero-width joiner.
_EMOJI_JOINERS = frozenset("\ufe0f\u200d")


def _is_post(text: str) -> bool:
    start = text[:_HEAD_CHARS]
    if "*" not in start:  # every bold line opens with one: most pages are decided here, in C
        return False
    head = [line.strip() for line in start.splitlines() if line.strip()][:_HEAD_LINES]
    return any(_BOLD_LINE.match(line) and len(line.split()) >= _MIN_TITLE_WORDS for line in head)


def _without_leading_symbols(line: str) -> str:
    """`line` without the emoji and pictographs (Unicode symbols) it opens with."""
    start = 0
    while start < len(line) and (
        line[start].isspace() or line[start] in _EMOJI_JOINERS or unicodedata.category(line[start]) == "So"
    ):
        start += 1
    return line[start:]


def _unwrapped(line: str) -> str:
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", line))


def chat_markdown(text: str) -> str | None:
    """`text`, a news post forwarded from a chat app, as Markdown paragraphs; None for any other
    page.

    >>> print(chat_markdown("Forwarded from Kanal Berita\\n*Banjir Rendam Tiga Desa di Demak*\\n\\n📍 DEMAK - Air naik.\\n"
    ...                     "📌 Baca juga:\\n▪️ Tanggul Jebol\\nhttps://x.id/tanggul"))
    Banjir Rendam Tiga Desa di Demak
    <BLANKLINE>
    DEMAK - Air naik.
    <BLANKLINE>
    Baca juga:
    <BLANKLINE>
    [Tanggul Jebol](https://x.id/tanggul)
    >>> chat_markdown("An ordinary page\\n\\nwith *one* bold word.") is None
    True
    """
    if not _is_post(text):
        return None
    raw = [line.strip() for line in text.splitlines()]
    # What stands above the bold headline is the app's, not the post's ('Forwarded from …').
    first = next(
        i for i, line in enumerate(raw) if _BOLD_LINE.match(line) and len(line.split()) >= _MIN_TITLE_WORDS
    )
    lines = [_unwrapped(_without_leading_symbols(line)).strip() for line in raw[first:]]
    lines = [line for line in lines if line]
    out: list[str] = []
    for i, line in enumerate(lines):
        if (
            _BARE_URL.match(line)
            and out
            and i > 0
            and not _BARE_URL.match(lines[i - 1])
            and "](" not in out[-1]
        ):
            out[-1] = f"[{out[-1]}]({line})"
            continue
        out.append(line)
    return "\n\n".join(out)
