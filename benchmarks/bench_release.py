"""Print how long the release zip takes to build, and how big it and its members are.

    python benchmarks/bench_release.py [--runs 3]

The time is the median wall time of a fresh `morocco-palestine-data release` process
(interpreter start-up included); the sizes are those of the last zip built.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as work:
        for run in range(args.runs):
            dest = Path(work) / str(run)
            command = [sys.executable, "-m", "morocco_palestine_data", "release", str(dest)]
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        (bundle,) = dest.glob("*.zip")
        digests = {p.read_bytes() for p in Path(work).glob("*/*.zip")}
        print(f"release, median of {args.runs} runs     {statistics.median(times):6.2f} s")
        print(f"identical zips                     {'yes' if len(digests) == 1 else 'NO'}")
        print(f"{bundle.name:<34} {bundle.stat().st_size / 1e6:6.2f} MB")
        members = zipfile.ZipFile(bundle).infolist()
        unpacked = sum(m.file_size for m in members)
        label = f"unpacked ({len(members)} files)"
        print(f"{label:<34} {unpacked / 1e6:6.2f} MB")
        for member in sorted(members, key=lambda m: -m.file_size)[:6]:
            name = member.filename.split("/", 1)[1]
            print(f"  {name:<32} {member.file_size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
