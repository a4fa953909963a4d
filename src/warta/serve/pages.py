"""HTML of the corpus browser: small pure functions from data to escaped markup.

Everything that comes from the corpus passes through `esc` (or `snippet_html`, which
escapes first and only then turns the search index's `**` highlight marks into <mark>).
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from warta.corpus.bylines import WriterCount, WriterProfile
from warta.corpus.mentions import EntityCount, EntityProfile, QuoteFound, RisingEntity, plural
from warta.corpus.network import Network
from warta.corpus.search import Hit, SearchFilters, SearchOrder, empty_result_hint
from warta.corpus.store import StoredVersion
from warta.corpus.stories import Story
from warta.corpus.templates import SiteReport
from warta.corpus.trends import Trend
from warta.corpus.versions import paragraph_changes
from warta.serve.network_svg import TYPE_COLOURS, network_svg

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
a{color:#0b5394}nav a{margin-right:1rem}form{margin:1rem 0}input,select{font:inherit;padding:.2rem}
.hit{margin:1.2rem 0}.meta{color:#666;font-size:.9rem}mark{background:#fff3a3}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.error{color:#a00}aside{background:#f6f6f6;padding:.5rem 1rem;margin:1rem 0}
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def link_html(url: object, label: str) -> str:
    """A link to an article's or list item's URL; `label` (escaped markup) alone where the URL is
    not http(s): a "javascript:" or "data:" URL from a crawled page or dump would run in the browser."""
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        return label
    return f"<a href='{esc(url.strip())}' rel='nofollow noopener'>{label}</a>"


def snippet_html(snippet: str) -> str:
    """The search snippet with its `**…**` highlights as <mark>, everything else escaped."""
    parts = esc(snippet).split("**")
    return "".join(f"<mark>{p}</mark>" if i % 2 else p for i, p in enumerate(parts))


def layout(title: str, body: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width,initial-scale=1'><title>{esc(title)} · warta</title>"
        f"<style>{_STYLE}</style></head><body><nav><a href='/'>search</a><a href='/sites'>sites</a>"
        "<a href='/stories'>stories</a><a href='/entities'>entities</a><a href='/authors'>writers</a>"
        "<a href='/quotes'>quotes</a><a href='/network'>network</a></nav>"
        f"{body}</body></html>"
    )


_SORT_LABELS = {
    SearchOrder.relevance: "best first",
    SearchOrder.newest: "newest first",
    SearchOrder.oldest: "oldest first",
}


def search_form(query: str, filters: SearchFilters, sites: Sequence[str], languages: Sequence[str]) -> str:
    sorts = "".join(
        f"<option value='{o.value}'{' selected' if o is filters.order else ''}>{_SORT_LABELS[o]}</option>"
        for o in SearchOrder
    )
    return (
        "<form method='get' action='/'>"
        f"<input name='q' size='40' value='{esc(query)}' placeholder='words, \"phrases\", prefix*, OR, -word' autofocus> "
        + _scope_fields(filters, sites, languages)
        + f"naming <input name='entity' size='16' value='{esc(filters.entity or '')}' placeholder='entity'> "
        f"by <input name='author' size='16' value='{esc(filters.author or '')}' placeholder='writer'> "
        f"<select name='sort'>{sorts}</select> "
        "<button>search</button></form>"
    )


def hit_html(hit: Hit) -> str:
    copies = f" · {hit.cluster_size} copies" if hit.cluster_size > 1 else ""
    return (
        f"<div class='hit'><a href='/article/{hit.id}'>{esc(hit.title or '(no title)')}</a>"
        f"<div class='meta'>{esc(hit.site)} · {esc(hit.published or 'no date')} · {esc(hit.language or '?')}"
        f"{copies}</div><div>{snippet_html(hit.snippet)}</div></div>"
    )


def results_html(query: str, hits: Sequence[Hit], error: str | None) -> str:
    if error:
        return f"<p class='error'>cannot search: {esc(error)}</p>"
    if not query:
        return ""
    if not hits:
        why = empty_result_hint(query)
        return "<p>no results</p>" + (f"<p class='meta'>{esc(why)}</p>" if why else "")
    return f"<p class='meta'>{len(hits)} results</p>" + "".join(map(hit_html, hits))


def export_links(query: str, filters: SearchFilters) -> str:
    """Links that download every article the search selects (not only this page of it)."""
    params = {"q": query, "site": filters.site, "lang": filters.language, "from": filters.date_from}
    params["to"], params["entity"], params["author"] = filters.date_to, filters.entity, filters.author
    kept = {k: v for k, v in params.items() if v}
    links = " · ".join(
        f"<a href='/export?{esc(urlencode(kept | {'format': fmt}))}'>{label}</a>"
        for fmt, label in (("csv", "CSV"), ("jsonl", "JSONL"), ("parquet", "Parquet"))
    )
    return f"<p class='meta'>every match, one copy per story: {links}</p>"


def corpus_summary(stats: Mapping[str, int]) -> str:
    return "<p class='meta'>" + " · ".join(f"{esc(v)} {esc(k)}" for k, v in stats.items()) + "</p>"


def _items(title: str, items: Iterable[Mapping[str, Any]]) -> str:
    rows = []
    for item in items:
        label = esc(item.get("title") or "")
        url = item.get("url")
        link = link_html(url, label)
        extra = " · ".join(esc(item[k]) for k in ("date", "teaser") if item.get(k))
        rows.append(f"<li>{link}{' <span class=meta>' + extra + '</span>' if extra else ''}</li>")
    return f"<aside><b>{esc(title)}</b><ul>{''.join(rows)}</ul></aside>" if rows else ""


def _person_html(person: Mapping[str, Any]) -> str:
    """A credited person's name, with the job title and affiliation when the page gave them
    ('Jane Doe (Staff Writer, Reuters)'); rows stored before those fields existed have neither."""
    details = [esc(person[k]) for k in ("job_title", "affiliation") if person.get(k)]
    name = str(person.get("name") or "")
    shown = entity_link(name, page="author") if name.strip() else esc(name)
    return shown + (f" <span class=meta>({', '.join(details)})</span>" if details else "")


def article_html(
    article_id: int,
    data: Mapping[str, Any],
    site: str,
    copies: Sequence[tuple[int, str, str]],
    versions: str = "",
) -> str:
    """An article's page; `versions`: the markup of its later versions (`versions_html`)."""
    published = data.get("published") or {}
    people = ", ".join(map(_person_html, data.get("authors") or []))
    editors = ", ".join(map(_person_html, data.get("editors") or []))
    meta = [
        esc(site),
        esc(published.get("value") or "no date")
        + (f" ({esc(published.get('precision'))})" if published else ""),
        esc(data.get("language") or "?"),
    ]
    if people:
        meta.append("by " + people)
    if editors:
        meta.append("editors " + editors)
    if data.get("editor_codes"):
        meta.append("codes " + esc(", ".join(data["editor_codes"])))
    page_type = data.get("page_type")  # ("other" and "discussion" pages: stored by `ingest --all-pages`)
    if page_type == "other":
        meta.append("<b>no article</b>: the page's main content")
    elif page_type == "discussion":
        meta.append("<b>discussion</b>: the whole thread")
    body = []
    for part in data.get("body") or []:
        tag = {"heading": "h3", "quote": "blockquote", "list_item": "li"}.get(part.get("kind"), "p")
        body.append(f"<{tag}>{esc(part.get('text'))}</{tag}>")
    url = data.get("url") or data.get("canonical_url")
    source = f"<p class='meta'>{link_html(url, esc(url))}</p>" if url else ""
    dups = ""
    if copies:
        rows = "".join(
            f"<li><a href='/article/{i}'>{esc(t or '(no title)')}</a> · {esc(s)}</li>" for i, t, s in copies
        )
        dups = f"<aside><b>copies of this story</b><ul>{rows}</ul></aside>"
    return (
        f"<h1>{esc(data.get('title') or '(no title)')}</h1>"
        + (f"<p><i>{esc(data['subtitle'])}</i></p>" if data.get("subtitle") else "")
        + f"<p class='meta'>{' · '.join(meta)}</p>{source}"
        + "".join(body)
        + annotations_html(data.get("annotations") or {})
        + _items("read also", data.get("read_also") or [])
        + _items("related", data.get("related") or [])
        + _items("sidebar", data.get("sidebar") or [])
        + _items("tags", ({"title": t} for t in data.get("tags") or []))
        + dups
        + versions
        + f"<p class='meta'>article {article_id} · <a href='/api/article/{article_id}'>JSON</a></p>"
    )


