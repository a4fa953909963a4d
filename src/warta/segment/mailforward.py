"""An e-mail that forwards a message (an article, a newsletter) → the forwarded message and its subject.

A forwarded article reaches a scraper inside the e-mail that carried it: the sender's note and
signature above (or a reply to the forward, with its "On … wrote:" line), then the mail client's
forward mark and the forwarded message's header:

    ---------- Forwarded message ---------
    From: Dartmoor Courier <newsletter@dartmoorcourier.example>
    Date: Sat, 1 Mar 2025 at 07:00
    Subject: Cattle grids planned for Dartmeet road after 14 ponies killed
    To: <dana@example.org>

**The article is the forwarded message**: the text under its header. What stands above the forward
mark is the e-mail's (who sent it on, when, their note and signature), not the article's, and is
left out; the header's subject (without `Re:`/`Fwd:`) is what the page's markup title would be.
A mail client writes the forwarded message's links as `text <https://…>`; they are written as
Markdown links (`[text](https://…)`), so that a "Read more: Title <address>" line keeps its
address.

The forward marks and the header's field names are the mail clients' (Gmail, Outlook, Apple
Mail), not a language's. `forwarded_message` is asked of every text page: one without a
`Subject:` field (one `str` scan) is left at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A forward mark: Gmail's "---------- Forwarded message ---------", Outlook's and Thunderbird's
# "-----Original Message-----" / "-------- Forwarded Message --------", Apple Mail's
# "Begin forwarded message:"; each is followed by a header with a subject line.
_SUBJECT = "Subject:"
_MARK_LINE = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Forwarded [Mm]essage|Original Message)[ \t]*-{2,}|Begin forwarded message:)[ \t]*$",
    re.MULTILINE,
)
_FIELD = re.compile(r"^[ \t]*(From|Date|Sent|Subject|To|Cc|Reply-To):[ \t]*(.*?)\s*$")
_MAX_FIELDS = 8
# "Re: Fwd: FW: AW: WG: Title": a reply's or a forward's mark before the subject.
_SUBJECT_MARKS = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr|rv)\s*:\s*)+", re.IGNORECASE)
# A line ending in a link as a mail client writes it: "text <https://…>".
_ANGLE_LINK = re.compile(r"^(.*?:[ \t]+)?(\S.*?)[ \t]+<(https?://[^>\s]+)>[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ForwardHeader:
    """What a forwarded message's header says of it: its subject; `linked`: whether the message
    holds links (written as Markdown ones)."""

    title: str | None = None
    linked: bool = False


def forwarded_message(text: str) -> tuple[str, ForwardHeader | None]:
    """(the forwarded message's text, its header) of an e-mail forwarding one; (`text`, None) for
    any other page.

    >>> text, header = forwarded_message("See below.\\nAna\\n\\n---------- Forwarded message ---------\\n"
    ...     "From: Paper <news@paper.example>\\nDate: Sat, 1 Mar 2025\\nSubject: Fwd: Rain in Bogor\\n\\n"
    ...     "It rained.\\nRead more: Floods <https://paper.example/floods>")
    >>> print(text)
    It rained.
    Read more: [Floods](https://paper.example/floods)
    >>> header.title
    'Rain in Bogor'
    >>> forwarded_message("A page with no forward.")[1] is None
    True
    """
    if _SUBJECT not in text:  # (one scan; few web pages print a mail header's field)
        return text, None
    mark = _MARK_LINE.search(text)
    if mark is None:
        return text, None
    lines = text[mark.end() :].lstrip("\n").split("\n")
    fields: dict[str, str] = {}
    k = 0
    while k < len(lines) and k < _MAX_FIELDS:
        field = _FIELD.match(lines[k])
        if field is None:
            break
        fields.setdefault(field.group(1), field.group(2))
        k += 1
    if "From" not in fields or "Subject" not in fields:
        return text, None
    subject = _SUBJECT_MARKS.sub("", fields["Subject"]).strip()
    body, links = _ANGLE_LINK.subn(_markdown_link, "\n".join(lines[k:]).strip("\n"))
    return body, ForwardHeader(title=subject or None, linked=links > 0)


def _markdown_link(match: re.Match[str]) -> str:
    label, link_text, address = match.group(1) or "", match.group(2), match.group(3)
    return f"{label}[{link_text}]({address})"
