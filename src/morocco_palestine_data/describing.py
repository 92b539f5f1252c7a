"""``describe TABLE`` for people (wrapped to a terminal's width) and for pipes (Markdown,
CSV, JSON)."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from . import loading
from .tables import VIEWS

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("text", "markdown", "csv", "json")


def render(table: str, fmt: str = "text", width: int = 80) -> str:
    """The description of ``table`` as text wrapped to ``width``, Markdown, CSV or JSON."""
    frame = loading.describe(table)
    if fmt == "text":
        return _text(table, frame, width)
    if fmt == "markdown":
        return _markdown(frame)
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        return json.dumps(frame.to_dict(orient="records"), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}; the formats are: {', '.join(FORMATS)}")


def _text(table: str, frame: pd.DataFrame, width: int) -> str:
    if table in VIEWS:
        from .views import view_description

        description = view_description(table)
    else:
        res = loading.resource(table)
        description = res["description"]

    def fill(text: str, indent: str = "") -> str:
        return textwrap.fill(
            text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
        )

    blocks = [fill(f"{table}: {description}")]
    for row in frame.itertuples():
        need = "required" if row.required else "optional"
        lines = [fill(f"{row.column} ({row.type}, {need})")]
        lines.append(fill(f"{row.title}. {row.description}", "    "))
        if row.constraints:
            lines.append(fill(f"constraints: {row.constraints}", "    "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _markdown(frame: pd.DataFrame) -> str:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(False)]
    return "\n".join(lines) + "\n"
