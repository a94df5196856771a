"""Near-duplicate grouping: copies of one story share a story_id, other stories do not."""

from __future__ import annotations

BASE = (
    "MOSCOW — Russia has completed the delivery of the S-300 air-defence missile system to Iran, "
    "the head of the Russian state arms exporter said on Monday, ending a dispute that lasted almost a decade. "
    "The contract for the systems was signed in 2007 and suspended in 2010 after the Security Council "
    "imposed new sanctions on Tehran. President Vladimir Putin lifted the ban in April 2015, and a new "
    "contract for a modernised version was signed later that year. Iranian officials said the systems "
    "would protect the country's nuclear facilities and that the air-defence units had started training "
    "with them. Iran's defence minister praised the cooperation and said the two countries would continue "
    "to work together on air defence. The lawsuit that Iran had filed against the Russian exporter in a "
    "Geneva court over the cancelled contract was withdrawn after the new deal was agreed, officials said. "
    "Analysts said the delivery showed that Moscow was ready to deepen military ties with Tehran once the "
    "sanctions were lifted, while Western governments expressed concern about the sale."
)
OTHER = (
    "TEHRAN — The Bushehr nuclear power plant was connected to the national grid on Saturday, Iranian "
    "officials said, more than a decade after Russia had promised to complete it. The plant was built "
    "under a contract signed in 1995 and was originally due to come online in 1999. Russian engineers "
    "blamed technical problems and late payments for the delays. The head of Iran's atomic energy "
    "organisation thanked the Russian side and said the plant would produce 1,000 megawatts of power."
)


def _edited(text: str) -> str:
    return (text.replace("on Monday", "on Tuesday").replace("almost a decade", "nearly ten years")
            .replace("praised", "welcomed"))


def _boilerplate(text: str) -> str:
    return ("Example Wire Service — World News — Subscribe now for full access\n\n" + text +
            "\n\nReporting by A. Correspondent; editing by B. Editor. All rights reserved. "
            "Follow us for more world news and analysis every day.")


def _truncated(text: str) -> str:
    return text[: int(len(text) * 0.55)].rsplit(" ", 1)[0] + " ..."


def _stories(cli, db):
    return {d["title"]: d["story_id"] for d in cli("documents", "--db", db, "--format", "json").json()}


def _write(folder, name, title, text):
    (folder / name).write_text(f"---\ntitle: {title}\ndate: 2016-10-17\n---\n{text}\n")


def test_copies_share_a_story(cli, db, tmp_path):
    _write(tmp_path, "a.md", "original", BASE)
    _write(tmp_path, "b.md", "edited", _edited(BASE))
    _write(tmp_path, "c.md", "boilerplate", _boilerplate(BASE))
    _write(tmp_path, "d.md", "truncated", _truncated(BASE))
    _write(tmp_path, "e.md", "other story", OTHER)
    assert cli("ingest", tmp_path, "--db", db).code == 0
    s = _stories(cli, db)
    assert len(s) == 5
    assert s["original"] == s["edited"] == s["boilerplate"] == s["truncated"]
    assert s["other story"] != s["original"]


def test_copy_in_a_later_run_joins_the_stored_story(cli, db, tmp_path):
    _write(tmp_path, "a.md", "original", BASE)
    cli("ingest", tmp_path / "a.md", "--db", db)
    _write(tmp_path, "b.md", "truncated", _truncated(_boilerplate(BASE)))
    cli("ingest", tmp_path / "b.md", "--db", db)
    s = _stories(cli, db)
    assert s["truncated"] == s["original"]


def test_threshold_is_configurable(cli, db, tmp_path):
    _write(tmp_path, "a.md", "original", BASE)
    _write(tmp_path, "b.md", "edited", _edited(BASE))
    assert cli("ingest", tmp_path, "--db", db, "--dup-threshold", "1.0").code == 0
    s = _stories(cli, db)
    assert s["original"] != s["edited"]


def test_story_filter(cli, db, tmp_path):
    _write(tmp_path, "a.md", "original", BASE)
    _write(tmp_path, "c.md", "boilerplate", _boilerplate(BASE))
    _write(tmp_path, "e.md", "other story", OTHER)
    cli("ingest", tmp_path, "--db", db)
    story = _stories(cli, db)["original"]
    copies = cli("documents", "--db", db, "--story", story, "--format", "json").json()
    assert sorted(d["title"] for d in copies) == ["boilerplate", "original"]


def test_containment_measure():
    from trustledger.ingest.dedupe import containment, shingles

    a = shingles(BASE)
    assert containment(a, shingles(_truncated(BASE))) > 0.95
    assert containment(a, shingles(OTHER)) < 0.1
