"""The public interface of package.md: names, types and errors."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import schemas

TABLES = mpd.list_tables()


def test_list_tables_names_the_nine_tables():
    assert TABLES == [
        "actors",
        "aid_deliveries",
        "citations",
        "diplomatic_missions",
        "event_actors",
        "events",
        "mission_heads",
        "places",
        "sources",
    ]


def test_version_matches_descriptor():
    from morocco_palestine_data.loading import descriptor

    assert mpd.__version__ == descriptor()["version"]


@pytest.mark.parametrize("table", TABLES)
def test_every_loader_returns_the_typed_table(table):
    frame = getattr(mpd, f"load_{table}")()
    assert len(frame) > 0
    pd.testing.assert_frame_equal(frame, mpd.load(table))
    schema = schemas.model(table).to_schema()
    assert list(frame.columns) == list(schema.columns)
    for name, column in schema.columns.items():
        dtype = column.dtype.type
        if isinstance(dtype, pd.CategoricalDtype):
            assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
            assert list(frame[name].cat.categories) == list(dtype.categories), name
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            assert frame[name].dtype == "datetime64[ns]", name
        elif pd.api.types.is_integer_dtype(dtype):
            assert frame[name].dtype == "Int64", name
        elif pd.api.types.is_float_dtype(dtype):
            assert frame[name].dtype == "float64", name
        else:
            assert isinstance(frame[name].dtype, pd.StringDtype), name


@pytest.mark.parametrize("table", TABLES)
def test_load_with_validation_returns_the_same_frame(table):
    pd.testing.assert_frame_equal(mpd.load(table, validate=True), mpd.load(table))


def test_load_all_returns_every_table():
    frames = mpd.load_all()
    assert list(frames) == TABLES
    pd.testing.assert_frame_equal(frames["events"], mpd.load_events())


def test_integer_columns_with_gaps_stay_integers():
    aid = mpd.load_aid_deliveries()
    assert aid["aircraft"].dtype == "Int64"
    assert aid["aircraft"].isna().any() and aid["aircraft"].notna().any()


def test_dates_load_as_dates():
    events = mpd.load_events().set_index("event_id")
    row = events.loc["1986-07-22-peres-visits-hassan-ii-ifrane"]
    assert row["date_start"] == pd.Timestamp("1986-07-22")
    assert row["date_end"] == pd.Timestamp("1986-07-23")
    assert row["date_precision"] == "day"


def test_unknown_table_lists_the_tables():
    with pytest.raises(ValueError, match=r"unknown table 'evnts'.*actors.*sources"):
        mpd.load("evnts")


def test_unknown_format_lists_the_formats():
    with pytest.raises(ValueError, match=r"unknown format 'xlsx'.*csv, parquet"):
        mpd.path("events", format="xlsx")


@pytest.mark.parametrize(
    ("call", "accepted"),
    [
        (lambda: mpd.load("events", valdate=True), "name, validate"),
        (lambda: mpd.load_events(fromat="csv"), "validate"),
        (lambda: mpd.load_all(strict=True), "validate"),
        (lambda: mpd.path("events", fmt="csv"), "name, format"),
        (lambda: mpd.describe("events", verbose=True), "name"),
    ],
)
def test_unknown_arguments_list_the_accepted_ones(call, accepted):
    with pytest.raises(ValueError, match=f"unknown argument.*accepts: {accepted}$"):
        call()


def test_validate_argument_must_be_boolean():
    with pytest.raises(ValueError, match="validate must be True or False"):
        mpd.load("events", validate="yes")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_path_points_inside_the_package(fmt):
    target = mpd.path("events", format=fmt)
    assert target.is_file()
    assert target.suffix == f".{fmt}"
    assert target.is_relative_to(mpd.loading.dataset_dir())


@pytest.mark.parametrize("table", TABLES)
def test_describe_has_one_row_per_column(table):
    described = mpd.describe(table)
    assert list(described["column"]) == list(mpd.load(table).columns)
    assert list(described.columns) == [
        "column",
        "type",
        "required",
        "title",
        "description",
        "constraints",
    ]
    assert described["description"].str.len().gt(0).all()


def test_describe_reports_enum_and_required():
    described = mpd.describe("events").set_index("column")
    assert described.loc["event_id", "required"]
    assert not described.loc["place_id", "required"]
    assert "enum=" in described.loc["certainty", "constraints"]
    assert "disputed" in described.loc["certainty", "constraints"]


def test_validate_passes_on_shipped_data():
    counts = mpd.validate()
    assert counts == {t: len(mpd.load(t)) for t in TABLES}


def test_schemas_attribute_exposes_the_models():
    assert mpd.schemas.Events is schemas.Events


def heavy_modules_after(statements: str, heavy: tuple[str, ...]) -> list[str]:
    """Which of ``heavy`` a fresh interpreter has imported after running ``statements``."""
    code = (
        f"import sys, morocco_palestine_data as m; {statements}; "
        f"print(','.join(sorted(n for n in {heavy!r} if n in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [n for n in out.stdout.strip().split(",") if n]


def test_import_leaves_heavy_modules_out():
    heavy = ("pandera", "frictionless", "pandas", "pyarrow", "pycountry", "numpy")
    heavy += ("matplotlib", "mpl_toolkits", "duckdb", "polars", "difflib")
    assert heavy_modules_after("m.list_tables()", heavy) == []


def test_loading_does_not_import_pandera():
    statements = "m.load_all(); m.describe('events')"
    assert heavy_modules_after(statements, ("pandera", "frictionless", "pycountry")) == []
    assert heavy_modules_after(statements, ("pandas", "pyarrow")) == ["pandas", "pyarrow"]


def test_views_and_citing_import_no_validation_or_plotting_library():
    statements = (
        "m.events_wide(); m.aid_wide(); m.missions_wide(); m.cite('hassan-ii'); "
        "m.describe('events_wide')"
    )
    heavy = ("pandera", "frictionless", "pycountry", "matplotlib", "duckdb", "polars")
    assert heavy_modules_after(statements, heavy) == []


def test_dir_shows_only_the_public_interface():
    assert dir(mpd) == sorted(mpd.__all__)
    for name in mpd.__all__:
        assert getattr(mpd, name) is not None, name
    for private in ("loading", "tables", "problems", "annotations", "TYPE_CHECKING", "Any"):
        assert private not in dir(mpd)
