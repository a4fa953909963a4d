"""Articles as JSON, Markdown or plain text."""

from __future__ import annotations

import json

from warta.model import Article


def to_json(article: Article, indent: int | None = 2, include_labels: bool = False) -> str:
    return json.dumps(article.to_dict(include_labels), ensure_ascii=False, indent=indent)


def to_text(article: Article) -> str:
    """Title and body, paragraphs separated by blank lines."""
    parts = [article.title] if article.title else []
    parts.extend(part.text for part in article.body)
    return "\n\n".join(parts)


def to_markdown(article: Article) -> str:
    lines: list[str] = []
    if article.title:
        lines += [f"# {article.title}", ""]
    facts = []
    if article.authors:
        facts.append("By " + ", ".join(p.name for p in article.authors))
    if article.editors:
        facts.append("Editor: " + ", ".join(p.name for p in article.editors))
    if article.editor_codes:
        facts.append("Codes: " + ", ".join(article.editor_codes))
    if article.published:
        facts.append(f"Published {article.published.iso()}")
    if article.site:
        facts.append(article.site)
    if article.language:
        facts.append(f"lang: {article.language}")
    if facts:
        lines += ["_" + " · ".join(facts) + "_", ""]
    for part in article.body:
        if part.kind == "heading":
            lines += [f"## {part.text}", ""]
        elif part.kind == "quote":
            lines += [f"> {part.text}", ""]
        elif part.kind == "list_item":
            lines += [f"- {part.text}", ""]
        else:
            lines += [part.text, ""]
    for name, items in (
        ("Read also", article.read_also),
        ("Related", article.related),
        ("Sidebar", article.sidebar),
    ):
        if not items:
            continue
        lines += [f"### {name}", ""]
        for item in items:
            title = f"[{item.title}]({item.url})" if item.url else item.title
            extra = f" ({item.date})" if item.date else ""
            lines.append(f"- {title}{extra}")
            if item.teaser:
                lines.append(f"  {item.teaser}")
        lines.append("")
    if article.comments:
        lines += [f"### Comments ({len(article.comments)})", ""]
        for comment in article.comments:
            who = f"**{comment.author}**: " if comment.author else ""
            lines.append(f"- {who}{comment.text}")
        lines.append("")
    if article.warnings:
        lines += ["<!-- warnings: " + "; ".join(article.warnings) + " -->", ""]
    return "\n".join(lines).rstrip() + "\n"


RENDERERS = {"json": to_json, "markdown": to_markdown, "text": to_text}
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}
