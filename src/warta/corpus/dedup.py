"""Exact and near-duplicate detection: normalised text hashes, MinHash and LSH.

Exact: the blake2b hash of the body lower-cased, NFKC-normalised, stripped of
punctuation and whitespace runs. Near: MinHash over word 3-gram shingles
(128 permutations of a universal hash modulo the Mersenne prime 2^61-1, in
numpy) and LSH with 32 bands of 4 rows; candidates that share a band are
verified on the estimated Jaccard similarity, then joined by union-find.

The representative of a cluster is chosen from content, not arrival order
(longest body, then earliest publication, then smallest URL key), so the same
corpus gives the same clusters however, and in whatever order, it was ingested.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class MinHashConfig:
    """MinHash/LSH parameters. `bands * rows` must equal `permutations`."""

    permutations: int = 128
    bands: int = 32
    rows: int = 4
    shingle: int = 3
    threshold: float = 0.7  # estimated Jaccard at or above which two bodies are near duplicates
    min_words: int = 20  # shorter bodies carry too little evidence and are left out of near dedup
    seed: int = 1


def normalise_text(text: str) -> str:
    """Text as compared for exact duplicates: case, accents form, punctuation and spacing removed."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def text_hash(text: str) -> str:
    """Hash of the normalised text (exact-duplicate key)."""
    return hashlib.blake2b(normalise_text(text).encode("utf-8"), digest_size=16).hexdigest()


class MinHasher:
    """Computes MinHash signatures and LSH band keys; build once, apply to many texts."""

    def __init__(self, config: MinHashConfig | None = None) -> None:
        self.config = config or MinHashConfig()
        if self.config.bands * self.config.rows != self.config.permutations:
            raise ValueError("MinHashConfig: bands × rows must equal permutations")
        rng = np.random.default_rng(self.config.seed)
        # a < 2^31 and x < 2^32 keep a·x + b below 2^64: no silent overflow.
        self._a = rng.integers(1, 1 << 31, size=self.config.permutations, dtype=np.uint64)
        self._b = rng.integers(0, 1 << 32, size=self.config.permutations, dtype=np.uint64)

    def shingles(self, text: str) -> npt.NDArray[np.uint64]:
        words = normalise_text(text).split()
        k = self.config.shingle
        if len(words) < self.config.min_words:
            return np.empty(0, dtype=np.uint64)
        grams = {zlib.crc32(" ".join(words[i : i + k]).encode("utf-8")) for i in range(len(words) - k + 1)}
        return np.fromiter(grams, dtype=np.uint64, count=len(grams))

    def signature(self, text: str) -> npt.NDArray[np.uint32] | None:
        """The MinHash signature of a text, or None when it is too short to judge."""
        values = self.shingles(text)
        if values.size == 0:
            return None
        hashed: npt.NDArray[np.uint64] = (np.outer(values, self._a) + self._b) % _MERSENNE & _MASK32
        signature: npt.NDArray[np.uint32] = hashed.min(axis=0).astype(np.uint32)
        return signature

    def bands(self, signature: npt.NDArray[np.uint32]) -> tuple[int, ...]:
        """One signed 64-bit bucket key per band (band index mixed in)."""
        rows = self.config.rows
        keys = []
        for band in range(self.config.bands):
            chunk = signature[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return tuple(keys)


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / a.size


class UnionFind:
    """Disjoint sets over integer ids (path halving, union by size)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.size: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size.get(ra, 1) < self.size.get(rb, 1):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] = self.size.get(ra, 1) + self.size.get(rb, 1)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values() if len(g) > 1]


def link_bucket(
    members: Sequence[int],
    signatures: dict[int, npt.NDArray[np.uint32]],
    threshold: float,
    sets: UnionFind,
    max_pairwise: int = 24,
) -> None:
    """Verify the candidates sharing one LSH bucket and join the true near duplicates.

    Small buckets are checked pair by pair; a large one (a common template
    left in many bodies, say) is checked against its members' first elements
    only, which keeps the work linear.
    """
    ids = sorted(members)
    anchors = ids if len(ids) <= max_pairwise else ids[:4]
    for i, a in enumerate(anchors):
        sig_a = signatures[a]
        for b in ids[i + 1 :] if len(ids) <= max_pairwise else ids:
            if b != a and sets.find(a) != sets.find(b) and similarity(sig_a, signatures[b]) >= threshold:
                sets.union(a, b)


def distinct_length(body: str) -> int:
    r"""The characters of a body's distinct paragraphs: how much it says. A capture that repeats
    its paragraphs (an archive record with the story twice, a page whose template printed it
    again) is longer, not fuller.

    >>> distinct_length("Satu.\nDua.\nSatu.\nDua.") == distinct_length("Satu.\nDua.")
    True
    """
    return sum(len(line) for line in {line.strip() for line in body.splitlines()})


def pick_representative(candidates: Iterable[tuple[int, int, str | None, str]]) -> int:
    """The id to keep in front: fullest body (`distinct_length`), then earliest day, then the most precise date
    (a copy dated to the minute by its page's metadata before one dated to the day, such as a
    WET text of the same page), then smallest URL key.

    `candidates` are (id, body length, published ISO date or None, url key).
    """
    best = min(candidates, key=lambda c: (-c[1], (c[2] or "9999")[:10], -len(c[2] or ""), c[3]))
    return best[0]
