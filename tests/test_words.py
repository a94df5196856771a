"""Word lists kept as data: every file loads, is documented, and is used by the code."""

from pathlib import Path

import pytest

from trustledger.words import UnknownWordList, list_names, word_list, words

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "trustledger" / "data" / "words"


def test_every_list_is_documented_and_read_by_code():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "trustledger").rglob("*.py"))
    assert list_names(), "no word lists shipped"
    for name in list_names():
        assert f"`{name}.txt`" in readme, f"{name}.txt is not described in data/words/README.md"
        assert f'"{name}"' in code, f"no module reads the word list {name}"
        assert word_list(name), f"{name}.txt is empty"


def test_comments_blank_lines_and_case():
    honorifics = words("honorifics")
    assert "ayatollah" in honorifics and "mr." in honorifics
    assert not any(w.startswith("#") or not w.strip() for w in honorifics)
    assert all(w == w.lower() for w in honorifics)


def test_no_list_is_defined_twice():
    seen: dict[str, str] = {}
    for name in list_names():
        key = "\n".join(sorted(words(name)))
        assert key not in seen, f"{name}.txt repeats {seen.get(key)}.txt"
        seen[key] = name


def test_unknown_list_is_our_mistake_and_named():
    with pytest.raises(UnknownWordList, match="no_such_list"):
        word_list("no_such_list")


def test_maps_give_values_and_refuse_lines_without_one(monkeypatch):
    from trustledger import words as words_mod
    from trustledger.nlp.dates import MONTHS, NUMBER_WORDS

    assert MONTHS["sept"] == 9 and NUMBER_WORDS["a couple of"] == 2
    assert words_mod.word_map("relative_days")["the day before yesterday"] == "-2"
    monkeypatch.setattr(words_mod, "word_list", lambda name: ("yesterday",))
    words_mod.word_map.cache_clear()
    try:
        with pytest.raises(UnknownWordList, match="entry = value"):
            words_mod.word_map("broken")
    finally:
        words_mod.word_map.cache_clear()