def versions_html(data: Mapping[str, Any], text: str, versions: Sequence[StoredVersion]) -> str:
    """The later captures of the article's URL with another text (`text`: the stored article's):
    when each was ingested, its title and date where they changed, and the paragraphs it removed
    and added, each against the capture before it."""
    if not versions:
        return ""
    items = []
    title, published = data.get("title"), (data.get("published") or {}).get("value")
    for version in versions:
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(version.captured_at))
        notes = [f"ingested {esc(when)}", esc(version.source)]
        if version.title != title:
            notes.append(f"title now <b>{esc(version.title or '(no title)')}</b>")
        if version.published != published and version.published:
            notes.append(f"date now {esc(version.published)}")
        changes = "".join(
            f"<li><del>{esc(c.text)}</del></li>"
            if c.kind == "removed"
            else f"<li><ins>{esc(c.text)}</ins></li>"
            for c in paragraph_changes(text, version.body)
        )
        items.append(f"<li><span class='meta'>{' · '.join(notes)}</span><ul>{changes}</ul></li>")
        title, published, text = version.title, version.published or published, version.body
    return f"<aside><b>later versions of this page ({len(versions)})</b><ol>{''.join(items)}</ol></aside>"


def annotations_html(annotations: Mapping[str, Any]) -> str:
    """What enrichment found (`warta ingest --enrich`): the entities with their mention counts,
    the quotes with their speakers, the keywords; nothing for an article stored without it."""
    counts: dict[tuple[str, str], int] = {}
    for entity in annotations.get("entities") or []:
        key = (str(entity.get("canonical") or entity.get("text") or ""), str(entity.get("type") or ""))
        counts[key] = counts.get(key, 0) + 1
    entities = "".join(
        f"<li>{entity_link(name)} <span class=meta>{esc(kind)} · {count}</span></li>"
        for (name, kind), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    quotes = "".join(
        f"<li><b>{esc(quote.get('speaker_canonical') or quote.get('speaker') or '(unattributed)')}</b>: "
        f"{esc(quote.get('text'))}</li>"
        for quote in annotations.get("quotes") or []
    )
    keywords = ", ".join(esc(keyword.get("text")) for keyword in annotations.get("keywords") or [])
    parts = [
        f"<b>entities</b><ul>{entities}</ul>" if entities else "",
        f"<b>quotes</b><ul>{quotes}</ul>" if quotes else "",
        f"<b>keywords</b><p>{keywords}</p>" if keywords else "",
    ]
    return f"<aside class='annotations'>{''.join(parts)}</aside>" if any(parts) else ""


def entity_link(name: str, filters: SearchFilters | None = None, page: str = "entity") -> str:
    """A link to the entity's (or with `page="author"`, the writer's) profile page, under the same
    site, language and date filters."""
    params = _filter_params(filters) if filters else {}
    query = f"?{urlencode(params)}" if params else ""
    return f"<a href='/{page}/{esc(quote(name, safe=''))}{esc(query)}'>{esc(name)}</a>"


def network_links(filters: SearchFilters, extra: Mapping[str, str | None]) -> str:
    """Links that download who is named with whom among the articles these filters select."""
    kept = _filter_params(filters) | {k: v for k, v in extra.items() if v}
    links = " · ".join(
        f"<a href='/api/network?{esc(urlencode(kept | {'format': fmt}))}'>{label}</a>"
        for fmt, label in (("gexf", "GEXF (Gephi)"), ("graphml", "GraphML"), ("csv", "CSV"), ("json", "JSON"))
    )
    return f"<p class='meta'>who is named with whom, for graph tools: {links}</p>"


def network_html(
    network: Network,
    query: str,
    filters: SearchFilters,
    entity_type: str | None,
    top: int,
    min_stories: int,
    sites: Sequence[str],
    languages: Sequence[str],
    error: str | None = None,
) -> str:
    """Who is named with whom: the form, the drawing, the download links and the strongest links."""
    form = (
        "<form method='get' action='/network'>"
        f"<input name='q' size='24' value='{esc(query)}' placeholder='search (optional)'> "
        f"<input name='type' size='12' value='{esc(entity_type or '')}' placeholder='type'> "
        f"<input name='entity' size='16' value='{esc(filters.entity or '')}' placeholder='around entity'> "
        + _scope_fields(filters, sites, languages)
        + f"top <input name='top' size='4' value='{top}'> "
        f"linked by <input name='min_stories' size='3' value='{min_stories}'> stories "
        "<button>draw</button></form>"
    )
    head = f"<h1>Who is named with whom</h1>{form}"
    if error:
        return f"{head}<p class='error'>{esc(error)}</p>"
    if not network.nodes:
        return f"{head}<p>no entities in these stories (an enriched corpus: <code>warta ingest --enrich</code>)</p>"
    legend = " ".join(
        f"<span style='color:{colour}'>●</span> {esc(kind)}"
        for kind, colour in TYPE_COLOURS.items()
        if kind != "organization" and any(n.type == kind for n in network.nodes)
    )
    extra = {"q": query or None, "type": entity_type, "entity": filters.entity}
    extra |= {"top": str(top), "min_stories": str(min_stories)}
    rows = "".join(
        f"<tr><td>{entity_link(network.name_of(e.source), filters)}</td>"
        f"<td>{entity_link(network.name_of(e.target), filters)}</td><td>{e.stories}</td></tr>"
        for e in network.edges[:30]
    )
    strongest = (
        f"<h2>strongest links</h2><table><tr><th>entity</th><th>entity</th><th>stories naming both</th></tr>{rows}</table>"
        if rows
        else f"<p>no two entities named together by {min_stories} stories or more</p>"
    )
    return (
        head + f"<p class='meta'>{plural(len(network.nodes), 'entity', 'entities')} · "
        f"{plural(len(network.edges), 'link')} · {legend}</p>"
        + network_svg(network, lambda name: esc(f"/entity/{quote(name, safe='')}"))
        + network_links(filters, extra)
        + strongest
    )


def _filter_params(filters: SearchFilters) -> dict[str, str]:
    params = {
        "site": filters.site,
        "lang": filters.language,
        "from": filters.date_from,
        "to": filters.date_to,
    }
    return {k: v for k, v in params.items() if v}


def entities_html(
    rows: Sequence[EntityCount],
    filters: SearchFilters,
    entity_type: str | None,
    sites: Sequence[str],
    languages: Sequence[str],
    error: str | None = None,
    rising: Sequence[RisingEntity] | None = None,
) -> str:
    """The entities named by the most articles passing the filters, each linked to its profile;
    `rising`: those named far more in the date span than in the span before (a list, maybe empty)."""
    form = (
        "<form method='get' action='/entities'>"
        f"<input name='type' size='12' value='{esc(entity_type or '')}' placeholder='type'> "
        + _scope_fields(filters, sites, languages)
        + f"<label><input type='checkbox' name='rising' value='true'{' checked' if rising is not None else ''}>"
        " rising (against the span before)</label> <button>list</button></form>"
    )
    if error:
        return f"<h1>Entities</h1>{form}<p class='error'>{esc(error)}</p>"
    if rising is not None:
        if not rising:
            return f"<h1>Entities</h1>{form}<p>no entity rose in this span</p>"
        table = "".join(
            f"<tr><td>{entity_link(r.name, filters)}</td><td>{esc(r.type)}</td><td>{r.now}</td>"
            f"<td>{r.before}</td><td>{r.score:.2f}</td></tr>"
            for r in rising
        )
        return (
            f"<h1>Entities</h1>{form}<table><tr><th>entity</th><th>type</th><th>stories</th>"
            f"<th>before</th><th>score</th></tr>{table}</table>"
        )
    if not rows:
        narrowed = entity_type or filters.narrowed
        why = (
            "no entity matches these filters"
            if narrowed
            else "no entities: ingest with <code>warta ingest --enrich</code>"
        )
        return f"<h1>Entities</h1>{form}<p>{why}</p>"
    table = "".join(
        f"<tr><td>{entity_link(r.name, filters)}</td><td>{esc(r.type)}</td><td>{r.articles}</td><td>{r.mentions}</td></tr>"
        for r in rows
    )
    return (
        f"<h1>Entities</h1>{form}<table><tr><th>entity</th><th>type</th><th>articles</th>"
        f"<th>mentions</th></tr>{table}</table>" + network_links(filters, {"type": entity_type})
    )


def _scope_fields(filters: SearchFilters, sites: Sequence[str], languages: Sequence[str]) -> str:
    """The site, language and date fields every listing's form has."""
    return (
        _select("site", sites, filters.site, "all sites")
        + _select("lang", languages, filters.language, "all languages")
        + f"from <input name='from' size='10' value='{esc(filters.date_from or '')}' placeholder='YYYY-MM-DD'> "
        f"to <input name='to' size='10' value='{esc(filters.date_to or '')}' placeholder='YYYY-MM-DD'> "
    )


def _select(name: str, values: Sequence[str], chosen: str | None, blank: str) -> str:
    rows = [f"<option value=''>{esc(blank)}</option>"]
    rows += [f"<option{' selected' if v == chosen else ''}>{esc(v)}</option>" for v in values]
    return f"<select name='{name}'>{''.join(rows)}</select> "


def bars_html(counts: Sequence[tuple[str, int]], undated: int = 0) -> str:
    """A bar per period (a table of CSS bars: no script), the undated count under it."""
    top = max((n for _, n in counts), default=0) or 1
    rows = "".join(
        f"<tr><td>{esc(name)}</td><td><div style='background:#0b5394;height:.8rem;"
        f"width:{round(240 * n / top) if n else 0}px'></div></td><td>{n}</td></tr>"
        for name, n in counts
    )
    note = f"<p class='meta'>undated: {undated}</p>" if undated else ""
    return f"<table class='bars'>{rows}</table>{note}"


def trend_html(trend: Trend) -> str:
    """The matching stories per month above the results, folded away."""
    if trend.total < 2 or len(trend.counts) < 2:
        return ""
    return (
        f"<details><summary class='meta'>{plural(trend.total, 'matching story', 'matching stories')}"
        f" by {trend.period.value}</summary>{bars_html(trend.counts, trend.undated)}</details>"
    )


def quotes_html(
    found: Sequence[QuoteFound],
    speaker: str,
    words: str,
    filters: SearchFilters,
    sites: Sequence[str],
    languages: Sequence[str],
    similar: Sequence[str] = (),
    error: str | None = None,
) -> str:
    """Who said what: a form (speaker, words, filters) and the quotes found, newest first."""
    form = (
        "<form method='get' action='/quotes'>"
        f"<input name='speaker' size='20' value='{esc(speaker)}' placeholder='speaker'> "
        f"<input name='words' size='24' value='{esc(words)}' placeholder='words in the quote'> "
        + _scope_fields(filters, sites, languages)
        + "<button>find</button></form>"
    )
    if error:
        return f"<h1>Quotes</h1>{form}<p class='error'>{esc(error)}</p>"
    if not found:
        hint = ""
        if similar:
            hint = (
                "<p>speakers with similar names: "
                + ", ".join(
                    f"<a href='/quotes?{esc(urlencode({'speaker': name}))}'>{esc(name)}</a>"
                    for name in similar
                )
                + "</p>"
            )
        return f"<h1>Quotes</h1>{form}<p>no quotes</p>{hint}"
    rows = "".join(
        f"<li><b>{entity_link(q.speaker)}</b>{esc(' ' + q.verb if q.verb else '')}: “{esc(q.text)}”"
        f"<div class='meta'><a href='/article/{q.article_id}'>{esc(q.title or '(no title)')}</a> · "
        f"{esc(q.published or 'no date')}</div></li>"
        for q in found
    )
    return f"<h1>Quotes</h1>{form}<ul>{rows}</ul>"


def stories_html(
    found: Sequence[Story],
    filters: SearchFilters,
    min_sites: int,
    sites: Sequence[str],
    languages: Sequence[str],
    error: str | None = None,
) -> str:
    """The stories most sites carried, each linked to its fullest copy (which lists the others)."""
    form = (
        "<form method='get' action='/stories'>"
        + _scope_fields(filters, sites, languages)
        + f"carried by at least <input name='min_sites' size='3' value='{esc(min_sites)}'> sites "
        "<button>list</button></form>"
    )
    if error:
        return f"<h1>Stories</h1>{form}<p class='error'>{esc(error)}</p>"
    if not found:
        return f"<h1>Stories</h1>{form}<p>no story carried by {esc(min_sites)} sites or more</p>"
    rows = "".join(
        f"<tr><td><a href='/article/{s.article_id}'>{esc(s.title or '(no title)')}</a></td><td>{s.sites}</td>"
        f"<td>{s.copies}</td><td>{esc((s.first_published or '')[:16])}</td><td>{esc(s.first_site or '')}</td></tr>"
        for s in found
    )
    return (
        f"<h1>Stories</h1>{form}<table><tr><th>story</th><th>sites</th><th>copies</th>"
        f"<th>first published</th><th>first site</th></tr>{rows}</table>"
    )


def writers_html(
    rows: Sequence[WriterCount],
    filters: SearchFilters,
    role: str | None,
    sites: Sequence[str],
    languages: Sequence[str],
    error: str | None = None,
) -> str:
    """The people credited on the most stories, each linked to their profile."""
    form = (
        "<form method='get' action='/authors'>"
        f"<input name='role' size='10' value='{esc(role or '')}' placeholder='role'> "
        + _scope_fields(filters, sites, languages)
        + "<button>list</button></form>"
    )
    if error:
        return f"<h1>Writers</h1>{form}<p class='error'>{esc(error)}</p>"
    if not rows:
        return f"<h1>Writers</h1>{form}<p>no credited writers</p>"
    table = "".join(
        f"<tr><td>{entity_link(r.name, filters, 'author')}</td><td>{r.stories}</td><td>{r.sites}</td>"
        f"<td>{esc(r.roles)}</td></tr>"
        for r in rows
    )
    return (
        f"<h1>Writers</h1>{form}<table><tr><th>writer</th><th>stories</th><th>sites</th>"
        f"<th>roles</th></tr>{table}</table>"
    )


def writer_html(profile: WriterProfile, filters: SearchFilters) -> str:
    """A writer's profile: roles and job titles, sites, stories by month, what they name, latest."""
    roles = ", ".join(f"{esc(r)} ({n})" for r, n in profile.roles)
    span = (
        f" · {esc(profile.first[:10])} to {esc(profile.last[:10])}" if profile.first and profile.last else ""
    )
    sites = ", ".join(f"{esc(site)} ({n})" for site, n in profile.sites)
    parts = [
        f"<h1>{esc(profile.name)}</h1>",
        f"<p class='meta'>{roles} · {plural(profile.stories, 'story', 'stories')}{span}</p>",
        f"<p class='meta'>{esc(' / '.join(profile.job_titles[:3]))}</p>" if profile.job_titles else "",
        f"<p>{sites} · <a href='/?{esc(urlencode(_filter_params(filters) | {'author': profile.name}))}'>"
        "every article</a></p>",
    ]
    if profile.months:
        parts.append("<h2>stories by month</h2>" + bars_html(profile.months, profile.undated))
    if profile.entities:
        rows = "".join(
            f"<li>{entity_link(e.name, filters)} <span class=meta>{esc(e.type)} · "
            f"{plural(e.articles, 'story', 'stories')}</span></li>"
            for e in profile.entities
        )
        parts.append(f"<h2>what the stories name</h2><ul>{rows}</ul>")
    rows = "".join(
        f"<li><a href='/article/{r.id}'>{esc(r.title or '(no title)')}</a> "
        f"<span class=meta>{esc(r.site)} · {esc(r.published or 'no date')}</span></li>"
        for r in profile.latest
    )
    parts.append(f"<h2>latest</h2><ul>{rows}</ul>")
    return "".join(parts)


def no_entity_html(name: str, similar: Sequence[str]) -> str:
    others = ", ".join(entity_link(n) for n in similar)
    hint = f"<p>similar names: {others}</p>" if others else ""
    return f"<h1>{esc(name)}</h1><p>no article names this entity</p>{hint}<p><a href='/entities'>all entities</a></p>"


def entity_html(profile: EntityProfile, filters: SearchFilters) -> str:
    """One entity's profile: its articles month by month (bars), the entities named with it,
    what it said, its latest articles, and a search of the articles naming it."""
    types = ", ".join(f"{esc(kind)} ({n})" for kind, n in profile.types)
    span = (
        f" · {esc(profile.first[:10])} to {esc(profile.last[:10])}" if profile.first and profile.last else ""
    )
    parts = [
        f"<h1>{esc(profile.name)}</h1>",
        f"<p class='meta'>{types} · {plural(profile.articles, 'article')} · "
        f"{plural(profile.mentions, 'mention')}{span}</p>",
        f"<p><a href='/?{esc(urlencode(_filter_params(filters) | {'entity': profile.name}))}'>"
        "every article naming it</a></p>",
    ]
    if profile.months:
        parts.append("<h2>articles by month</h2>" + bars_html(profile.months, profile.undated))
    if profile.together:
        rows = "".join(
            f"<li>{entity_link(o.name, filters)} <span class=meta>{esc(o.type)} · {plural(o.articles, 'article')}</span></li>"
            for o in profile.together
        )
        parts.append(f"<h2>named with</h2><ul>{rows}</ul>" + network_links(filters, {"entity": profile.name}))
    if profile.quotes:
        rows = "".join(
            f"<li>“{esc(q.text)}” <span class=meta>{esc(q.verb or '')} · "
            f"<a href='/article/{q.article_id}'>{esc(q.title or '(no title)')}</a> · {esc(q.published or 'no date')}</span></li>"
            for q in profile.quotes
        )
        more = f"<p><a href='/quotes?{esc(urlencode(_filter_params(filters) | {'speaker': profile.name}))}'>every quote</a></p>"
        parts.append(f"<h2>said</h2><ul>{rows}</ul>{more}")
    rows = "".join(
        f"<li><a href='/article/{r.id}'>{esc(r.title or '(no title)')}</a> "
        f"<span class=meta>{esc(r.site)} · {esc(r.published or 'no date')}</span></li>"
        for r in profile.latest
    )
    parts.append(f"<h2>latest articles</h2><ul>{rows}</ul>")
    return "".join(parts)


def sites_html(reports: Sequence[SiteReport]) -> str:
    rows = "".join(
        f"<tr><td><a href='/?{urlencode({'site': r.site, 'q': ''})}'>{esc(r.site)}</a></td><td>{r.pages}</td>"
        f"<td>{r.articles}</td><td>{r.template_blocks}</td><td>{esc(' | '.join(r.examples))}</td></tr>"
        for r in reports
    )
    return (
        "<h1>Sites</h1><table><tr><th>site</th><th>distinct pages</th><th>articles</th>"
        f"<th>template blocks</th><th>examples</th></tr>{rows}</table>"
    )
