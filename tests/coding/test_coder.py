"""The event coder, one construction at a time, on real parses (no stubs)."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder
from trustledger.coding.verbs import VerbLexicon, as_intent, as_refusal, negated_code
from trustledger.errors import InputError

DAY = dt.date(2015, 6, 1)  # a Monday


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def triples(coder: EventCoder, text: str, day: dt.date | None = DAY) -> list[tuple]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coder.code_text(text, day)]


def test_active_voice_with_object_class(coder):
    assert triples(coder, "Russia delivered S-300 missiles to Iran.") == [("RUS", "072", "IRN")]


def test_passive_voice_agent_is_source(coder):
    ev = coder.code_text("The S-300 systems were delivered to Iran by Russia in 2016.", DAY)
    assert [(e.source.code, e.cameo, e.target.code) for e in ev] == [("RUS", "072", "IRN")]
    assert (ev[0].mode, ev[0].date, ev[0].date_precision) == ("did", dt.date(2016, 1, 1), "year")


def test_negation_is_never_a_delivery(coder):
    ev = coder.code_text("Russia did not deliver the S-300 missiles to Iran.", DAY)
    assert len(ev) == 1
    e = ev[0]
    assert e.negated and e.mode == "said" and e.root == "12" and e.cameo == "1222"
    assert not any(x.mode == "did" for x in ev)


def test_negated_conflict_is_not_coded(coder):
    assert triples(coder, "The United States did not impose new sanctions on Russia.") == []


def test_reported_speech_codes_the_inner_actor_as_intent(coder):
    ev = coder.code_text("Iran's defence minister said that Russia would deliver S-300 missiles to Iran.", DAY)
    assert [(e.source.code, e.cameo, e.target.code) for e in ev] == [("RUS", "0332", "IRN")]
    assert ev[0].mode == "said" and ev[0].speaker and "minister" in ev[0].speaker


def test_reported_attack_is_the_attack_and_only_an_alleged_one_an_accusation(coder):
    # CAMEO codes what was said; a neutral "said" is no accusation by the reporter (real-text gold)
    said = triples(coder, "The US said that Iraq had attacked Kuwait.")
    assert ("IRQ", "190", "KWT") in said and not any(r[1].startswith("11") for r in said)
    alleged = triples(coder, "The US alleged that Iraq had attacked Kuwait.")
    assert any(r[0] == "USA" and r[1].startswith("11") and r[2] == "IRQ" for r in alleged)


def test_modality_and_promises_are_intents(coder):
    assert triples(coder, "Russia will sell fighter jets to Syria.") == [("RUS", "0332", "SYR")]
    assert triples(coder, "Russia promised to deliver nuclear fuel to Iran.") == [("RUS", "0311", "IRN")]
    assert triples(coder, "Russia threatened to attack Ukraine.") == [("RUS", "1384", "UKR")]
    assert triples(coder, "Russia refused to deliver the missiles to Iran.") == [("RUS", "1222", "IRN")]


def test_appeal_to_an_addressee(coder):
    assert triples(coder, "Beijing urged Washington to lift the sanctions on Iran.") == [("CHNGOV", "0254", "USAGOV")]


def test_metonymy_follows_the_date(coder):
    assert triples(coder, "Moscow criticised Tehran.", dt.date(1989, 6, 1)) == [("USRGOV", "111", "IRNGOV")]
    assert triples(coder, "The Kremlin praised Tehran.", dt.date(2015, 6, 1)) == [("RUSGOV", "051", "IRNGOV")]


def test_coordinated_subjects_and_objects(coder):
    assert sorted(triples(coder, "Russia and China voted for sanctions against Iran.")) == [
        ("CHN", "163", "IRN"), ("RUS", "163", "IRN")]
    assert sorted(triples(coder, "Iran criticised Russia and China.")) == [("IRN", "111", "CHN"), ("IRN", "111", "RUS")]
    assert sorted(triples(coder, "Russia and Iran held talks in Moscow.")) == [("IRN", "046", "RUS"),
                                                                              ("RUS", "046", "IRN")]


def test_quote_with_pronoun_speaker(coder):
    ev = coder.code_text("Putin praised Iran. “We will deliver the missiles to Iran,” he said.", DAY)
    quoted = [e for e in ev if e.quote]
    assert len(quoted) == 1
    q = quoted[0]
    assert (q.source.code, q.cameo, q.target.code) == ("RUSGOV", "0332", "IRN")
    assert q.speaker == "Putin" and q.source.text == "We"
    assert not [e for e in ev if not e.quote][0].quote


def test_pronoun_subject_resolves_to_last_speaker(coder):
    ev = coder.code_text("President Putin said Russia wanted peace. He later criticised the United States.", DAY)
    assert ("RUSGOV", "111", "USA") in [(e.source.code, e.cameo, e.target.code) for e in ev]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia delivered the fuel to Iran in September of 2011.", (dt.date(2011, 9, 1), "month")),
    ("Russia delivered the fuel to Iran last year.", (dt.date(2014, 1, 1), "year")),
    ("Russia delivered the fuel to Iran in March.", (dt.date(2015, 3, 1), "month")),
    ("Russia delivered the fuel to Iran on Tuesday.", (dt.date(2015, 5, 26), "day")),
    ("Russia delivered the fuel to Iran.", (DAY, "day")),
])
def test_relative_dates_through_the_date_helper(coder, text, expected):
    ev = coder.code_text(text, DAY)
    assert [(e.date, e.date_precision) for e in ev] == [expected]


def test_intent_is_dated_when_stated_not_when_due(coder):
    ev = coder.code_text("Russia will deliver Su-35 fighter jets to Iran next year, Iranian officials said.", DAY)
    assert [(e.cameo, e.date) for e in ev] == [("0332", DAY)]


def test_evidence_span_covers_actors_and_verb(coder):
    text = "Officials said on Monday that Russia delivered S-300 missiles to Iran."
    e = coder.code_text(text, DAY)[0]
    assert text[e.char_start:e.char_end] == "Russia delivered S-300 missiles to Iran"
    assert e.why  # every coding says which rule produced it


def test_people_resolve_to_their_office_on_the_date():
    r = ActorResolver.default()
    assert r.resolve("President Putin", dt.date(2015, 1, 1)).code == "RUSGOV"
    assert r.resolve("Gorbachev", dt.date(1989, 6, 1)).code == "USRGOV"
    assert r.resolve("the Supreme Leader", dt.date(2015, 1, 1)).person == "Ali Khamenei"
    assert r.resolve("Mr. Rafsanjani", dt.date(1995, 1, 1)).country == "IRN"
    assert r.resolve("Iranian officials", None).code == "IRNGOV"
    assert r.resolve("the UN Security Council", None).country == "IGO"


def test_code_algebra_follows_the_codebook():
    assert as_intent("072") == "0332" and as_intent("190") == "1384" and as_intent("111") == "111"
    assert as_refusal("085") == "1244" and negated_code("072") == "1222" and negated_code("190") == "190"


def test_bad_verb_file_names_file_and_line(tmp_path):
    f = tmp_path / "verbs.csv"
    f.write_text("verb,particle,object,target,code,frame,note\nsell,,,to,999,,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"verbs.csv:2.*unknown CAMEO code"):
        VerbLexicon.default().with_files([f])
