from __future__ import annotations

import numpy as np

from warta.corpus.dedup import (
    MinHasher,
    UnionFind,
    distinct_length,
    pick_representative,
    similarity,
    text_hash,
)


def test_text_hash_ignores_case_spacing_and_punctuation() -> None:
    assert text_hash("Harga  beras naik!") == text_hash("harga beras, naik")
    assert text_hash("harga beras naik") != text_hash("harga beras turun")


def test_minhash_separates_near_copies_from_unrelated_text() -> None:
    hasher = MinHasher()
    words = [f"w{i}" for i in range(200)]
    base = " ".join(words)
    near = " ".join([*words[:100], "changed", *words[101:]])
    other = " ".join(f"x{i}" for i in range(200))
    a, b, c = hasher.signature(base), hasher.signature(near), hasher.signature(other)
    assert a is not None and b is not None and c is not None
    assert similarity(a, b) > 0.85
    assert similarity(a, c) < 0.1
    assert hasher.signature("too short") is None


def test_signature_is_deterministic_across_instances() -> None:
    text = " ".join(f"kata{i}" for i in range(50))
    a, b = MinHasher().signature(text), MinHasher().signature(text)
    assert a is not None and b is not None
    assert np.array_equal(a, b)
    assert MinHasher().bands(a) == MinHasher().bands(b)


def test_representative_does_not_depend_on_order() -> None:
    candidates = [(3, 100, "2024-01-02", "b"), (1, 100, "2024-01-01", "c"), (2, 90, None, "a")]
    assert pick_representative(candidates) == 1
    assert pick_representative(reversed(candidates)) == 1


def test_union_find_groups() -> None:
    sets = UnionFind()
    sets.union(1, 2)
    sets.union(3, 2)
    sets.union(7, 8)
    assert sorted(sets.groups()) == [[1, 2, 3], [7, 8]]


def test_a_copy_dated_to_the_minute_represents_one_dated_to_the_same_day() -> None:
    # A page's HTML capture (its metadata gives the time) and its WET text (a day from the body):
    # as strings "2025-02-20" sorted first, and the poorer copy stood for the story.
    candidates = [(1, 640, "2025-02-20T10:30:00+07:00", "k.example/a"), (2, 640, "2025-02-20", "w.example/a")]
    assert pick_representative(candidates) == 1
    assert pick_representative([*candidates, (3, 640, "2025-02-19", "z.example/a")]) == 3  # (earlier day)


def test_a_copy_that_repeats_its_paragraphs_does_not_represent_the_fuller_one() -> None:
    # An archive record holding the story twice was the longest body, so it stood for the story.
    story = "Banjir merendam tiga kecamatan.\nWarga mengungsi ke masjid.\nAir surut pada malam hari."
    twice = story + "\n" + story
    fuller = story + "\nPemerintah kota menyiapkan bantuan."
    assert distinct_length(twice) == distinct_length(story) < distinct_length(fuller) < len(twice)
    candidates = [(1, distinct_length(twice), None, "a"), (2, distinct_length(fuller), None, "b")]
    assert pick_representative(candidates) == 2
