"""The wheel carries the data: build it, install it into a fresh venv, load from elsewhere."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import morocco_palestine_data as mpd

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(root, tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    subprocess.run(
        [*command, str(root)],
        check=True,
        capture_output=True,
    )
    (found,) = dist.glob("*.whl")
    return found


def test_wheel_contains_every_shipped_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    base = "morocco_palestine_data/dataset/"
    assert base + "datapackage.json" in names
    assert base + "data/parquet.sha256" in names
    for table in mpd.list_tables():
        assert f"{base}data/{table}.csv" in names
        assert f"{base}data/{table}.parquet" in names


def test_installed_wheel_loads_every_table_outside_the_repository(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    # The dependencies come from the test environment; the package itself only from the wheel.
    (site / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = (
        "import sys, morocco_palestine_data as m\n"
        "assert 'pandera' not in sys.modules and 'frictionless' not in sys.modules\n"
        "import pandas as pd\n"
        "for t in m.list_tables():\n"
        "    f = getattr(m, 'load_' + t)()\n"
        "    assert len(f) > 0, t\n"
        "    pd.testing.assert_frame_equal(f, m.load(t))\n"
        "    pd.testing.assert_frame_equal(m.load(t, validate=True), f)\n"
        "    assert len(m.describe(t)) == f.shape[1]\n"
        "m.validate()\n"
        "print(m.path('events', format='parquet'))\n"
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [str(python), "-I", "-c", code], cwd=outside, capture_output=True, text=True, check=True
    )
    assert Path(result.stdout.strip()).is_relative_to(site / "morocco_palestine_data")
