"""The Excel edition: an ``about`` sheet, a ``data_dictionary`` sheet and one sheet per table.

Dates are real Excel dates (shown as ``yyyy-mm-dd``), numbers are numbers, text is stored
as text (never turned into formulas or links), headers are frozen and filterable. Written
with XlsxWriter, whose files carry fixed timestamps: the same tables give the same bytes.
Needs the ``excel`` extra: ``pip install "morocco-palestine-data[excel]"``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _version
from . import dataset_citation as cite

if TYPE_CHECKING:
    import pandas as pd

ABOUT_SHEET = "about"
DICTIONARY_SHEET = "data_dictionary"
DICTIONARY_COLUMNS = ("table", "column", "type", "required", "title", "description", "values")
INSTALL_HINT = 'the Excel edition needs XlsxWriter: pip install "morocco-palestine-data[excel]"'


def _xlsxwriter() -> Any:
    try:
        import xlsxwriter
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return xlsxwriter


def about_rows(package: dict[str, Any], counts: dict[str, int]) -> list[tuple[str, str]]:
    """The ``about`` sheet: what the workbook is, its version, licence, how to cite it."""
    rows = [
        ("Dataset", f"{cite.NAME}: {cite.TITLE}"),
        ("Version", _version.__version__),
        ("Released", _version.RELEASE_DATE),
        ("Description", cite.DESCRIPTION),
        ("Licence", f"{cite.LICENSE_NAME} ({cite.LICENSE_URL})"),
        ("How to cite", cite.text()),
        ("Citing facts", cite.MESSAGE),
        ("Sheets", f"{DICTIONARY_SHEET}: what every column means; then one sheet per table"),
    ]
    for res in package["resources"]:
        rows.append((res["name"], f"{counts[res['name']]} rows. {res['description']}"))
    return rows


def dictionary_rows(package: dict[str, Any]) -> list[tuple[str, ...]]:
    """One row per column of every table, in :data:`DICTIONARY_COLUMNS` order."""
    rows = []
    for res in package["resources"]:
        for field in res["schema"]["fields"]:
            constraints = field["constraints"]
            rows.append(
                (
                    res["name"],
                    field["name"],
                    field["type"],
                    "yes" if constraints.get("required") else "no",
                    field["title"],
                    field["description"],
                    ", ".join(constraints.get("enum", [])),
                )
            )
    return rows


def _write_table(sheet: Any, frame: pd.DataFrame, fields: list[dict], formats: dict) -> None:
    import pandas as pd

    for col, field in enumerate(fields):
        sheet.write_string(0, col, field["name"], formats["header"])
        values = frame[field["name"]].astype(object)
        kind = field["type"]
        for row, value in enumerate(values, start=1):
            if pd.isna(value):
                continue
            if kind == "date":
                sheet.write_datetime(row, col, value.to_pydatetime(), formats["date"])
            elif kind in ("integer", "number"):
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, str(value))
        width = 12 if kind == "date" else min(60, max(10, len(field["name"]) + 2))
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(frame), len(fields) - 1)


def write_excel(frames: dict[str, pd.DataFrame], package: dict[str, Any], target: Path) -> Path:
    """Write ``frames`` (typed, as the loaders return them) to the workbook ``target``."""
    xlsxwriter = _xlsxwriter()
    created = dt.datetime.fromisoformat(_version.RELEASE_DATE).replace(tzinfo=dt.UTC)
    options = {
        "in_memory": True,  # fixed timestamps inside the zip
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(str(target), options) as book:
        book.set_properties(
            {
                "title": f"{cite.NAME} {_version.__version__}",
                "author": cite.AUTHOR,
                "comments": cite.text(),
                "created": created,
            }
        )
        formats = {
            "header": book.add_format({"bold": True, "bottom": 1}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
            "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        }
        counts = {name: len(frame) for name, frame in frames.items()}
        about = book.add_worksheet(ABOUT_SHEET)
        about.set_column(0, 0, 16, formats["header"])
        about.set_column(1, 1, 110, formats["wrap"])
        for row, (key, value) in enumerate(about_rows(package, counts)):
            about.write_string(row, 0, key)
            about.write_string(row, 1, value)

        dictionary = book.add_worksheet(DICTIONARY_SHEET)
        for col, name in enumerate(DICTIONARY_COLUMNS):
            dictionary.write_string(0, col, name, formats["header"])
        for row, values in enumerate(dictionary_rows(package), start=1):
            for col, value in enumerate(values):
                dictionary.write_string(row, col, value)
        for col, width in enumerate((20, 22, 9, 9, 22, 70, 40)):
            dictionary.set_column(col, col, width)
        dictionary.freeze_panes(1, 0)

        for res in package["resources"]:
            sheet = book.add_worksheet(res["name"])
            _write_table(sheet, frames[res["name"]], res["schema"]["fields"], formats)
    return Path(target)
