"""The one country resolver (trustledger.country_names): names, demonyms, ISO2, ISO3 and CAMEO codes
→ the CAMEO code; a miss is a one-line UserError with the closest names."""

from __future__ import annotations

import pytest

from trustledger import country_names as cn
from trustledger.errors import UserError


@pytest.mark.parametrize(("text", "code"), [
    ("Iran", "IRN"), ("iran", "IRN"), ("IRAN", "IRN"), ("IR", "IRN"), ("IRN", "IRN"), ("irn", "IRN"),
    ("Islamic Republic of Iran", "IRN"), ("Iran, Islamic Republic of", "IRN"), ("Iranian", "IRN"),
    ("Russia", "RUS"), ("russia", "RUS"), ("Russian Federation", "RUS"), ("RU", "RUS"),
    ("United States", "USA"), ("US", "USA"), ("u.s.", "USA"), ("USA", "USA"), ("America", "USA"),
    ("the UK", "GBR"), ("UK", "GBR"), ("GB", "GBR"), ("Great Britain", "GBR"), ("the United Kingdom", "GBR"),
    # former states: CAMEO codes, names, ISO 3166-3 codes and ISO2
    ("Soviet Union", "USR"), ("USSR", "USR"), ("U.S.S.R.", "USR"), ("USR", "USR"), ("SUN", "USR"), ("SU", "USR"),
    ("Soviet", "USR"), ("Yugoslavia", "YUG"), ("YUG", "YUG"), ("Czechoslovakia", "CSK"), ("CSK", "CSK"),
    ("East Germany", "DDR"), ("GDR", "DDR"), ("DDR", "DDR"),
    # CAMEO codes that differ from ISO3
    ("Timor-Leste", "TMP"), ("timor leste", "TMP"), ("TLS", "TMP"), ("TMP", "TMP"), ("TL", "TMP"),
    ("Kosovo", "KSV"), ("XK", "KSV"), ("KSV", "KSV"),
    # accents, punctuation, other names
    ("Côte d'Ivoire", "CIV"), ("cote d'ivoire", "CIV"), ("Ivory Coast", "CIV"), ("Türkiye", "TUR"),
    ("Burma", "MMR"), ("Holland", "NLD"), ("Viet Nam", "VNM"), ("Korea, Republic of", "KOR"),
    ("German", "DEU"), ("Germany", "DEU"), ("West Germany", "DEU"),
    # territories ISO has and event data sets code
    ("Hong Kong", "HKG"), ("HKG", "HKG"), ("Puerto Rico", "PRI"),
    # a name only country_converter's patterns know
    ("Russian Fed.", "RUS"),
])
def test_resolve(text: str, code: str) -> None:
    assert cn.resolve(text) == code


def test_miss_suggests_the_closest_name_in_one_line() -> None:
    with pytest.raises(cn.UnknownCountry) as e:
        cn.resolve("Rusia")
    assert str(e.value) == "'Rusia' is not a known country; did you mean Russia (RUS)?"
    assert isinstance(e.value, UserError)
    assert e.value.suggestions == ["RUS"]


def test_miss_names_the_argument_and_offers_several() -> None:
    with pytest.raises(cn.UnknownCountry) as e:
        cn.resolve("Austrai", "--source")
    msg = str(e.value)
    assert msg.startswith("--source 'Austrai' is not a known country; did you mean ")
    assert "Australia (AUS)" in msg and "Austria (AUT)" in msg and "\n" not in msg


@pytest.mark.parametrize("text", ["Xyzzy", "", "   ", "IGO", "---", "ZZ", "QQQ"])
def test_nonsense_and_non_states_are_errors(text: str) -> None:
    with pytest.raises(cn.UnknownCountry) as e:
        cn.resolve(text)
    assert "\n" not in str(e.value)


def test_a_word_two_states_share_is_ambiguous_not_a_guess() -> None:
    with pytest.raises(cn.UnknownCountry) as e:
        cn.resolve("Korea")
    assert e.value.candidates == ["KOR", "PRK"]
    assert "South Korea (KOR)" in str(e.value) and "North Korea (PRK)" in str(e.value)
    with pytest.raises(cn.UnknownCountry):
        cn.resolve("Korean")


def test_lookup_is_resolve_without_the_error() -> None:
    assert cn.lookup("Iran") == "IRN"
    assert cn.lookup("Rusia") is None


def test_name_and_label() -> None:
    assert cn.name("RUS") == "Russia"
    assert cn.label("RUS") == "Russia (RUS)"
    assert cn.label("USR") == "Soviet Union (USR)"
    assert cn.label("TMP") == "Timor-Leste (TMP)"
    # codes that are not countries come back unchanged: display never fails
    assert cn.label("IGO") == "IGO" and cn.name("---") == "---" and cn.label("") == ""


def test_all_countries_and_their_iso_codes() -> None:
    every = cn.all_countries()
    by_code = {c.code: c for c in every}
    assert len(by_code) == len(every) > 240
    assert (by_code["RUS"].iso2, by_code["RUS"].iso3) == ("RU", "RUS")
    assert (by_code["USR"].iso2, by_code["USR"].iso3, by_code["USR"].successor) == ("SU", "SUN", "RUS")
    assert by_code["USR"].valid_until == "1991-12-25"
    assert (by_code["TMP"].iso2, by_code["TMP"].iso3) == ("TL", "TLS")
    assert by_code["YUG"].successor == "SRB" and by_code["DDR"].successor == "DEU"
    assert by_code["HKG"].territory and not by_code["IRN"].territory
    # every listed country resolves back to itself by its name and by its code
    for c in every:
        assert cn.resolve(c.code) == c.code
        assert cn.resolve(c.name) == c.code, c.name


def test_search() -> None:
    assert [c.code for c in cn.search("korea")] == ["PRK", "KOR"]
    assert [c.code for c in cn.search("RU")] == ["RUS"]
    assert {c.code for c in cn.search("soviet")} == {"USR"}
    assert len(cn.search(None)) == len(cn.all_countries())
    assert cn.search("xyzzy") == []


@pytest.mark.parametrize(("text", "code"), [
    ("Russia", "RUS"), ("RUSGOV", "RUSGOV"), ("rusgov", "RUSGOV"), ("IRNMIL", "IRNMIL"), ("USAMILSPY", "USAMILSPY"),
    ("IGOUNO", "IGOUNO"), ("IGO", "IGO"), ("igouno", "IGOUNO"),
])
def test_event_filters_take_actor_codes(text: str, code: str) -> None:
    assert cn.resolve_actor(text) == code


@pytest.mark.parametrize("text", ["Rusian", "XYZGOV", "RUSXYZ", "Narnia"])
def test_a_typo_is_not_an_actor_code(text: str) -> None:
    with pytest.raises(cn.UnknownCountry):
        cn.resolve_actor(text, "--source")


def test_a_huge_text_is_refused_at_once_without_echo() -> None:
    """A 60,000-character "name" (a pasted document, an attack) is no country: refused without the
    fuzzy search, which on such a string took ten minutes, and without repeating it in the error."""
    import time

    start = time.perf_counter()
    with pytest.raises(cn.UnknownCountry) as e:
        cn.resolve("9" * 60_000, "--source")
    assert time.perf_counter() - start < 1.0
    assert len(str(e.value)) < 400
    assert cn.suggest("x" * 5_000) == []
