"""Problems found in the data, and the error that reports them all at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .vocabularies import TEXT_PATTERN

# What to do about each kind of rule; the key is the start of the rule's name.
_HINTS = {
    TEXT_PATTERN: "remove line breaks, and spaces at either end of the text",
    "isin": "use one of the allowed values (see `describe TABLE`)",
    "str_matches": "write the value in the pattern shown",
    "str_length": "fill the cell, or shorten the text",
    "field_uniqueness": "give each row its own identifier",
    "multiple_fields_uniqueness": "remove the duplicate row or change its key",
    "not_nullable": "fill the cell: this column is required",
    "greater_than": "use a value inside the allowed range (see `describe TABLE`)",
    "less_than": "use a value inside the allowed range (see `describe TABLE`)",
    "foreign_key": "add the referenced row first, or correct the identifier",
    "citation_target": "cite an existing record, or correct record_table/record_id",
    "uncited": "add a row to citations.csv naming a source that supports this record",
    "verified_before_accessed": "correct verified_on or the source's accessed_on",
    "parent_event_self": "empty the cell, or name the operation this event is a stage of",
    "parent_event_cycle": "make the whole operation the parent of its stages, never the reverse",
    "parent_event_dates": "correct the stage's dates or its parent (stages follow the start)",
    "bracket_ordered": "put the start date on or before the end date",
    "bracket_complete": "fill the start, end and precision of the bracket, or none of them",
    "bracket": "make the dates whole units of the precision (see docs/data-dictionary.md)",
    "iso3166_alpha3": "use a code ISO 3166-1 assigns (for example MAR, PSE, ISR)",
    "latitude_longitude_paired": "give both latitude and longitude, or neither",
    "date_format": "write the date as YYYY-MM-DD",
    "integer_format": "write a whole number, or leave the cell empty",
    "number_format": "write a number with a dot for decimals, or leave the cell empty",
    "columns": "make the header row match the columns listed by `describe TABLE`",
    "empty_file": "restore the file from git: it needs the header row and the rows",
    "no_rows": "restore the rows from git: every table has at least one row",
    "encoding": "save the file as UTF-8 without a byte-order mark (BOM)",
    "field_count": "give the row one field per column: quote a value holding a comma or line break",
    "csv_quotes": 'close the quoted value, or double a quote inside it ("")',
    "blank_line": "remove the empty line",
    "csv_syntax": "save the file as plain comma-separated text with a header row",
    "file_readable": "check that the file exists, is a file and can be read",
    "missing_file": "restore the file from git (`git checkout -- data/TABLE.csv`)",
    "unexpected_file": "remove or rename the file: each CSV file in the folder must be a table",
    "checksum": "reinstall the package, or rebuild with `python -m morocco_palestine_data.build`",
    "frictionless": "see the Frictionless error named in the message",
}


@dataclass(frozen=True)
class Problem:
    """One broken rule: where it is (table or file, row, column), which rule, and the bad
    value. ``file`` names the file the problem was found in, where there is one."""

    table: str
    rule: str
    message: str
    row: str | None = None
    column: str | None = None
    value: str | None = None
    file: str | None = None

    @property
    def hint(self) -> str:
        for prefix, hint in _HINTS.items():
            if prefix in self.rule:
                return hint
        return "correct the value"

    def __str__(self) -> str:
        where = self.file or self.table
        if self.row:
            where += f" [{self.row}]"
        if self.column:
            where += f" column {self.column}"
        value = f" (value: {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value} -- rule {self.rule}; fix: {self.hint}"


class DataValidationError(ValueError):
    """The data breaks one or more rules; ``problems`` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        lines = [f"{len(self.problems)} problem(s) in the data:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))
