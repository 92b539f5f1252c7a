"""The figures of the README, drawn from the shipped data.

    morocco-palestine-data figures docs/figures     (or python -m morocco_palestine_data.figures)

Needs the ``plot`` extra (matplotlib, and basemap with its bundled country outlines for the
map, so nothing is downloaded). Each PNG records, in its ``Source`` text chunk, the package
version and the SHA-256 of every table it was drawn from; ``stale_figures`` compares those
with the shipped data, and a test fails on a figure drawn from other data.
"""

from __future__ import annotations

import re
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import loading, views
from ._version import __version__

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIRST_YEAR = 1948
# Map extent (longitude, latitude): North Africa to the Gulf, where almost all places lie.
MAP_EXTENT = {"llcrnrlon": -19.0, "urcrnrlon": 56.0, "llcrnrlat": 12.0, "urcrnrlat": 49.0}
CERTAINTY_COLOURS = {"confirmed": "#1b7837", "reported": "#a6dba0", "disputed": "#c2a5cf"}
_BOUNDARY_NOTE = (
    "Outlines: basemap's bundled country boundaries; they imply no position on any boundary."
)


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f'the figures need {module} (missing here): pip install "morocco-palestine-data[plot]"'
        ) from exc


def _plt() -> Any:
    return _require("matplotlib.pyplot")


def _footnote(fig: Figure, text: str) -> None:
    """A grey note under the plot; constrained layout keeps room for it."""
    fig.supxlabel(text, fontsize="x-small", color="0.35", wrap=True)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def _left_out(n: int, one: str, many: str) -> str:
    """'1 event whose bracket spans more than one year is left out', and so on."""
    if n == 0:
        return f"no {one} spans more than one year"
    verb = "is" if n == 1 else "are"
    return f"{_plural(n, one, many)} whose bracket spans more than one year {verb} left out"


def data_fingerprint(tables: list[str]) -> str:
    """The text stamped into a figure: package version and the hash of each table used."""
    hashes = {r["name"]: r["hash"] for r in loading.descriptor()["resources"]}
    return f"morocco-palestine-data {__version__}; " + "; ".join(
        f"{table} {hashes[table]}" for table in sorted(tables)
    )


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def within_one_year(frame: Any) -> Any:
    """Rows whose date bracket falls within one calendar year: only those can be counted in a
    year without guessing; a bracket of a decade, or across a new year, is left out."""
    return frame["date_start"].dt.year == frame["date_end"].dt.year


def events_per_year() -> Figure:
    """Events per year since 1948, stacked by event type (the seven commonest, then other)."""
    import pandas as pd

    plt = _plt()
    every = loading.load("events")
    events = every[within_one_year(every)]
    kinds = events["event_type"].astype(str)
    top = kinds.value_counts().index[:7]
    kinds = kinds.where(kinds.isin(top), "other")
    years = range(FIRST_YEAR, max(_this_year(), int(events["date_start"].dt.year.max())) + 1)
    table = (
        pd.crosstab(events["date_start"].dt.year, kinds)
        .reindex(index=years, fill_value=0)
        .reindex(columns=[*top, "other"], fill_value=0)
    )
    fig, ax = plt.subplots(figsize=(12, 4.5), layout="constrained")
    bottom = pd.Series(0, index=table.index)
    colours = plt.get_cmap("tab10").colors
    for colour, kind in zip(colours, table.columns, strict=False):
        ax.bar(table.index, table[kind], bottom=bottom, width=0.85, color=colour, label=kind)
        bottom += table[kind]
    ax.set_title(f"Events per year, {FIRST_YEAR}–{years[-1]}, by type ({len(every)} events)")
    ax.set_ylabel("events")
    ax.set_xlim(FIRST_YEAR - 1, years[-1] + 1)
    ax.legend(ncols=4, fontsize="small", frameon=False, loc="upper left")
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    coarse = int((every["date_precision"] != "day").sum())
    _footnote(
        fig,
        f"An event is counted in the year of its date bracket; {coarse} events are known only to "
        f"the month, year or decade, and {_left_out(len(every) - len(events), 'event', 'events')}.",
    )
    return fig


