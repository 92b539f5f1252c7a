"""Print how long importing and loading take (medians of fresh interpreters).

    python benchmarks/bench_load.py [--runs 5]

Each figure is the median wall time of a new Python process running the statement, so it
includes interpreter start-up; `python -c pass` is printed as the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "python -c pass": "pass",
    "import pandas": "import pandas",
    "import morocco_palestine_data": "import morocco_palestine_data",
    "load_events()": "import morocco_palestine_data as m; m.load_events()",
    "events_wide()": "import morocco_palestine_data as m; m.events_wide()",
    "aid_wide()": "import morocco_palestine_data as m; m.aid_wide()",
    "missions_wide()": "import morocco_palestine_data as m; m.missions_wide()",
    "load_all()": "import morocco_palestine_data as m; m.load_all()",
    "load_all(validate=True)": "import morocco_palestine_data as m; m.load_all(validate=True)",
    "validate()": "import morocco_palestine_data as m; m.validate()",
}


def median_seconds(statement: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for label, statement in STATEMENTS.items():
        print(f"{label:<32} {median_seconds(statement, args.runs) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
