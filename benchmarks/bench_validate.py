"""Print how fast validation runs, stage by stage, on the shipped data and bigger copies of it.

    python benchmarks/bench_validate.py [--scales 1 10 100] [--repeat 3] [--no-frictionless]

For each scale N the shipped CSVs are copied N times over into a temporary folder: copy k
suffixes every identifier (and every URL) with ``-k``, so keys stay unique and references
still resolve. Each stage then runs on that folder in this (warm) process, and the best of
``--repeat`` runs is printed as rows per second:

- parsing: CSV text to typed frames (``parsing.read_csv``)
- pandera: the models' column and frame checks (``validation.schema_problems``)
- cross-table: foreign keys, citation targets, uncited records
- ours: the three above together (what ``validate FOLDER`` runs without ``--frictionless``)
- frictionless: the Frictionless second opinion on the same folder

Targets (issue 8): the shipped data validates in under 0.5 s warm; at 100x our own checks
run at 100,000 rows per second or more; per-row cost at 100x is within 1.5x of that at 10x.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from morocco_palestine_data import vocabularies
from morocco_palestine_data.integrity import cross_table_problems
from morocco_palestine_data.parsing import read_csv
from morocco_palestine_data.schemas import model
from morocco_palestine_data.tables import TABLES
from morocco_palestine_data.validation import schema_problems

DATA = Path(__file__).resolve().parents[1] / "data"


def _suffixed_columns(table: str) -> set[str]:
    """Columns whose values must change per copy: identifiers, and unique non-ID columns."""
    schema = model(table).to_schema()
    out = set()
    for name, column in schema.columns.items():
        patterns = [c.statistics.get("pattern") for c in column.checks if c.statistics]
        if vocabularies.ID_PATTERN in patterns or column.unique:
            out.add(name)
    return out


def make_copy(scale: int, folder: Path) -> int:
    """Write ``scale`` copies of every shipped table into ``folder``; return the row count."""
    total = 0
    for table in TABLES:
        with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            fields, rows = reader.fieldnames, list(reader)
        suffixed = _suffixed_columns(table)
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for k in range(scale):
                for row in rows:
                    if k:
                        row = {
                            c: (f"{v}-{k}" if c in suffixed and v else v) for c, v in row.items()
                        }
                    writer.writerow(row)
        total += len(rows) * scale
    return total


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(folder: Path, repeat: int, frictionless: bool) -> dict[str, float]:
    """Seconds per stage (best of ``repeat``)."""
    frames = {t: read_csv(t, folder / f"{t}.csv")[0] for t in TABLES}
    seconds = {
        "parsing": best_of(repeat, lambda: [read_csv(t, folder / f"{t}.csv") for t in TABLES]),
        "pandera": best_of(repeat, lambda: [schema_problems(t, frames[t]) for t in TABLES]),
        "cross-table": best_of(repeat, lambda: cross_table_problems(frames)),
    }
    seconds["ours"] = seconds["parsing"] + seconds["pandera"] + seconds["cross-table"]
    if frictionless:
        from morocco_palestine_data.frictionless_check import frictionless_problems

        seconds["frictionless"] = best_of(1, lambda: frictionless_problems(folder))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-frictionless", action="store_true")
    args = parser.parse_args()

    # warm the process: imports, pandera schema construction
    from morocco_palestine_data.validation import check_folder

    _, problems = check_folder(DATA)
    assert not problems, problems
    shipped = best_of(max(args.repeat, 3), lambda: check_folder(DATA))
    print(f"shipped data, check_folder (warm, best of runs): {shipped:.3f} s (target < 0.5 s)")
    print()
    stages = ["parsing", "pandera", "cross-table", "ours"]
    if not args.no_frictionless:
        stages.append("frictionless")
    print(f"{'scale':>6} {'rows':>9}  " + "  ".join(f"{s:>13}" for s in stages) + "  (rows/s)")
    per_row: dict[int, float] = {}
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            rows = make_copy(scale, Path(tmp))
            seconds = measure(Path(tmp), args.repeat, not args.no_frictionless)
        per_row[scale] = seconds["ours"] / rows
        rates = "  ".join(f"{rows / seconds[s]:>13,.0f}" for s in stages)
        print(f"{scale:>5}x {rows:>9,}  {rates}", flush=True)
    if 10 in per_row and 100 in per_row:
        ratio = per_row[100] / per_row[10]
        print(f"\nper-row cost of our checks, 100x / 10x: {ratio:.2f} (target <= 1.5)")
    sys.exit(0)


if __name__ == "__main__":
    main()
