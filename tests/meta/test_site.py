"""`warta.meta.site`: site name keys."""

from __future__ import annotations

import random
import re

from warta.meta.site import name_key, site_keys


def test_a_name_key_is_its_letters_and_digits_lower_cased() -> None:
    assert name_key("The Verge") == "theverge"
    assert name_key("theverge.com") == "thevergecom"
    assert name_key("Diário_do Vale!") == "diáriodovale"
    assert sorted(site_keys(["The Verge"], "https://www.theverge.com/x")) == ["theverge", "thevergecom"]


def test_the_ascii_name_key_is_the_regex_one() -> None:
    """An ASCII text's key (one `bytes.translate`) is the regex's, on every ASCII character and on
    generated texts of them."""
    non_word = re.compile(r"[\W_]+")
    rng = random.Random(29)
    texts = [chr(c) for c in range(128)] + ["".join(map(chr, range(128)))]
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 20))) for _ in range(5_000)]
    for text in texts:
        assert name_key(text) == non_word.sub("", text.lower()), repr(text)
