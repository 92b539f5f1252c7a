"""The release bundle: one reproducible zip with every edition, the licence and checksums.

``morocco-palestine-data release DEST`` (run in a checkout, after the build) writes
``DEST/morocco-palestine-data-<version>.zip``. Inside, under one folder: the CSV and
Parquet files, ``datapackage.json``, the SQLite and Excel editions, a data-only README,
``LICENSE-DATA``, ``CITATION.cff``, ``CHANGELOG.md`` and ``SHA256SUMS``. Every member
has the release date as its timestamp and mode 0644, in sorted order, so two builds of
the same data give byte-identical archives (with the same versions of SQLite, zlib and
XlsxWriter, whose output may change between their releases).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _version
from . import dataset_citation as cite

if TYPE_CHECKING:
    import pandas as pd

SQLITE_NAME = f"{cite.NAME}.sqlite"
EXCEL_NAME = f"{cite.NAME}.xlsx"
CHECKSUMS_NAME = "SHA256SUMS"
# Where a source checkout keeps the files above; wrong (and reported) for an installed wheel.
REPO_ROOT = Path(__file__).resolve().parents[2]
FILES = (
    (
        "data/<table>.csv",
        "one CSV per table: UTF-8, comma-separated, header row, ISO dates, empty cell for missing",
    ),
    (
        "data/<table>.parquet",
        "the same rows with real types (dates, categories, integers) and column descriptions",
    ),
    (
        "datapackage.json",
        "Frictionless Data Package: each column's type, meaning and constraints; keys; hashes",
    ),
    (
        SQLITE_NAME,
        "SQLite database: keys, indexes on foreign keys, full-text search (`<table>_fts`), "
        "dates as ISO text",
    ),
    (EXCEL_NAME, "Excel workbook: an `about` sheet, a `data_dictionary` sheet, a sheet per table"),
    ("CITATION.cff", "how to cite the dataset (Citation File Format)"),
    ("CHANGELOG.md", "what changed in each version; removed or renamed record IDs"),
    ("LICENSE-DATA", "the licence of the data"),
    (CHECKSUMS_NAME, "SHA-256 of every other file"),
)
COPIED = ("LICENSE-DATA", "CITATION.cff", "CHANGELOG.md", "datapackage.json")


def bundle_name(version: str = _version.__version__) -> str:
    """``morocco-palestine-data-<version>``: the zip's name and its top folder."""
    return f"{cite.NAME}-{version}"


def read_frames(root: Path, package: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """The typed tables from ``root/data/*.parquet``, dtypes taken from ``package``."""
    import pyarrow.parquet as pq

    from .loading import dtypes_for

    frames = {}
    for res in package["resources"]:
        table = pq.read_table(root / "data" / f"{res['name']}.parquet")
        frame = table.to_pandas(date_as_object=False)
        frames[res["name"]] = frame.astype(dtypes_for(res["schema"]["fields"]))
    return frames


def readme(package: dict[str, Any], counts: dict[str, int]) -> str:
    """The bundle's data-only README: what each file is, the licence, how to cite."""
    name = bundle_name()
    files = "\n".join(f"| `{path}` | {what} |" for path, what in FILES)
    tables = "\n".join(
        f"| `{res['name']}` | {counts[res['name']]} | {res['description']} |"
        for res in package["resources"]
    )
    return f"""# {cite.NAME} {_version.__version__}: {cite.TITLE}

{cite.DESCRIPTION}

Released {_version.RELEASE_DATE}. The same tables in four forms, described by one schema.

## Files

| file | what it is |
|---|---|
{files}

## Tables

| table | rows | one row is |
|---|---|---|
{tables}

Every fact is one join away from its sources: `citations` links each record
(`record_table`, `record_id`) to the `sources` that support it.

## Checking the files

```bash
cd {name} && sha256sum -c {CHECKSUMS_NAME}
frictionless validate datapackage.json
```

## Licence and citation

The data is licensed under {cite.LICENSE_NAME} ({cite.LICENSE_URL}); see `LICENSE-DATA`.
{cite.MESSAGE}

> {cite.text()}
"""


def _member(path: str) -> zipfile.ZipInfo:
    year, month, day = map(int, _version.RELEASE_DATE.split("-"))
    info = zipfile.ZipInfo(path, date_time=(year, month, day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # unix, so that the mode below is read
    info.external_attr = 0o100644 << 16
    return info


def bundle_files(root: Path, workdir: Path) -> dict[str, bytes]:
    """Every file of the bundle, by its path inside the bundle folder, checksums included."""
    from .excel_edition import write_excel
    from .sqlite_edition import write_sqlite

    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    frames = read_frames(root, package)
    counts = {name: len(frame) for name, frame in frames.items()}
    files: dict[str, bytes] = {}
    for name in COPIED:
        files[name] = (root / name).read_bytes()
    for res in package["resources"]:
        for ext in ("csv", "parquet"):
            files[f"data/{res['name']}.{ext}"] = (
                root / "data" / f"{res['name']}.{ext}"
            ).read_bytes()
    files[SQLITE_NAME] = write_sqlite(frames, package, workdir / SQLITE_NAME).read_bytes()
    files[EXCEL_NAME] = write_excel(frames, package, workdir / EXCEL_NAME).read_bytes()
    files["README.md"] = readme(package, counts).encode("utf-8")
    sums = [f"{hashlib.sha256(data).hexdigest()}  {path}" for path, data in sorted(files.items())]
    files[CHECKSUMS_NAME] = ("\n".join(sums) + "\n").encode("utf-8")
    return files


def stale_files(root: Path) -> list[str]:
    """Files under ``root`` that differ from what the last build recorded: CSVs whose hash
    is not the descriptor's, Parquet files not in ``parquet.sha256``, an old CITATION.cff."""
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    stale = []
    for res in package["resources"]:
        csv = root / res["path"]
        if "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest() != res.get("hash"):
            stale.append(res["path"])
    for line in (root / "data" / "parquet.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        if hashlib.sha256((root / "data" / name).read_bytes()).hexdigest() != digest:
            stale.append(f"data/{name}")
    if (root / "CITATION.cff").read_text(encoding="utf-8") != cite.cff():
        stale.append("CITATION.cff")
    return stale


def release(dest: Path, root: Path = REPO_ROOT) -> Path:
    """Write ``dest/morocco-palestine-data-<version>.zip`` from the checkout at ``root``.

    Raises FileNotFoundError naming what is missing if ``root`` is not a checkout, and
    ValueError naming the files that changed since the last build.
    """
    needed = [root / name for name in COPIED] + [root / "data"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        raise FileNotFoundError(
            f"{root} is not a checkout of {cite.NAME} (missing: {', '.join(missing)}); the "
            "release is made from a clone of the repository after "
            "`python -m morocco_palestine_data.build` (pass --root to point at it)"
        )
    stale = stale_files(root)
    if stale:
        raise ValueError(
            f"changed since the last build: {', '.join(stale)}; run "
            "`python -m morocco_palestine_data.build` first"
        )
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"{bundle_name()}.zip"
    with tempfile.TemporaryDirectory() as work:
        files = bundle_files(root, Path(work))
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(files):
            archive.writestr(_member(f"{bundle_name()}/{path}"), files[path], compresslevel=9)
    return target