def aid_per_year() -> Figure:
    """Aid deliveries per year: their number and their stated tonnage, by transport mode."""
    import pandas as pd

    plt = _plt()
    every = loading.load("aid_deliveries")
    aid = every[within_one_year(every)]
    year = aid["date_start"].dt.year
    modes = list(aid["transport_mode"].cat.categories)
    years = range(int(year.min()), max(_this_year(), int(year.max())) + 1)
    counts = pd.crosstab(year, aid["transport_mode"]).reindex(index=years, fill_value=0)
    tonnes = (
        aid.assign(year=year)
        .pivot_table(
            index="year",
            columns="transport_mode",
            values="weight_tonnes",
            aggfunc="sum",
            observed=False,
        )
        .reindex(index=years)
        .fillna(0)
    )
    fig, (top, low) = plt.subplots(2, 1, figsize=(12, 6.5), sharex=True, layout="constrained")
    colours = dict(zip(modes, plt.get_cmap("Set2").colors, strict=False))
    for ax, table in ((top, counts), (low, tonnes)):
        bottom = pd.Series(0.0, index=table.index)
        for mode in modes:
            values = table[mode] if mode in table else pd.Series(0, index=table.index)
            ax.bar(table.index, values, bottom=bottom, color=colours[mode], label=mode)
            bottom += values
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    stated = int(aid["weight_tonnes"].notna().sum())
    top.set_title(f"Aid deliveries per year, by transport mode ({len(every)} deliveries)")
    left_out = len(every) - len(aid)
    top.set_ylabel("deliveries")
    low.set_ylim(0, max(float(tonnes.to_numpy().sum(axis=1).max()), 1.0) * 1.1)
    top.legend(title="transport mode", fontsize="small", frameon=False, loc="upper left")
    low.set_title(f"Stated tonnage per year ({stated} of {len(aid)} deliveries state a weight)")
    low.set_ylabel("tonnes")
    low.xaxis.set_major_locator(_require("matplotlib.ticker").MaxNLocator(integer=True))
    _footnote(
        fig,
        "A delivery is counted in the year of its date bracket; "
        f"{_left_out(left_out, 'delivery', 'deliveries')}. Tonnage is the sum of the figures "
        "sources state; where they differ the record is 'disputed' (see notes).",
    )
    return fig


def places_map() -> Figure:
    """The places of the events, each with the number of events there, on country outlines
    from basemap's bundled data."""
    plt = _plt()
    basemap = _require("mpl_toolkits.basemap")

    events = loading.load("events")
    placed = events.dropna(subset=["place_id"])
    counts = (
        placed.groupby("place_id", observed=True)
        .size()
        .rename("n")
        .to_frame()
        .join(loading.load("places").set_index("place_id"))
        .rename(columns={"name_en": "name", "latitude": "lat", "longitude": "lon"})
        .sort_values(["n", "name"], ascending=[False, True])
    )
    inside = counts[
        counts["lon"].between(MAP_EXTENT["llcrnrlon"], MAP_EXTENT["urcrnrlon"])
        & counts["lat"].between(MAP_EXTENT["llcrnrlat"], MAP_EXTENT["urcrnrlat"])
    ]
    outside = counts.drop(inside.index)
    fig, ax = plt.subplots(figsize=(12, 6.8), layout="constrained")
    world = basemap.Basemap(projection="merc", resolution="l", ax=ax, **MAP_EXTENT)
    world.fillcontinents(color="#f2f0eb", lake_color="white")
    world.drawcountries(linewidth=0.4, color="0.55")
    world.drawcoastlines(linewidth=0.4, color="0.45")
    x, y = world(inside["lon"].to_numpy(), inside["lat"].to_numpy())
    ax.scatter(
        x, y, s=inside["n"] * 14 + 10, color="#b2182b", alpha=0.6, edgecolor="white", zorder=5
    )
    labelled: list[tuple[float, float]] = []
    for (_, place), px, py in zip(inside.iterrows(), x, y, strict=True):
        # label the busiest place of each cluster; the list in the box names them all
        if all(abs(px - lx) + abs(py - ly) > 450_000 for lx, ly in labelled):
            labelled.append((px, py))
            ax.annotate(
                f"{place['name']} {place['n']}",
                (px, py),
                xytext=(7, 5),
                textcoords="offset points",
                fontsize="small",
                zorder=6,
            )
    entries = [f"{p['name']}: {p['n']}" for _, p in inside.iterrows()]
    half = (len(entries) + 1) // 2
    width = max(map(len, entries[:half]), default=0) + 3
    listing = "\n".join(
        f"{left:<{width}}{right}"
        for left, right in zip(entries[:half], [*entries[half:], ""], strict=False)
    )
    ax.text(
        0.37,
        0.03,
        "Events per place\n" + listing,
        transform=ax.transAxes,
        ha="left",
        va="bottom",
        family="monospace",
        fontsize="x-small",
        linespacing=1.25,
        bbox={"facecolor": "white", "edgecolor": "0.7", "alpha": 0.9},
        zorder=7,
    )
    ax.set_title(
        f"Where the events took place: {len(counts)} places, {len(placed)} of "
        f"{len(events)} events (circle area: number of events)"
    )
    away = ", ".join(f"{p['name']} {p['n']}" for _, p in outside.iterrows()) or "none"
    _footnote(
        fig,
        f"Outside the map: {away}. Events with no single place (national, multi-site or "
        f"unstated): {len(events) - len(placed)}. {_BOUNDARY_NOTE}",
    )
    return fig


