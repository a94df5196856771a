"""Structured data importers: GDELT, ICEWS, CAMEO tables, UN votes, SIPRI, Security Council vetoes.

`sniff.sniff` names a file's layout (`trustledger.ingest.detect` asks it first) and `IMPORTERS`
maps each layout to its importer (`trustledger.stages.importers` hands them to ingest). Each
importer loads one file through DuckDB's own readers in one
transaction, keyed by the file's hash (see `loader.run_import`).
"""

from __future__ import annotations

from trustledger.ingest.structured import (
    cameo_table,
    gdelt,
    icews,
    sipri,
    unsc,
    unvotes,
    vetoes,
    voeten,
)

IMPORTERS = {
    "gdelt1": gdelt.import_gdelt1,
    "gdelt2": gdelt.import_gdelt2,
    "icews": icews.import_icews,
    "cameo_table": cameo_table.import_cameo_table,
    "unvotes_votes": unvotes.import_votes,
    "unvotes_roll_calls": unvotes.import_roll_calls,
    "unvotes_issues": unvotes.import_issues,
    "voeten": voeten.import_voeten,
    "unsc_votes": unsc.import_unsc_votes,
    "sipri": sipri.import_sipri,
    "unsc_vetoes": vetoes.import_vetoes,
}
