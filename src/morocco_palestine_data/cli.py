"""The command line: ``morocco-palestine-data`` (or ``python -m morocco_palestine_data``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import describing, loading
from ._version import __version__
from .dataset_citation import STYLES, citation
from .exporting import ExportError, export
from .problems import DataValidationError
from .tables import FORMATS, TABLES, VIEWS

__all__ = ["export", "main", "summary"]


def summary() -> str:
    """One line per table: rows, columns and title."""
    lines = [f"morocco-palestine-data {__version__}: {len(TABLES)} tables", ""]
    width = max(map(len, TABLES))
    for res in loading.descriptor()["resources"]:
        frame = loading.load(res["name"])
        lines.append(
            f"{res['name']:<{width}}  {len(frame):>5} rows  {frame.shape[1]:>3} columns  "
            f"{res['title']}"
        )
    lines += ["", f"Files: {loading.dataset_dir()}"]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="morocco-palestine-data",
        description="Curated tables on Morocco–Palestine relations. Without a command, "
        "prints a summary of the tables.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("summary", help="rows and columns of each table")
    describe = sub.add_parser(
        "describe", help="the columns of a table or a view and what they mean"
    )
    describe.add_argument("table", choices=[*TABLES, *VIEWS])
    describe.add_argument(
        "--format",
        choices=describing.FORMATS,
        default="text",
        help="text wrapped to 80 columns (default), or markdown, csv, json for piping",
    )
    export_p = sub.add_parser("export", help="write tables to a folder")
    export_p.add_argument("dest", type=Path)
    export_p.add_argument("--format", choices=FORMATS, default="csv")
    export_p.add_argument("--tables", nargs="+", choices=TABLES, default=list(TABLES))
    export_p.add_argument(
        "--overwrite", action="store_true", help="replace files that already exist in DEST"
    )
    validate = sub.add_parser(
        "validate", help="check the shipped data, or a folder of edited CSV files"
    )
    validate.add_argument("folder", type=Path, nargs="?", default=None)
    validate.add_argument(
        "--frictionless",
        action="store_true",
        help="also run Frictionless as a second opinion (slower; the build always runs it)",
    )
    figures = sub.add_parser(
        "figures", help='draw the README figures into a folder (needs the "plot" extra)'
    )
    figures.add_argument("dest", type=Path)
    release = sub.add_parser(
        "release",
        help="write the release zip (CSV, Parquet, SQLite, Excel, descriptor, citation, "
        "checksums) from a checkout",
    )
    release.add_argument("dest", type=Path, help="folder to write the zip into")
    release.add_argument("--root", type=Path, default=None, help="the checkout (default: this one)")
    serve = sub.add_parser(
        "serve", help="browse the tables in Datasette on 127.0.0.1 (needs the serve extra)"
    )
    serve.add_argument("--port", type=int, default=8001)
    citation = sub.add_parser("citation", help="how to cite the dataset")
    citation.add_argument("--style", choices=STYLES, default="text")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    if args.command in (None, "summary"):
        print(summary())
    elif args.command == "describe":
        sys.stdout.write(describing.render(args.table, args.format))
    elif args.command == "export":
        try:
            written = export(args.dest, args.format, args.tables, overwrite=args.overwrite)
        except (ExportError, DataValidationError) as exc:
            print(exc, file=sys.stderr)
            return 1
        except OSError as exc:  # a destination that is a file, a full disk, ...
            print(f"export failed: {exc}", file=sys.stderr)
            return 1
        for target in written:
            print(target)
    elif args.command == "validate":
        from .validation import validate

        try:
            counts = validate(args.folder, use_frictionless=args.frictionless)
        except DataValidationError as exc:
            print(exc, file=sys.stderr)
            return 1
        print("valid: " + ", ".join(f"{t} {n} rows" for t, n in counts.items()))
    elif args.command == "figures":
        try:
            from .figures import write_all

            written = write_all(args.dest)
        except ImportError as exc:
            print(exc, file=sys.stderr)
            return 1
        for target in written:
            print(target)
    elif args.command == "release":
        from .release import REPO_ROOT, release

        try:
            print(release(args.dest, args.root or REPO_ROOT))
        except (FileNotFoundError, ValueError, ImportError) as exc:
            print(exc, file=sys.stderr)
            return 1
    elif args.command == "serve":
        from .serve import serve

        return serve(args.port)
    elif args.command == "citation":
        print(citation(args.style))
    return 0


if __name__ == "__main__":
    sys.exit(main())
