"""Checksums of the shipped files: SHA-256 digests, the ``parquet.sha256`` listing, and the
check that every shipped file is byte for byte the one the build wrote.

Cheap to import (hashlib only), so the loaders can verify a file before reading it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .problems import DataValidationError, Problem

CHECKSUMS = "parquet.sha256"


def sha256_hex(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_listing(listing: Path) -> dict[str, str]:
    """``{file name: hex digest}`` from a ``sha256sum``-style listing."""
    out = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.strip().partition("  ")
        if digest and name:
            out[name.strip()] = digest
    return out


def _problem(name: str, message: str) -> Problem:
    table = name.rsplit(".", 1)[0]
    return Problem(table, "checksum", message, file=name)


def parquet_problems(data_dir: Path, names: list[str] | None = None) -> list[Problem]:
    """Parquet files in ``data_dir`` (all in the listing, or ``names``) whose bytes differ
    from their digest in ``parquet.sha256``."""
    listing = data_dir / CHECKSUMS
    try:
        digests = read_listing(listing)
    except (OSError, UnicodeDecodeError) as exc:
        return [_problem(CHECKSUMS, f"cannot be read ({exc})")]
    problems = []
    for name in digests if names is None else names:
        target = data_dir / name
        if name not in digests:
            problems.append(_problem(name, f"has no checksum in {CHECKSUMS}"))
        elif not target.is_file():
            problems.append(_problem(name, "is missing"))
        elif sha256_hex(target) != digests[name]:
            problems.append(_problem(name, f"does not match its SHA-256 in {CHECKSUMS}"))
    return problems


def csv_problems(data_dir: Path, descriptor: dict[str, Any]) -> list[Problem]:
    """CSV files in ``data_dir`` whose size or SHA-256 differ from the descriptor's."""
    problems = []
    for res in descriptor.get("resources", []):
        name = Path(str(res.get("path", f"{res.get('name')}.csv"))).name
        target = data_dir / name
        if not target.is_file():
            problems.append(_problem(name, "is missing"))
            continue
        size = target.stat().st_size
        if "bytes" in res and size != res["bytes"]:
            message = f"has {size} bytes; datapackage.json says {res['bytes']}"
            problems.append(_problem(name, message))
        elif "hash" in res and "sha256:" + sha256_hex(target) != res["hash"]:
            problems.append(_problem(name, "does not match its SHA-256 in datapackage.json"))
    return problems


def verified_bytes(path: Path) -> bytes:
    """The bytes of ``path`` once they match the digest in the ``parquet.sha256`` beside it;
    else DataValidationError naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataValidationError([_problem(path.name, f"cannot be read ({exc})")]) from None
    try:
        expected = read_listing(path.parent / CHECKSUMS).get(path.name)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataValidationError([_problem(CHECKSUMS, f"cannot be read ({exc})")]) from None
    if expected is None:
        raise DataValidationError([_problem(path.name, f"has no checksum in {CHECKSUMS}")])
    if hashlib.sha256(data).hexdigest() != expected:
        message = f"does not match its SHA-256 in {CHECKSUMS}: the file was modified"
        raise DataValidationError([_problem(path.name, message)])
    return data