def certainty_by_decade() -> Figure:
    """The share of confirmed, reported and disputed events in each decade, with counts."""
    import pandas as pd

    plt = _plt()
    events = loading.load("events")
    events = events.assign(n_sources=views.provenance("events", events["event_id"])["n_sources"])
    decade = events["date_start"].dt.year // 10 * 10
    table = pd.crosstab(decade, events["certainty"]).reindex(
        columns=list(CERTAINTY_COLOURS), fill_value=0
    )
    share = table.div(table.sum(axis=1), axis=0) * 100
    sources = events.groupby(decade)["n_sources"].mean()
    labels = [f"{d}s" for d in table.index]
    fig, ax = plt.subplots(figsize=(10, 4.8), layout="constrained")
    left = pd.Series(0.0, index=table.index)
    for level, colour in CERTAINTY_COLOURS.items():
        ax.barh(labels, share[level], left=left, color=colour, label=level)
        left += share[level]
    for row, decade_start in enumerate(table.index):
        ax.text(
            101,
            row,
            f"{_plural(int(table.loc[decade_start].sum()), 'event')}, "
            f"{sources[decade_start]:.1f} sources each on average",
            va="center",
            fontsize="small",
        )
    ax.invert_yaxis()
    ax.set_xlim(0, 150)
    ax.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    ax.set_title("How well sourced each decade is: certainty of the events", loc="left", pad=24)
    ax.legend(ncols=3, frameon=False, loc="lower left", bbox_to_anchor=(0, 1), fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    _footnote(
        fig,
        "confirmed: two independent sources or one official source of the party concerned; "
        "reported: one source; disputed: sources disagree (see notes).",
    )
    return fig


# file name -> (how to draw it, the tables it is drawn from)
FIGURES: dict[str, tuple[Callable[[], Figure], list[str]]] = {
    "events-per-year.png": (events_per_year, ["events"]),
    "aid-per-year.png": (aid_per_year, ["aid_deliveries"]),
    "places-map.png": (places_map, ["events", "places"]),
    "certainty-by-decade.png": (certainty_by_decade, ["citations", "events", "sources"]),
}


def write_all(dest: Path) -> list[Path]:
    """Draw every figure into ``dest`` as PNG, stamped with the data it was drawn from."""
    _require("matplotlib").use("Agg")  # files only: never open a window
    plt = _plt()
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (draw, tables) in FIGURES.items():
        fig = draw()
        target = dest / name
        fig.savefig(
            target,
            dpi=110,
            metadata={
                "Title": (draw.__doc__ or name).split("\n")[0],
                "Source": data_fingerprint(tables),
                "Software": "matplotlib; morocco_palestine_data.figures",
            },
        )
        plt.close(fig)
        written.append(target)
    return written


def png_text(path: Path) -> dict[str, str]:
    """The tEXt (and zTXt) chunks of a PNG file, read without any imaging library."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    out, pos = {}, 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = zlib.decompress(value[1:]).decode("latin-1")
        pos += 12 + length
    return out


def stale_figures(folder: Path) -> list[str]:
    """Problems with the figures in ``folder``: missing, unstamped, or drawn from data other
    than the shipped data. Empty when every figure is current."""
    problems = []
    for name, (_, tables) in FIGURES.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            continue
        stamp = png_text(path).get("Source", "")
        if not stamp:
            problems.append(f"{name}: no Source stamp")
            continue
        stamped = dict(re.findall(r"(\w+) (sha256:[0-9a-f]{64})", stamp))
        wanted = dict(re.findall(r"(\w+) (sha256:[0-9a-f]{64})", data_fingerprint(tables)))
        changed = sorted(t for t in wanted if stamped.get(t) != wanted[t])
        if changed:
            problems.append(f"{name}: drawn from other data for {', '.join(changed)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m morocco_palestine_data.figures [DEST]`` (default ``docs/figures``)."""
    args = sys.argv[1:] if argv is None else argv
    for path in write_all(Path(args[0] if args else "docs/figures")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
