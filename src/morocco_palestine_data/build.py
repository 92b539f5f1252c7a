"""Build every derived file from the hand-edited CSVs: ``python -m morocco_palestine_data.build``.

Reads ``data/*.csv``, validates them (pandera, cross-table checks, Frictionless) and, only
if nothing is wrong, writes ``data/*.parquet``, ``data/parquet.sha256``,
``datapackage.json``, ``CITATION.cff``, ``docs/data-dictionary.md`` and the copies shipped
in the package.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import dataset_citation, descriptor, dictionary
from .atomic import sha256_bytes, write_files
from .checksums import CHECKSUMS
from .loading import PACKAGE_DATA
from .problems import DataValidationError
from .tables import TABLES
from .validation import check_folder

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

    # Every file is made in memory first, then written through temporary files and renamed
    # into place together: an interrupted build leaves the previous files whole.
    shipped = out / "src" / "morocco_palestine_data" / PACKAGE_DATA
    files: dict[Path, bytes] = {}
    checksums = []
    for table in TABLES:
        parquet = parquet_bytes(arrow_table(table, frames[table]))
        files[out / "data" / f"{table}.parquet"] = parquet
        checksums.append(f"{sha256_bytes(parquet)}  {table}.parquet")
    files[out / "data" / CHECKSUMS] = ("\n".join(checksums) + "\n").encode("utf-8")
    package = descriptor.package(data, frames["sources"])
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    files[out / "datapackage.json"] = text.encode("utf-8")
    files[out / "CITATION.cff"] = dataset_citation.cff().encode("utf-8")
    files[out / "docs" / "data-dictionary.md"] = dictionary.render().encode("utf-8")
    files[shipped / "datapackage.json"] = files[out / "datapackage.json"]
    for table in TABLES:
        files[shipped / "data" / f"{table}.csv"] = (data / f"{table}.csv").read_bytes()
        files[shipped / "data" / f"{table}.parquet"] = files[out / "data" / f"{table}.parquet"]
    files[shipped / "data" / CHECKSUMS] = files[out / "data" / CHECKSUMS]
    return write_files(files)


def parquet_bytes(table: pa.Table) -> bytes:
    """The bytes of ``table`` as a zstd-compressed Parquet file."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


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
