"""Build every derived file from the hand-edited CSVs: ``python -m morocco_palestine_data.build``.

Reads ``data/*.csv``, validates them (pandera, cross-table checks, Frictionless) and, only
if nothing is wrong, writes ``data/*.parquet``, ``data/parquet.sha256``,
``datapackage.json``, ``CITATION.cff``, ``docs/data-dictionary.md`` and the copies shipped
in the package.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import dataset_citation, descriptor, dictionary
from .loading import PACKAGE_DATA
from .problems import DataValidationError
from .tables import TABLES
from .validation import CHECKSUMS, check_folder

REPO_ROOT = Path(__file__).resolve().parents[2]
_ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}


def arrow_table(table: str, frame: pd.DataFrame) -> pa.Table:
    """The typed frame as an Arrow table: dates as date32, enums dictionary-encoded, and
    each column's title and description in its field metadata."""
    res = descriptor.resource(table, f"data/{table}.csv")
    arrays, fields = [], []
    for field in res["schema"]["fields"]:
        column = frame[field["name"]]
        if field["type"] == "date":
            array = pa.array(column.dt.date, type=pa.date32(), from_pandas=True)
        elif "enum" in field["constraints"]:
            categories = pa.array(field["constraints"]["enum"], type=pa.string())
            codes = pa.array(
                column.cat.codes.where(column.notna()), type=pa.int8(), from_pandas=True
            )
            array = pa.DictionaryArray.from_arrays(codes, categories)
        else:  # explicit types, so that the file does not depend on the pandas version
            arrow_type = _ARROW_TYPES[field["type"]]
            array = pa.array(column.astype("object"), type=arrow_type, from_pandas=True)
        meta = {"title": field["title"], "description": field["description"]}
        fields.append(pa.field(field["name"], array.type, metadata=meta))
        arrays.append(array)
    schema = pa.schema(fields, metadata={"title": res["title"], "description": res["description"]})
    return pa.Table.from_arrays(arrays, schema=schema)


def build(root: Path = REPO_ROOT, out: Path | None = None) -> list[Path]:
    """Validate ``root/data/*.csv`` and write the derived files under ``out`` (default ``root``).

    Raises DataValidationError, writing nothing, if the data breaks any rule.
    """
    out = root if out is None else out
    data = root / "data"
    frames, problems = check_folder(data, use_frictionless=True)
    if problems:
        raise DataValidationError(problems)

    written: list[Path] = []
    out_data = out / "data"
    out_data.mkdir(parents=True, exist_ok=True)
    checksums = []
    for table in TABLES:
        target = out_data / f"{table}.parquet"
        pq.write_table(arrow_table(table, frames[table]), target, compression="zstd")
        checksums.append(f"{descriptor.sha256_hex(target)}  {target.name}")
        written.append(target)
    (out_data / CHECKSUMS).write_text("\n".join(checksums) + "\n", encoding="utf-8")
    written.append(out_data / CHECKSUMS)

    package = descriptor.package(data, frames["sources"])
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8")
    written.append(out / "datapackage.json")

    (out / "CITATION.cff").write_text(dataset_citation.cff(), encoding="utf-8")
    written.append(out / "CITATION.cff")

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "data-dictionary.md").write_text(dictionary.render(), encoding="utf-8")
    written.append(docs / "data-dictionary.md")

    shipped = out / "src" / "morocco_palestine_data" / PACKAGE_DATA
    (shipped / "data").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / "datapackage.json", shipped / "datapackage.json")
    written.append(shipped / "datapackage.json")
    for table in TABLES:
        for source in (data / f"{table}.csv", out_data / f"{table}.parquet"):
            shutil.copyfile(source, shipped / "data" / source.name)
            written.append(shipped / "data" / source.name)
    shutil.copyfile(out_data / CHECKSUMS, shipped / "data" / CHECKSUMS)
    written.append(shipped / "data" / CHECKSUMS)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m morocco_palestine_data.build",
        description="Validate data/*.csv and rebuild every derived file.",
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root")
    parser.add_argument("--out", type=Path, default=None, help="write here instead of --root")
    args = parser.parse_args(argv)
    try:
        written = build(args.root, args.out)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
