"""Frictionless validation of a folder of CSV files against the descriptor the models derive."""

from __future__ import annotations

from pathlib import Path

from .descriptor import resource
from .problems import Problem
from .tables import TABLES


def frictionless_problems(folder: Path) -> list[Problem]:
    """Problems Frictionless finds in ``folder``'s CSVs (types, constraints, keys)."""
    import frictionless

    present = [t for t in TABLES if (folder / f"{t}.csv").is_file()]
    descriptor = {"name": "check", "resources": [resource(t, f"{t}.csv") for t in present]}
    package = frictionless.Package.from_descriptor(descriptor, basepath=str(folder))
    report = package.validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            problems.append(
                Problem(
                    task.name or "package",
                    f"frictionless:{error.type}",
                    error.note,
                    row=f"line {row}" if row else None,
                    column=getattr(error, "field_name", None),
                    value=getattr(error, "cell", None),
                    file=f"{task.name}.csv" if task.name else None,
                )
            )
    for error in report.errors:
        problems.append(Problem("package", f"frictionless:{error.type}", error.message))
    return problems
