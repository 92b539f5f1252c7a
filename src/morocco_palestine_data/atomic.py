"""Writing files so that an interrupted run leaves the previous files whole.

Every file is first written under a temporary name beside its target, flushed to disk and
read back to check its SHA-256; only when all of them are written are they renamed into
place (a rename within a folder is atomic). If anything fails before that, the temporary
files are removed and the targets are untouched.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def write_files(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every ``{target: bytes}`` through a verified temporary file, then rename them
    all into place; return the targets. Raises OSError naming a file that did not read back
    as written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_write_temporary(target, data), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [target for _, target in staged]


def _write_temporary(target: Path, data: bytes) -> Path:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if sha256_bytes(temporary.read_bytes()) != sha256_bytes(data):
            raise OSError(f"{target}: the bytes written do not read back the same")
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    os.chmod(temporary, 0o644)
    return temporary
