"""Structured data importers: GDELT, ICEWS, CAMEO tables, UN votes, SIPRI, Security Council vetoes.

Importing this package registers its sniffer in `trustledger.ingest.detect.SNIFFERS` and one
importer per layout in `trustledger.ingest.pipeline.IMPORTERS` (it is listed in
`pipeline.STAGE_MODULES`). Each importer loads one file through DuckDB's own readers in one
transaction, keyed by the file's hash (see `loader.run_import`).
"""

from __future__ import annotations

from trustledger.ingest import detect, pipeline
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
from trustledger.ingest.structured.sniff import sniff

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

if sniff not in detect.SNIFFERS:
    detect.SNIFFERS.append(sniff)
pipeline.IMPORTERS.update(IMPORTERS)
