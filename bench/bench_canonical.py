"""Canonical entity names: precision/recall of (surface -> canonical name) pairs and of merged
entities, on bench/data/canonical-heldout.json (68 short passages, id and en, written for warta
by hand before it ran on them) and bench/data/canonical-heldout2.json (60 passages, 30 id and
30 en, full of short forms, written blind in the twenty-fifth session) and
bench/data/canonical-heldout3.json (30 passages, 15 id and 15 en, written blind in the thirtieth
session), each set by language.

    python bench/bench_canonical.py

Each passage lists every named person, organisation and place as (surface, canonical, type).
A surface is compared without a leading 'the' or a trailing possessive ("the Fed" is "Fed",
"Yellen's" is "Yellen"); canonical names without case, hyphens or a leading 'the', and a gold
canonical may name equally right alternatives ("Solo | Surakarta").

- pairs: the passage's distinct (surface, canonical) pairs the recogniser gives against the gold
  ones; a pair is right when its surface is a gold surface and its canonical one of that
  surface's names.
- canonical accuracy: over the gold surfaces the recogniser found at all, how many carry a right
  canonical name (what canonicalisation gets right once the span is found).
- merged: every two distinct surfaces of a passage with one canonical name are a link ("Mulyani"
  with "Sri Mulyani"); links found against gold links. Two people who share a surname, or
  'Jakarta' and 'Jakarta Utara', are no gold link: merging them costs precision.

Results go to bench/results/canonical.{json,md}; every passage not read exactly is printed.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import ROOT, markdown_table, write_results
from warta.enrich import EnrichContext
from warta.enrich.entities import EntityRecogniser
from warta.enrich.types import Entity

SETS = (
    ("held-out", ROOT / "bench" / "data" / "canonical-heldout.json"),
    ("held-out 2", ROOT / "bench" / "data" / "canonical-heldout2.json"),
    ("held-out 3", ROOT / "bench" / "data" / "canonical-heldout3.json"),
)
LANGUAGES = ("id", "en")
NOTES = [
    "held-out: 68 passages (34 id, 34 en) written blind; first run pairs P 0.906 R 0.886, canonical 0.944,",
    "links P 1.000 R 0.820. Its misses were read and fixed as general causes, so it is no longer blind.",
    "",
    "held-out 2: 60 passages (30 id, 30 en, 270 gold names) written blind in the twenty-fifth session,",
    "before the canonicalisation code or the alias tables were read, full of short forms (Pemprov, Pemkot,",
    "Pemkab, Kemen* and agency abbreviations, Jaksel, Sulsel, Jabar, the Fed, the Commons, Nato, the Met),",
    "given names and surnames after full names, and nicknames. First (blind) run, on main b7a23b0's code:",
    "all pairs P 0.886 R 0.863, canonical 0.928, type 0.970, links P 0.940 R 0.797 (id P 0.890 R 0.877,",
    "links R 0.923; en P 0.882 R 0.849, links R 0.697). Then general fixes (this table): alias data of",
    "general knowledge (Nato, House of Commons, UN Security Council, CDC, Metropolitan Police and Scotland",
    "Yard, Lula; Jaksel, Jaktim, Jakut, Jakbar, Jakpus, PBNU as Pengurus Besar Nahdlatul Ulama, Basarnas,",
    "Otorita IKN, ITB, UGM, IPB, Prabowo), Indonesian regional bodies spelled out (Pemkot, Pemkab, Pemprov,",
    "Polda, Polres, Kejati...), a known company with its legal form ('Microsoft Corp' is Microsoft), a body",
    "after an office no part of the name after it ('Gubernur BI' + name), two-letter family names written",
    "first ('Xi' after 'Xi Jinping'). Those names of the set are in the data now: the after score is not",
    "blind. Left: spans of the rules or the tagger ('Senate Majority', 'WHO Director-General Tedros ...',",
    "'Robert F. Kennedy Jr.' cut, 'Massachusetts Institute of Technology' cut at 'of', 'Polda Metro Jaya",
    "Kombes ...' as one name, 'Von der Leyen'), 'Ms Abernathy' (which of two people), 'Harbor Point' after",
    "'Harbor Point Capital', a bare 'the Met' (also the Met Office, the Met Gala), 'Guterres's spokesman'",
    "and canonical names the data chooses otherwise (IKN, Yogyakarta as DIY, Lebaran an event).",
    "",
    "held-out 3: 30 passages (15 id, 15 en, 136 gold names) written blind in the thirtieth session, before",
    "warta ran on them and before the canonicalisation code or alias tables were read for them, committed before",
    "the first run: Menkeu, Kemendikdasmen, Kemenlu, Jateng, Jatim, Jakbar, Korsel, Korut, PDIP, Polri, KPK,",
    "Kejagung, Himbara, Antam, SUGBK, club nicknames ('Macan Kemayoran'), 'sapaan akrab' nicknames, the Fed,",
    "FOMC, BoE and 'the Bank', ECB, IDF, WHO, DRC, Man Utd, Spurs, surnames before full names (Trump, Macron,",
    "Biden), capitals for governments (Beijing, Washington, Seoul, Tokyo: their own names, no merge with the",
    "country). First (blind) run, on main 02de602's code: all pairs P 0.882 R 0.824, canonical 0.918, type",
    "0.973, links P 1.000 R 0.645 (id P 0.839 R 0.758, links R 0.300; en P 0.915 R 0.878, links R 0.809).",
    "Then general fixes (this table): a name right after a rank that the tagger typed a place is a person",
    "('Menkeu Purbaya Yudhi Sadewa'; 'PM Singapura Lawrence Wong' cut at the known place), and alias data of",
    "general knowledge (FOMC, IDF, DRC, Man Utd, Tottenham Hotspur, Liga 1 clubs and their nicknames, Antam,",
    "Himbara, Kemendikdasmen, SUGBK): those names of the set are in the data now, so the after score",
    "is not blind. Left: 'Mega' for Megawati (a cut given name), 'Noel' ('sapaan akrab'), 'Gedung Merah Putih",
    "KPK' cut, 'Puncak', 'Teuku Faisal Fathani' ('BMKG Teuku'), 'Putin' alone, 'the Bank', 'Spurs' (also San",
    "Antonio's), 'Tottenham' (also a district), 'the Treasury'.",
]


@dataclass(frozen=True)
class Passage:
    id: str
    language: str
    paragraphs: tuple[str, ...]
    gold: dict[str, frozenset[str]]  # surface -> its right canonical names
    types: dict[str, str]


@dataclass
class Tally:
    gold_pairs: int = 0
    found_pairs: int = 0
    right_found: int = 0  # found pairs that are right
    right_gold: int = 0  # gold pairs some found pair gets right
    spotted: int = 0  # gold surfaces found with any canonical
    typed_right: int = 0
    gold_links: int = 0
    found_links: int = 0
    right_links: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "gold_pairs": self.gold_pairs,
            "found_pairs": self.found_pairs,
            "pair_precision": ratio(self.right_found, self.found_pairs),
            "pair_recall": ratio(self.right_gold, self.gold_pairs),
            "canonical_accuracy": ratio(self.right_gold, self.spotted),
            "type_accuracy": ratio(self.typed_right, self.right_gold),
            "gold_links": self.gold_links,
            "found_links": self.found_links,
            "merge_precision": ratio(self.right_links, self.found_links),
            "merge_recall": ratio(self.right_links, self.gold_links),
        }


def surface_key(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"['’]s?$", "", text).strip()


def canonical_key(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(text.casefold().replace("-", " ").split())


def load(path: Path) -> list[Passage]:
    data = json.loads(path.read_text(encoding="utf-8"))
    passages = []
    for item in data["passages"]:
        gold = {
            surface_key(surface): frozenset(canonical_key(name) for name in canonical.split("|"))
            for surface, canonical, _ in item["entities"]
        }
        types = {surface_key(surface): kind for surface, _, kind in item["entities"]}
        passages.append(Passage(item["id"], item["language"], tuple(item["paragraphs"]), gold, types))
    return passages


def _links(names: dict[str, frozenset[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, b in combinations(sorted(names), 2) if names[a] & names[b]}


def tally(passage: Passage, entities: list[Entity]) -> Tally:
    found: dict[str, set[str]] = {}
    kinds: dict[tuple[str, str], str] = {}
    for entity in entities:
        key = surface_key(entity.text)
        found.setdefault(key, set()).add(canonical_key(entity.canonical))
        kinds[(key, canonical_key(entity.canonical))] = entity.type
    pairs = [(surface, canonical) for surface, names in found.items() for canonical in names]
    out = Tally(gold_pairs=len(passage.gold), found_pairs=len(pairs))
    out.right_found = sum(canonical in passage.gold.get(surface, ()) for surface, canonical in pairs)
    for surface, names in passage.gold.items():
        if surface in found:
            out.spotted += 1
            right = found[surface] & names
            if right:
                out.right_gold += 1
                out.typed_right += any(kinds[(surface, name)] == passage.types[surface] for name in right)
    gold_links = _links(passage.gold)
    found_links = _links({surface: frozenset(names) for surface, names in found.items()})
    out.gold_links, out.found_links = len(gold_links), len(found_links)
    out.right_links = len(gold_links & found_links)
    return out


def _miss(passage: Passage, entities: list[Entity]) -> str | None:
    got = sorted({(surface_key(e.text), e.canonical) for e in entities})
    right = all(canonical_key(c) in passage.gold.get(s, ()) for s, c in got)
    covered = {s for s, _ in got}
    if (
        right
        and covered >= set(passage.gold)
        and tally(passage, entities).found_links == len(_links(passage.gold))
    ):
        return None
    expected = sorted((s, " | ".join(sorted(names))) for s, names in passage.gold.items())
    return f"{passage.id} {passage.paragraphs[0][:60]!r}\n    got      {got}\n    expected {expected}"


def score_set(
    recogniser: EntityRecogniser, passages: list[Passage]
) -> tuple[dict[str, dict[str, float | int]], list[str]]:
    """Scores of one set by language and overall, and its passages not read exactly."""
    totals = {language: Tally() for language in (*LANGUAGES, "all")}
    misses: list[str] = []
    for passage in passages:
        entities = recogniser.find(passage.paragraphs, EnrichContext(LANGUAGES, passage.language, None))
        result = tally(passage, entities)
        totals[passage.language].add(result)
        totals["all"].add(result)
        miss = _miss(passage, entities)
        if miss:
            misses.append(miss)
    scores = {
        language: {"passages": sum(language in ("all", p.language) for p in passages), **total.scores()}
        for language, total in totals.items()
    }
    return scores, misses


def main() -> None:
    recogniser = EntityRecogniser(LANGUAGES)
    payload: dict[str, object] = {}
    rows: list[list[object]] = []
    all_misses: list[str] = []
    for name, path in SETS:
        scores, misses = score_set(recogniser, load(path))
        payload[name] = {**scores, "misses": misses}
        all_misses += [f"[{name}] {miss}" for miss in misses]
        for language, row in scores.items():
            rows.append(
                [
                    name,
                    language,
                    row["passages"],
                    row["gold_pairs"],
                    row["pair_precision"],
                    row["pair_recall"],
                    row["canonical_accuracy"],
                    row["type_accuracy"],
                    row["gold_links"],
                    row["merge_precision"],
                    row["merge_recall"],
                ]
            )
    table = markdown_table(
        [
            "set",
            "lang",
            "passages",
            "gold pairs",
            "pair P",
            "pair R",
            "canonical acc.",
            "type acc.",
            "gold links",
            "merge P",
            "merge R",
        ],
        rows,
    )
    print(table)
    print(f"\npassages not read exactly: {len(all_misses)}")
    for miss in all_misses:
        print("  " + miss)
    document = "\n".join(
        [
            "# Canonical entity names, on passages written blind for warta",
            "",
            "Command: `python bench/bench_canonical.py`.",
            "",
            table,
            "",
            *NOTES,
        ]
    )
    write_results("canonical", payload, document)


if __name__ == "__main__":
    main()
