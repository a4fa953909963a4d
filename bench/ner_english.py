"""Score the English rule-based entity recogniser on sentences we wrote (dev and held-out).

    python bench/ner_english.py     # prints a table, writes bench/results/ner-en.{json,md}

Gold is marked inline as `[text|type]`; a found entity counts when its span and type match.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.enrich import EnrichContext  # noqa: E402
from warta.enrich.entities import EntityRecogniser  # noqa: E402

MARK = re.compile(r"\[([^\[\]|]+)\|(\w+)\]")
SETS = {
    "dev": ROOT / "bench" / "data" / "ner-en-dev.txt",
    "dev 2": ROOT / "bench" / "data" / "ner-en-dev2.txt",
    "held-out": ROOT / "bench" / "data" / "ner-en-heldout.txt",
    "held-out 2": ROOT / "bench" / "data" / "ner-en-heldout2.txt",
    "held-out 3": ROOT / "bench" / "data" / "ner-en-heldout3.txt",
    "held-out 4": ROOT / "bench" / "data" / "ner-en-heldout4.txt",
    "held-out 5": ROOT / "bench" / "data" / "ner-en-heldout5.txt",
    "held-out 6": ROOT / "bench" / "data" / "ner-en-heldout6.txt",
    "held-out 7": ROOT / "bench" / "data" / "ner-en-heldout7.txt",
}
RESULTS = ROOT / "bench" / "results"
NOTES = [
    "dev: tuned on. held-out: written before the first rules, never tuned on (its misses were read).",
    "held-out 2: 30 sentences written on 2026-11-28 before the dateline, gazetteer, name-particle and",
    "organisation-cue rules; scored once before them (P 70.0, R 38.9, F1 50.0) and once after. Its misses were",
    "seen in that first run, and the city list was written after it (general knowledge, a few hundred cities, so",
    "its cities are in it), and its cue phrases ('shares of', 'said in a statement', 'a spokesman for') are in",
    "the cue lists: it is not fully blind. Its 'Bosphorus', club names and 'League' were left unfixed.",
    "Before those rules: dev F1 98.8, held-out F1 85.7.",
    "",
    "dev 2: 20 sentences written on 2026-11-28 for the club, exchange, index, event and product cues; tuned on",
    "(F1 50.7 before those cues). held-out 3: 40 sentences (sport, markets, tech products, events, politics) written",
    "blind on 2026-11-28, before the rule code was read closely and before those cues; scored once before them",
    "(P 66.7, R 54.7, F1 60.1) and once after (this table). Its misses were seen in the first run and its F1 once",
    "more halfway (71.1). The cue lists are general knowledge, never its names, but they hold words of the families",
    "its misses showed ('Inter', 'City', 'Finals', 'Prix', 'Average'), so the after score is not fully blind. Misses",
    "seen only there were left alone ('Premier League' cut at the title 'Premier', 'New York Stock Exchange' cut at",
    "the common word 'New', 'Tour de France', 'Model Y', 'iPhone 17', one-word clubs and companies). The same cues",
    "took held-out from 88.9 to 100.0 and held-out 2 from 87.0 to 92.7 (its clubs, 'League' and 'Bosphorus').",
    "Twentieth session, later: one of those misses fixed as the general bug it is (a common word that opens a known",
    "place's name, 'New' of 'New York', is kept: 'New York Stock Exchange', 'New York Times' were cut to 'Stock",
    "Exchange', 'York Times'): held-out 3 73.1 -> 74.5 by that one sentence, which is no longer blind. Then a",
    "second: a title word that opens a name of another type ('Premier League': the rules' type of the whole is an",
    "event) is no title there ('League' came out as a person): 74.5 -> 75.5, that sentence no longer blind either.",
    "",
    "Twenty-first session: held-out 4, 40 sentences (courts, health, weather, business, sport, tech, local news,",
    "politics) written blind on 2026-11-28 before the rule code and en.toml were read; scored once before the",
    "session's changes (P 75.0, R 54.5, F1 63.2) and once at the end (this table). One run of this script",
    "half-way printed it as well (71.6, as at the end), by mistake. Nothing was",
    "changed for it: its misses stay (one-word companies: 'Unilever', 'Shell', 'Spotify'; 'Emirates Stadium';",
    "'Storm Darragh'; 'Thames Water'; 'Boston Celtics', which the plural-nickname rule leaves out as an '-ics'",
    "word; '12 A350 aircraft' without a determiner). One convention differs from held-out 3: a national team",
    "('England captain') is an organisation there. The session's changes (teams by role, score and result;",
    "product words, versions, makers and brand spellings; no person ending in a bare letter: 'Plan B'; a seat of",
    "power after 'at the' is a place; 'its' after a verb; indices by number and move; Show, Contest, Expo; Serie,",
    "Ligue, Tour de heads; a plural's apostrophe in \"St James' Park\") were made on the misses of dev 2, held-out 2",
    "and 3 and the annotation guard's pages: dev 2 94.4 -> 98.7, held-out 2 92.7 -> 96.4 and held-out 3",
    "75.5 -> 92.2 are not blind.",
    "",
    "Twenty-fourth session: held-out 5, 40 sentences (courts, health, weather, business, sport, tech, local news,",
    "politics, culture, science) written blind on 2026-11-28 before the rule code and en.toml were read; scored",
    "once before the session's changes (P 78.7, R 65.5, F1 71.5) and once at the end (this table). The changes",
    "were made on the misses of held-out 4 and 5: a list of well-known companies, brands, products, towns and",
    "counties of Britain and Ireland and sports grounds (en.known.toml, general knowledge, but it holds those",
    "sets' own one-word names: Unilever, Shell, Spotify, Airbus, Nintendo, Samsung, Pfizer, Volkswagen, Sony,",
    "Anfield, Oldham, Pontypridd and more; 'Santander', a city too, and 'Windows' are left out); named storms",
    "as event heads; Stadium, Arena, Nebula and River as place words; Lines, Co and Bowl; a place's Water",
    "utility; '-ics' nicknames ('Boston Celtics', not 'Olympics'); three-digit scores ('112-98'); 'Chief",
    "Constable'; a possessive inside a name (\"Addenbrooke's Hospital\"); 'and' inside an agency's name ('Food",
    "and Drug Administration'); a product noun after a name ('12 A350 aircraft', 'probe'); an organisation",
    "word and its place ('Imperial College London'); 'the IG Metall union'. So neither held-out 4 (71.6 ->",
    "91.7) nor held-out 5 (71.5 -> 91.7) is blind any more, and the list also took held-out 2 (96.4 -> 98.2:",
    "'Old Trafford') and 3 (92.2 -> 95.7: 'Samsung', 'Boeing', 'Sony', 'ChatGPT', 'Nasdaq', 'Santiago",
    "Bernabeu') out of blindness. Misses left: 'Royal College of Nursing', 'M4', 'Aemet', 'Paris-Roubaix',",
    "'GPT-5', 'Kindle Scribe', 'MacBook Pro', 'Windows', 'Kirkgate Market', 'Treasury', 'Edinburgh Festival",
    "Fringe', 'Falcon Heavy' (joined to its maker 'SpaceX'), 'James Webb Space Telescope', 'Johns Hopkins',",
    "'Transport for London', 'Centers for Disease Control and Prevention', 'Santander', 'Sevilla', 'Ashes',",
    "'Brazilian Grand Prix', 'Fiat 500e', 'Residents of Hebden Bridge'.",
    "",
    "Twenty-fifth session: held-out 6, 40 sentences (courts, health, weather, business, sport, tech, local news,",
    "politics, culture, science; Africa and Asia as well) written blind on 2026-11-29 before the rule code and",
    "the lexicon were read, committed before its first run; scored once before the session's changes (P 84.8,",
    "R 68.4, F1 75.7) and once at the end (this table). The changes were made on its misses: the word before a",
    "name's first 'of' types it ('Supreme Court of India', 'House of Commons', 'Republic of Ireland', 'Africa Cup",
    "of Nations'); a mixed-case name ending in an acronym is no person, and a known place's agency ('Africa",
    "CDC'); road numbers before a road word ('the A66 between'); 'X, <known place>' and 'between <known place>",
    "and X' are places; product nouns before a name ('drug'), 'assistant' and a version before one after it; a",
    "known place and two words ending in a plural is a team ('Chennai Super Kings'); Museum, Gallery, Ground. And",
    "en.known.toml grew (general knowledge, but with this set's own names: Eskom, Safaricom, Optus, Isro,",
    "Scottish Government, M-Pesa, Mayotte, Tamil Nadu, Kumasi, Karoo, Sriharikota, Truro, Penrith, Augusta",
    "National, Masters): held-out 6 (75.7 -> 96.0) is not blind any more. The 'of' rule and the roads also took",
    "held-out 5 from 91.7 to 92.7 ('Royal College of Nursing', 'M4'). Misses left: national teams without a",
    "score ('Morocco', 'Nigeria'), 'Mate XT', 'Excel', 'Outlook', 'SU7', 'Lei Jun' ('Jun' a month's",
    "abbreviation).",
    "",
    "Thirtieth session: held-out 7, 40 sentences, half news prose (politics, business, sport, courts, science)",
    "and half the prose of non-news web pages a news crawl picks up (product and service pages, how-to guides,",
    "docs, event listings, 'About us', job ads: capitalised heading words, calls to action, plan names, generic",
    "acronyms, job titles), written blind on 2026-11-29 before the rule code and the lexicon were read for it and",
    "committed before its first run. First (blind) run, on main 02de602's code: P 71.2, R 77.0, F1 74.0 (17",
    "junk people: 'Frequently Asked Questions', 'Sign Up', 'Save Changes', 'Quick Start Guide', 'Premium",
    "Plan'...). The session's changes came from those misses and from the junk people and organisations of the",
    "WCXB dev corpus (enriched end to end): heading, menu and call-to-action words (not_name_words), a phrase",
    "whose every word the article writes in lower case or the lexicon lists as ordinary words (byline.common_words:",
    "'Screen Size', 'Form Factor'), a brand's first word with an inner capital, a known",
    "maker's name first or a product word last are no person; a word in capitals the article writes in lower",
    "case, an acronym the article spells out in lower case, a legal form or business noun alone and more",
    "acronyms of ordinary words (computing, units, currencies, time zones) are no organisation; US state codes,",
    "a region head before a known place ('Sub-Saharan Africa') are places; an office's 'of' words before a name",
    "('Head of Marketing Tom Adeyemi'); platforms and makers in en.known.toml (Facebook, YouTube, Adobe, Dyson,",
    "...). So held-out 7 (74.0 -> 84.7) is not blind any more; the same changes took held-out 3 from 95.7 to 96.6",
    "and held-out 4 from 92.2 to 92.7 (fewer extras). Misses left: one-word products and companies ('Notion',",
    "'Zoom', 'WordPress', 'LedgerFlow', 'Orion'), 'Kindle Paperwhite', 'Nest Thermostat' and 'Hubble Space",
    "Telescope' read as people, 'Brightwater Coffee' a person, 'Bristol Central', 'Volvo Cars' a product,",
    "'EX60', 'Premium Plan' an organisation (', which' after it). One gold slip of the set: 'Ontario' (in",
    "'Ontario premier Doug Ford') is a place the set does not mark; it counts as an extra in both runs.",
]


def parse(line: str) -> tuple[str, set[tuple[int, int, str]]]:
    """The plain sentence and its gold spans (start, end, type)."""
    text, gold, last = "", set(), 0
    for match in MARK.finditer(line):
        text += line[last : match.start()]
        gold.add((len(text), len(text) + len(match.group(1)), match.group(2)))
        text += match.group(1)
        last = match.end()
    return text + line[last:], gold


def score(path: Path, recogniser: EntityRecogniser, language: str = "en") -> dict[str, object]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    sentences = [parse(line) for line in lines]
    paragraphs = [text for text, _ in sentences]
    found = recogniser.find(paragraphs, EnrichContext((language,), language, None))
    predicted = {(e.paragraph, e.start, e.end, e.type) for e in found}
    gold = {(i, *span) for i, (_, spans) in enumerate(sentences) for span in spans}
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    for item in sorted(predicted ^ gold):
        kind = "missed" if item in gold else "extra"
        print(f"  {kind:6} {paragraphs[item[0]][item[1] : item[2]]!r} {item[3]}")
    return {"sentences": len(lines), "gold": len(gold), "precision": round(100 * p, 1), "recall": round(100 * r, 1),
            "f1": round(100 * f1, 1)}  # fmt: skip


def report(
    language: str, sets: dict[str, Path], name: str, heading: str, command: str, notes: list[str]
) -> None:
    """Score every set with the `language` recogniser; print and write bench/results/{name}.{json,md}."""
    recogniser = EntityRecogniser((language,))
    rows = {}
    for set_name, path in sets.items():
        print(set_name)
        rows[set_name] = score(path, recogniser, language)
        print(f"{set_name}: {rows[set_name]}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    lines = [f"# {heading}", "", f"Command: `{command}`. Exact span and type.", "",
             "| set | sentences | gold entities | P | R | F1 |", "|---|---|---|---|---|---|"]  # fmt: skip
    for set_name, row in rows.items():
        lines.append(
            f"| {set_name} | {row['sentences']} | {row['gold']} | {row['precision']} | {row['recall']} | {row['f1']} |"
        )
    lines += ["", *notes]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    report(
        "en",
        SETS,
        "ner-en",
        "English entities (rules + alias table), on sentences written for warta",
        "python bench/ner_english.py",
        NOTES,
    )


if __name__ == "__main__":
    main()
