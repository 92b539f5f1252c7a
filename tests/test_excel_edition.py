"""The Excel edition: about and dictionary sheets, one sheet per table, same values."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import _version, loading
from morocco_palestine_data.excel_edition import write_excel


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("excel") / "mpd.xlsx"
    return write_excel(mpd.load_all(), loading.descriptor(), target)


@pytest.fixture(scope="module")
def book(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def test_sheets_are_about_dictionary_then_every_table(book):
    assert book.sheetnames == ["about", "data_dictionary", *mpd.list_tables()]


@pytest.mark.parametrize("table", mpd.list_tables())
def test_every_table_round_trips_through_read_excel(workbook_path, table):
    frame = pd.read_excel(workbook_path, sheet_name=table)
    pd.testing.assert_frame_equal(frame.astype(loading.dtypes(table)), mpd.load(table))


def test_about_sheet_says_version_licence_and_how_to_cite(book):
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["Version"] == mpd.__version__
    assert about["Released"] == _version.RELEASE_DATE
    assert about["Licence"].startswith("CC BY 4.0")
    assert about["How to cite"] == mpd.citation()
    assert about["events"].startswith(f"{len(mpd.load_events())} rows.")


def test_dictionary_sheet_has_one_row_per_column(workbook_path):
    dictionary = pd.read_excel(workbook_path, sheet_name="data_dictionary", keep_default_na=False)
    assert len(dictionary) == sum(len(mpd.describe(t)) for t in mpd.list_tables())
    row = dictionary[(dictionary.table == "events") & (dictionary.column == "certainty")].iloc[0]
    assert row.description == mpd.describe("events").set_index("column").description["certainty"]
    assert "disputed" in row["values"].split(", ")


def test_dates_are_real_dates_and_headers_frozen(book):
    sheet = book["events"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("date_start") + 1)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert cell.value.date() == mpd.load_events().date_start.iloc[0].date()


def test_arabic_text_is_intact(book):
    actors = mpd.load_actors()
    header = [cell.value for cell in book["actors"][1]]
    column = header.index("name_ar") + 1
    stored = [book["actors"].cell(row=i + 2, column=column).value for i in range(len(actors))]
    expected = [None if pd.isna(v) else v for v in actors.name_ar]
    assert stored == expected
    assert any("\u0600" <= ch <= "\u06ff" for value in stored if value for ch in value)


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    frames = mpd.load_all()
    frames["events"].loc[0, "notes"] = "=1+1"
    target = write_excel(frames, loading.descriptor(), tmp_path / "formula.xlsx")
    sheet = openpyxl.load_workbook(target)["events"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("notes") + 1)
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_two_writes_are_byte_identical(workbook_path, tmp_path):
    again = write_excel(mpd.load_all(), loading.descriptor(), tmp_path / "again.xlsx")
    assert again.read_bytes() == workbook_path.read_bytes()
    core = zipfile.ZipFile(again).read("docProps/core.xml").decode()
    modified = f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_version.RELEASE_DATE}T00:00:00Z'
    assert modified in core
