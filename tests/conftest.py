"""Shared fixtures: the repository root and a scratch copy of the data to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/*.csv that a test may edit."""
    target = tmp_path / "data"
    target.mkdir()
    for csv in (ROOT / "data").glob("*.csv"):
        shutil.copyfile(csv, target / csv.name)
    return target


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def served():
    """`morocco-palestine-data serve` running on a free port; yields its base URL."""
    import subprocess
    import sys
    import time
    import urllib.request

    pytest.importorskip("datasette")
    port = _free_port()
    command = [sys.executable, "-m", "morocco_palestine_data", "serve", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("serve did not answer within 60 s")
            time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()
