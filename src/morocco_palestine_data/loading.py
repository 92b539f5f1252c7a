"""Loading the shipped tables as typed pandas DataFrames.

The dtypes come from the shipped ``datapackage.json`` (itself derived from the pandera
models), so loading never imports pandera. pandas and pyarrow are imported on first use.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .tables import TABLES, VIEWS, check_format, check_table

if TYPE_CHECKING:
    import pandas as pd

PACKAGE_DATA = "dataset"


def dataset_dir() -> Path:
    """Folder of the data shipped inside the installed package."""
    return Path(str(files(__package__).joinpath(PACKAGE_DATA)))


def _reject(function: str, unknown: dict[str, Any], accepted: str) -> None:
    if unknown:
        raise ValueError(
            f"{function}() got unknown argument(s) {', '.join(sorted(unknown))}; "
            f"it accepts: {accepted}"
        )


def path(name: str, format: str = "csv", **unknown: Any) -> Path:
    """Path of the shipped file of table ``name`` in ``format`` ("csv" or "parquet")."""
    _reject("path", unknown, "name, format")
    return dataset_dir() / "data" / f"{check_table(name)}.{check_format(format)}"


@functools.cache
def descriptor() -> dict[str, Any]:
    """The shipped Frictionless descriptor (``datapackage.json``) as a dict."""
    return json.loads((dataset_dir() / "datapackage.json").read_text(encoding="utf-8"))


def resource(name: str) -> dict[str, Any]:
    """The Frictionless resource of table ``name`` in the shipped descriptor."""
    check_table(name)
    (res,) = (r for r in descriptor()["resources"] if r["name"] == name)
    return res


def fields(name: str) -> list[dict[str, Any]]:
    """The Frictionless fields of table ``name``, in column order."""
    return resource(name)["schema"]["fields"]


def dtypes(name: str) -> dict[str, Any]:
    """The pandas dtype of each column of table ``name``."""
    return dtypes_for(fields(name))


def dtypes_for(table_fields: list[dict[str, Any]]) -> dict[str, Any]:
    """The pandas dtype of each of the Frictionless ``table_fields``."""
    import pandas as pd

    kinds = {"date": "datetime64[ns]", "integer": "Int64", "number": "float64"}
    out: dict[str, Any] = {}
    for field in table_fields:
        enum = field.get("constraints", {}).get("enum")
        if enum is not None:
            out[field["name"]] = pd.CategoricalDtype(enum, ordered=False)
        else:
            out[field["name"]] = kinds.get(field["type"], pd.StringDtype())
    return out


def load(name: str, *, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Table ``name`` as a typed DataFrame (dates, categoricals, nullable integers, strings).

    With ``validate=True`` the shipped Parquet file is first checked against the SHA-256 the
    build recorded for it (``parquet.sha256``), then the frame against its pandera model; a
    :class:`~morocco_palestine_data.DataValidationError` names the modified file or lists
    every broken rule.
    """
    _reject("load", unknown, "name, validate")
    if not isinstance(validate, bool):
        raise ValueError(f"validate must be True or False, not {validate!r}")
    import pyarrow.parquet as pq

    source = path(name, "parquet")
    if validate:  # hash the bytes that are then read, so that nothing changes in between
        import pyarrow as pa

        from .checksums import verified_bytes

        table = pq.read_table(pa.BufferReader(verified_bytes(source)))
    else:
        table = pq.read_table(source)
    frame = table.to_pandas(date_as_object=False).astype(dtypes(name))
    if validate:
        from .validation import validate_frame

        validate_frame(name, frame, file=source.name)
    return frame


def load_all(*, validate: bool = False, **unknown: Any) -> dict[str, pd.DataFrame]:
    """Every table, as ``{name: DataFrame}``."""
    _reject("load_all", unknown, "validate")
    return {name: load(name, validate=validate) for name in TABLES}


def load_actors(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """States, bodies, organisations, movements, people and populations."""
    _reject("load_actors", unknown, "validate")
    return load("actors", validate=validate)


def load_aid_deliveries(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Consignments and tranches of aid, with the quantities sources state."""
    _reject("load_aid_deliveries", unknown, "validate")
    return load("aid_deliveries", validate=validate)


def load_citations(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Which source supports which record."""
    _reject("load_citations", unknown, "validate")
    return load("citations", validate=validate)


def load_diplomatic_missions(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Missions of one state or body in another."""
    _reject("load_diplomatic_missions", unknown, "validate")
    return load("diplomatic_missions", validate=validate)


def load_event_actors(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """The part each actor plays in each event."""
    _reject("load_event_actors", unknown, "validate")
    return load("event_actors", validate=validate)


def load_events(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Things that happened, dated by a bracket and a precision."""
    _reject("load_events", unknown, "validate")
    return load("events", validate=validate)


def load_mission_heads(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Who headed each diplomatic mission, at what level, and when."""
    _reject("load_mission_heads", unknown, "validate")
    return load("mission_heads", validate=validate)


def load_places(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Cities, regions, territories, countries and sites."""
    _reject("load_places", unknown, "validate")
    return load("places", validate=validate)


def load_sources(*, validate: bool = False, **unknown: Any) -> pd.DataFrame:
    """Documents read to support the records."""
    _reject("load_sources", unknown, "validate")
    return load("sources", validate=validate)


def describe(name: str, **unknown: Any) -> pd.DataFrame:
    """One row per column of table or view ``name``: type, required, title, description,
    constraints. The views (``events_wide``, ``aid_wide``, ``missions_wide``) are described
    the same way; their type ``list`` is a column of Python lists."""
    _reject("describe", unknown, "name")
    import pandas as pd

    if name in VIEWS:
        from .views import view_fields

        columns = view_fields(name)
    elif name in TABLES:
        columns = fields(name)
    else:
        raise ValueError(
            f"unknown table or view {name!r}; the tables are: {', '.join(TABLES)}; "
            f"the views are: {', '.join(VIEWS)}"
        )
    rows = []
    for field in columns:
        constraints = dict(field.get("constraints", {}))
        required = constraints.pop("required", False)
        rows.append(
            {
                "column": field["name"],
                "type": field["type"],
                "required": required,
                "title": field.get("title", ""),
                "description": field.get("description", ""),
                "constraints": "; ".join(f"{k}={v}" for k, v in constraints.items()),
            }
        )
    return pd.DataFrame(rows).astype({"required": bool})
