"""Exporting the shipped tables to a folder, without clobbering and with verified bytes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from . import loading
from .atomic import sha256_bytes, write_files
from .checksums import CHECKSUMS, read_listing
from .problems import DataValidationError, Problem
from .tables import TABLES, check_format, check_table


class ExportError(FileExistsError):
    """Files are in the way of an export; ``paths`` lists them."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = "\n".join(f"  {p}" for p in paths)
        super().__init__(
            f"{len(paths)} file(s) already exist and would be overwritten:\n{names}\n"
            "Nothing was written. Choose another folder, or pass --overwrite "
            "(overwrite=True) to replace them."
        )


def _shipped_digest(table: str, fmt: str) -> str:
    """The SHA-256 the build recorded for the shipped file of ``table`` in ``fmt``."""
    if fmt == "parquet":
        return read_listing(loading.dataset_dir() / "data" / CHECKSUMS)[f"{table}.parquet"]
    res = loading.resource(table)
    return res["hash"].removeprefix("sha256:")


def plan(fmt: str, tables: list[str]) -> dict[str, bytes]:
    """``{file name: bytes}`` of an export, each shipped file checked against the digest the
    build recorded for it (a modified shipped file raises DataValidationError)."""
    files: dict[str, bytes] = {}
    problems = []
    for table in tables:
        source = loading.path(table, fmt)
        data = source.read_bytes()
        if sha256_bytes(data) != _shipped_digest(table, fmt):
            message = "does not match the SHA-256 recorded by the build"
            problems.append(Problem(table, "checksum", message, file=source.name))
        files[source.name] = data
    if problems:
        raise DataValidationError(problems)
    if fmt == "csv" and set(tables) == set(TABLES):
        package = copy.deepcopy(loading.descriptor())
        for res in package["resources"]:
            res["path"] = f"{res['name']}.csv"
        text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
        files["datapackage.json"] = text.encode("utf-8")
    return files


def export(
    dest: str | Path,
    format: str = "csv",
    tables: list[str] | None = None,
    *,
    overwrite: bool = False,
) -> list[Path]:
    """Write the shipped files of ``tables`` (default: all) in ``format`` into ``dest``; with
    every table as CSV, also a ``datapackage.json`` that describes them. Return the paths.

    Refuses, writing nothing, if any of those files already exists, unless ``overwrite``
    (raises :class:`ExportError` naming them). Each file is written under a temporary name,
    verified against the build's SHA-256, then renamed into place.
    """
    dest = Path(dest)
    fmt = check_format(format)
    chosen = list(TABLES) if tables is None else [check_table(t) for t in tables]
    files = {dest / name: data for name, data in plan(fmt, chosen).items()}
    in_the_way = [target for target in files if target.exists()]
    if in_the_way and not overwrite:
        raise ExportError(in_the_way)
    return write_files(files)
