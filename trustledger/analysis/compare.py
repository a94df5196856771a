"""`compare(store, truster, trustees)`: several partners side by side for one truster.

Each row carries the trustee's assessment (score, interval, verdict, component scores) and the
truster's own words about it: of the truster's acts toward the trustee (one per story and CAMEO
code), the share that are verbal cooperation (quad class 1) and the number of praise acts
(CAMEO 051–053). A row is flagged when the truster praises that trustee more than another
trustee whose record is better by at least FLAG_MARGIN — praise for the less reliable partner,
the double standard `compare` exists to show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.analysis.assess import assess, check_country, make_dyad
from trustledger.analysis.components import COMPONENTS
from trustledger.analysis.components.base import Dyad, day_acts_sql
from trustledger.country_prose import in_prose, tidy
from trustledger.errors import UserError
from trustledger.store.db import Store

FLAG_MARGIN = 0.05


def truster_words(store: Store, dyad: Dyad) -> dict[str, Any]:
    """What the truster says about (and does toward) the trustee: counts of its acts by kind."""
    days, params = day_acts_sql(store, dyad, dyad.truster_codes, dyad.trustee_codes)
    row = store.query(f"""SELECT coalesce(sum(n), 0) AS acts, coalesce(sum(n) FILTER (quad_class = 1), 0)
                                 AS verbal_coop, coalesce(sum(n) FILTER (praise), 0) AS praise
                          FROM ({days})""", params)[0]
    row = {k: int(v) for k, v in row.items()}
    share = row["verbal_coop"] / row["acts"] if row["acts"] else None
    return {"acts": row["acts"], "verbal_coop": row["verbal_coop"],
            "verbal_coop_share": None if share is None else round(share, 4), "praise": row["praise"]}


def flag_rows(truster: str, rows: list[dict[str, Any]]) -> None:
    """Set `flag` on each row whose trustee gets more praise than a trustee with a better record; the
    flag is a sentence for people, so it names the states (`country_prose`)."""
    for r in rows:
        r["flag"] = None
        if r["score"] is None:
            continue
        for o in rows:
            if o is r or o["score"] is None:
                continue
            if o["score"] - r["score"] >= FLAG_MARGIN and r["words"]["praise"] > o["words"]["praise"]:
                a, b, c = in_prose(truster), in_prose(r["trustee"]), in_prose(o["trustee"])
                r["flag"] = tidy(f"{a} praises {b} more than {c} "
                                 f"({r['words']['praise']} vs {o['words']['praise']} praise acts) although "
                                 f"{b}'s record is weaker ({r['score']:.2f} vs {o['score']:.2f})")
                break


def compare(store: Store, truster: str, trustees: list[str], since: dt.date | None = None,
            until: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per trustee, in the order given."""
    if not trustees:
        raise UserError("compare needs at least one trustee")
    codes = [check_country(t, "trustee") for t in trustees]
    if len(set(codes)) != len(codes):
        raise UserError("compare: a trustee is named twice")
    rows = []
    for code in codes:
        a = assess(store, truster, code, since, until)
        dyad = make_dyad(truster, code, since, until)
        rows.append({
            "truster": a["truster"], "trustee": a["trustee"], "period": a["period"],
            "score": a["score"], "interval": a["interval"], "verdict": a["verdict"],
            "components": {c.NAME: a["components"][c.NAME]["score"] for c in COMPONENTS},
            **{c.NAME: a["components"][c.NAME]["score"] for c in COMPONENTS},      # flat too, for tables and CSV
            "n": {c.NAME: a["components"][c.NAME]["n"] for c in COMPONENTS},
            "words": truster_words(store, dyad),
            "explanation": a["explanation"],
        })
    flag_rows(rows[0]["truster"], rows)
    return rows
