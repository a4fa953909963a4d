import importlib.util
import json

import pytest

from warta.evaluate import bow_scores, sh_page, sh_scores


def test_identical_text_scores_one():
    s = sh_scores([("a b c d e f", "a b c d e f")])
    assert (s.precision, s.recall, s.f1, s.exact) == (1.0, 1.0, 1.0, 1.0)


def test_empty_prediction_lowers_recall_only():
    s = sh_scores([("", "a b c d e"), ("a b c d e", "a b c d e")])
    assert s.precision == 1.0
    assert s.recall == 0.5


def test_short_texts_are_one_shingle():
    assert sh_page("a b", "a b").precision == 1.0
    assert sh_page("a b", "a c").precision == 0.0


def test_agrees_with_the_reference_scorer(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip("reference scorer missing")
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    gold = {
        k: v["articleBody"]
        for k, v in json.loads((shared / "bench" / "scrapinghub" / "ground-truth.json").read_text()).items()
    }
    keys = sorted(gold)[:60]
    # Predictions of varying quality: truncated, padded with noise, empty.
    pred = {}
    for i, k in enumerate(keys):
        text = gold[k]
        pred[k] = [text[: len(text) // 2], text + " Share on Facebook Tweet this", "", text][i % 4]
    expected = ref.evaluate({k: gold[k] for k in keys}, pred)
    ours = sh_scores([(pred[k], gold[k]) for k in keys])
    assert round(ours.precision, 3) == round(expected["sh_P"], 3)
    assert round(ours.recall, 3) == round(expected["sh_R"], 3)
    assert round(ours.f1, 3) == round(expected["sh_F1"], 3)
    assert round(bow_scores([(pred[k], gold[k]) for k in keys]).f1, 2) <= 1.0
