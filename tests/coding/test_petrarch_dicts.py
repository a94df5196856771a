"""PETRARCH/Phoenix dictionary readers: the real files, the format rules, and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trustledger.coding.petrarch_dicts import (
    ActorEntry,
    AgentEntry,
    VerbPattern,
    dictionary_kind,
    petrarch_date,
    read_actor_files,
    read_actors,
    read_agents,
    read_verbs,
)
from trustledger.errors import InputError


@pytest.fixture(scope="module")
def petr(shared_data: Path) -> Path:
    return shared_data / "petrarch"


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("text, expected", [
    ("890604", date(1989, 6, 4)),
    ("000101", date(2000, 1, 1)),
    ("300101", date(2030, 1, 1)),  # 00-30 -> 20YY
    ("310101", date(1931, 1, 1)),  # 31-99 -> 19YY
    ("20130119", date(2013, 1, 19)),
    ("18970101", date(1897, 1, 1)),
])
def test_petrarch_century_rule(text: str, expected: date) -> None:
    assert petrarch_date(text) == expected


@pytest.mark.parametrize("text", ["8906", "891340", "890631", "89x604", ""])
def test_bad_petrarch_dates(text: str) -> None:
    with pytest.raises(ValueError):
        petrarch_date(text)


# ---------------------------------------------------------------- the real files


def test_all_published_files_parse(petr: Path) -> None:
    counts = {}
    for name in ["PETR.Validate.actors.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"]:
        assert dictionary_kind(petr / name) == "actors"
        counts[name] = len(read_actors(petr / name).entries)
    for name in ["PETR.Validate.agents.txt", "Phoenix.agents.txt"]:
        assert dictionary_kind(petr / name) == "agents"
        counts[name] = len(read_agents(petr / name).entries)
    for name in ["CAMEO.2.0.txt", "PETR.Validate.verbs.txt"]:
        assert dictionary_kind(petr / name) == "verbs"
        counts[name] = len(read_verbs(petr / name).patterns)
    assert counts["Phoenix.Countries.actors.txt"] > 30000
    assert counts["Phoenix.International.actors.txt"] > 5000
    assert counts["Phoenix.agents.txt"] > 4000
    assert counts["CAMEO.2.0.txt"] > 40000
    assert min(counts.values()) > 100


def test_phoenix_person_with_dated_codes(petr: Path) -> None:
    entries = [e for e in read_actors(petr / "Phoenix.Countries.actors.txt").entries if e.phrase == ("putin",)]
    assert {e.root for e in entries} == {("vladimir", "putin")}
    codes = {(e.code, e.start, e.end) for e in entries}
    assert ("RUSGOV", date(1999, 8, 9), date(2000, 5, 7)) in codes
    assert ("RUSGOV", date(2008, 5, 8), None) in codes  # [RUSGOV >080508]
    assert ("RUSELI", None, None) in codes  # the default code
    on_2015 = {e.code for e in entries if e.valid_on(date(2015, 1, 1)) and e.start is not None}
    assert on_2015 == {"RUSGOV"}
    on_1985 = {e.code for e in entries if e.valid_on(date(1985, 1, 1)) and (e.start or e.end)}
    assert on_1985 == {"RUSELI"}


def test_phoenix_country_synonyms(petr: Path) -> None:
    entries = read_actors(petr / "Phoenix.Countries.actors.txt").entries
    iran = {e.phrase for e in entries if e.code == "IRN" and e.start is None and e.end is None}
    assert ("iran",) in iran and ("tehran",) in iran


def test_tabari_style_codes_on_the_phrase_line(petr: Path) -> None:
    """Phoenix.International keeps several codes on one line: [IGOUNO 820101-911231] [ELI]."""
    entries = [e for e in read_actors(petr / "Phoenix.International.actors.txt").entries
               if e.root == ("javier", "de", "cuellar")]
    assert {(e.code, e.start, e.end) for e in entries} == {
        ("IGOUNO", date(1982, 1, 1), date(1991, 12, 31)), ("ELI", None, None)}


def test_published_quirks_become_warnings(petr: Path) -> None:
    actors = read_actors(petr / "Phoenix.Countries.actors.txt")
    assert any("line 2039" in w and "9008223" in w for w in actors.warnings)  # read PETRARCH's way
    assert any("ends before it starts" in w for w in actors.warnings)
    agents = read_agents(petr / "Phoenix.agents.txt")
    assert any("ISLAMIC_EXTREMIST" in w for w in agents.warnings)  # no code: skipped like PETRARCH
    verbs = read_verbs(petr / "CAMEO.2.0.txt")
    assert any("&WEATHER" in w for w in verbs.warnings)  # undefined synonym set: pattern skipped


def test_validation_actor_records(petr: Path) -> None:
    entries = read_actors(petr / "PETR.Validate.actors.txt").entries
    gollum = {(e.phrase, e.code, e.start, e.end) for e in entries if e.root == ("gollum",)}
    for phrase in [("gollum",), ("smeagol",), ("stinker",)]:
        assert (phrase, "HOB", None, date(1995, 6, 1)) in gollum
        assert (phrase, "HOBGOV", date(1995, 6, 1), date(1999, 8, 15)) in gollum
        assert (phrase, "HOBREB", date(1999, 8, 16), None) in gollum
    assert len(gollum) == 4 * 3  # commented-out restriction lines are ignored
    assert ActorEntry(("ent",), "ENT", None, None, ("ent",)) in entries  # code on its own line
    assert ActorEntry(("palestinian",), "PSE", None, None, ("palestinian",)) in entries  # [pse]
    assert not any(e.phrase == ("nasgul",) for e in entries)  # a commented-out record


def test_validation_agents(petr: Path) -> None:
    agents = set(read_agents(petr / "PETR.Validate.agents.txt").entries)
    assert AgentEntry(("president",), "GOV") in agents
    assert AgentEntry(("presidents",), "GOV") in agents  # regular plural
    assert AgentEntry(("parliamentary", "opposition"), "OPP") in agents
    assert AgentEntry(("parliamentary", "oppositions"), "OPP") not in agents  # {} = no plural
    assert AgentEntry(("attorneys", "general"), "GOV") in agents  # {ATTORNEYS_GENERAL}
    assert AgentEntry(("human", "rights", "body"), "NGO", prefix=True) in agents  # [NGO~]
    assert AgentEntry(("police",), "COP") in agents  # [ ~COP]
    assert AgentEntry(("congressman",), "LEG") in agents  # CONGRESS!PERSON!
    assert AgentEntry(("ministries", "of", "silly", "walks"), "GOV") in agents  # !MINST!_OF_SILLY_WALKS
    assert AgentEntry(("golden", "geese"), "GGS") in agents


def test_cameo_verbs(petr: Path) -> None:
    verbs = read_verbs(petr / "CAMEO.2.0.txt")
    assert verbs.forms("hurry") == ("hurry", "hurries", "hurrying", "hurried")
    assert set(verbs.forms("impose")) >= {"impose", "imposes", "imposed", "imposing"}  # generated
    assert verbs.verbs["ask for"].code == "020"  # +ASK_FOR {...} [020]
    assert verbs.verbs["impose"].code == "170"  # the block's code
    assert verbs.verbs["accelerate"].code is None  # [---]
    assert VerbPattern("impose", (), ("sanctions",), "163") in verbs.patterns
    assert VerbPattern("levy", (), ("sanctions",), "163") in verbs.patterns  # every verb of the block
    assert VerbPattern("move", ("$", "troop"), ("toward", "+"), "154") in verbs.patterns
    assert VerbPattern("rush", (), ("&FOOD",), "073") in verbs.patterns
    assert ("food",) in verbs.synsets["&FOOD"] and ("foods",) in verbs.synsets["&FOOD"]
    assert ("was",) in verbs.synsets["&AUXVERB1"] and ("wass",) not in verbs.synsets["&AUXVERB1"]  # name_ = no plurals
    assert ("*", "food") in verbs.expand(("*", "&FOOD"))
    assert verbs.form_index()["hurried"] == "hurry"
    assert not any(p.verb.startswith("~") for p in verbs.patterns)  # transformations skipped


def test_validation_verbs(petr: Path) -> None:
    verbs = read_verbs(petr / "PETR.Validate.verbs.txt")
    assert verbs.verbs["klm nop rst"].code == "002"  # KLM_NOP_+RST [002]
    assert VerbPattern("accord", ("in",), (), "075") in verbs.patterns  # IN_*
    assert VerbPattern("abandon", (), ("new", "&TIETYPES", "relations"), "903") in verbs.patterns
    assert ("closer",) in verbs.synsets["&ACCORDSYN"] and ("military",) in verbs.synsets["&ACCORDSYN"]
    assert verbs.verbs["delay"].code == "120"  # --- DELAY [120]  [031:031] ---
    assert VerbPattern("diplomat", (), ("diplxmatic",), "###") not in verbs.patterns
    assert any(p.code == "###" for p in verbs.patterns)  # [###] is a code, not a comment


def test_read_actor_files_sorts_by_kind(petr: Path) -> None:
    actors, agents, _ = read_actor_files([petr / "PETR.Validate.actors.txt", petr / "PETR.Validate.agents.txt"])
    assert actors and agents
    with pytest.raises(InputError, match="--verbs"):
        read_actor_files([petr / "PETR.Validate.verbs.txt"])


# ---------------------------------------------------------------- bad input


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("text, line, reason", [
    ("IRAN [IRN]\nRUSSIA [RUS\n", 2, "'[' without ']'"),
    ("\t[IRNGOV 890604-000101]\n", 1, "before any actor"),
    ("+PERSIA\n", 1, "before any actor"),
    ("KHAMENEI\n\t[IRNGOV 891340-]\n", 2, "no such day"),
    ("KHAMENEI\n\t[IRNGOV 89x604-]\n", 2, "bad date"),
    ("KHAMENEI []\n", 1, "empty code"),
    ("# comment\n<!-- block\ncomment -->\nIRAN [IRN] junk [IRNGOV]\n", 4, "between codes"),
])
def test_bad_actor_lines(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = write(tmp_path, "bad.actors.txt", text)
    with pytest.raises(InputError) as e:
        read_actors(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}: line {line}: ") and reason in msg and "\n" not in msg


@pytest.mark.parametrize("text, line, reason", [
    ("PRESIDENT [GOV]\n", 1, "must start or end with '~'"),
    ("!MINIST! = MINISTER, MINISTRY\nFOREIGN_!MINSTER! [~GOV]\n", 2, "not defined"),
    ("PRESIDENT {PRESIDENTS [~GOV]\n", 1, "unbalanced"),
])
def test_bad_agent_lines(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = write(tmp_path, "bad.agents.txt", text)
    with pytest.raises(InputError) as e:
        read_agents(p)
    assert str(e.value).startswith(f"{p}: line {line}: ") and reason in str(e.value)


@pytest.mark.parametrize("text, line, reason", [
    ("--- GIVE [070] ---\nGIVE {GAVE GIVEN}\n- * AID\n", 3, "without a [code]"),
    ("--- GIVE [070] ---\nGIVE\n- AID [070]\n", 3, "without '*'"),
    ("GIVE\n", 1, "outside"),
    ("- * AID [070]\n", 1, "outside"),
    ("--- GIVE [070] ---\nGIVE {GAVE GIVEN\n", 2, "unbalanced"),
])
def test_bad_verb_lines(tmp_path: Path, text: str, line: int, reason: str) -> None:
    p = write(tmp_path, "bad.verbs.txt", text)
    with pytest.raises(InputError) as e:
        read_verbs(p)
    assert str(e.value).startswith(f"{p}: line {line}: ") and reason in str(e.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_actors(tmp_path / "nope.txt")


def test_small_actor_file_round_trip(tmp_path: Path) -> None:
    p = write(tmp_path, "mine.actors.txt",
              "ALI_KHAMENEI_ ; legacy comment\n+AYATOLLAH_KHAMENEI\n\t[IRNGOV 810101-890603]\n"
              "\t[IRNREL >890604]  # supreme leader\n"
              "ALI_AKBAR_RAFSANJANI [IRNELI]\n\t[IRNGOV 890803-970803]\n\t[IRNGOV 890604-]\n"
              "---STOP---\nIGNORED [XXX]\n")
    entries = read_actors(p).entries
    assert len(entries) == 7
    assert ActorEntry(("ali", "akbar", "rafsanjani"), "IRNGOV", date(1989, 6, 4), None,
                      ("ali", "akbar", "rafsanjani")) in entries  # [IRNGOV 890604-]: open-ended
    assert ActorEntry(("ayatollah", "khamenei"), "IRNREL", date(1989, 6, 4), None, ("ali", "khamenei")) in entries
    assert not any(e.code == "XXX" for e in entries)


def test_cli_loads_the_dictionaries_and_reports_bad_lines(cli, db: Path, articles: Path, petr: Path,
                                                         tmp_path: Path) -> None:
    """`trustledger code --actors ... --verbs ...` on the real files; a bad line is one error line."""
    assert cli("ingest", str(articles), "--db", str(db), "--no-code").code == 0
    ok = cli("code", "--db", str(db), "--actors", str(petr / "PETR.Validate.actors.txt"),
             "--actors", str(petr / "Phoenix.agents.txt"), "--verbs", str(petr / "CAMEO.2.0.txt"))
    assert ok.code == 0, ok.stderr
    bad = write(tmp_path, "bad.actors.txt", "IRAN [IRN]\nRUSSIA [RUS\n")
    r = cli("code", "--db", str(db), "--actors", str(bad))
    assert r.code != 0
    assert r.stderr.strip().splitlines() == [f"error: {bad}: line 2: '[' without ']'"]
