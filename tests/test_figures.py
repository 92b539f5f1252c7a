"""The README figures: committed, shown in the README, and drawn from the shipped data."""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path

from morocco_palestine_data import cli, figures, loading

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "docs" / "figures"


def test_committed_figures_were_drawn_from_the_shipped_data():
    problems = figures.stale_figures(FOLDER)
    assert problems == [], (
        "redraw them with: morocco-palestine-data figures docs/figures\n" + "\n".join(problems)
    )


def test_every_figure_is_shown_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in figures.FIGURES:
        assert f"](docs/figures/{name})" in readme, name


def test_a_figure_drawn_from_other_data_is_caught(tmp_path, monkeypatch):
    for name in figures.FIGURES:
        shutil.copyfile(FOLDER / name, tmp_path / name)
    changed = copy.deepcopy(loading.descriptor())
    (events,) = (r for r in changed["resources"] if r["name"] == "events")
    events["hash"] = "sha256:" + "0" * 64
    monkeypatch.setattr(loading, "descriptor", lambda: changed)
    problems = figures.stale_figures(tmp_path)
    stale = sorted(p.split(":")[0] for p in problems)
    assert stale == sorted(n for n, (_, tables) in figures.FIGURES.items() if "events" in tables)
    assert all("drawn from other data for events" in p for p in problems)


def test_a_missing_or_unstamped_figure_is_caught(tmp_path):
    shutil.copyfile(FOLDER / "events-per-year.png", tmp_path / "events-per-year.png")
    # a valid PNG signature and an IEND chunk, with no text chunks
    (tmp_path / "aid-per-year.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    problems = figures.stale_figures(tmp_path)
    assert "aid-per-year.png: no Source stamp" in problems
    assert "places-map.png: missing" in problems
    assert not any(p.startswith("events-per-year.png") for p in problems)


def test_the_figures_command_draws_stamped_current_figures(tmp_path, capsys):
    assert cli.main(["figures", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(figures.FIGURES)
    assert figures.stale_figures(tmp_path) == []
    stamp = figures.png_text(tmp_path / "places-map.png")["Source"]
    assert stamp.startswith("morocco-palestine-data ")
    assert "events sha256:" in stamp and "places sha256:" in stamp


def test_the_figures_command_without_matplotlib_says_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    assert cli.main(["figures", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert 'pip install "morocco-palestine-data[plot]"' in err
    assert list(tmp_path.iterdir()) == []


def test_per_year_figures_leave_out_brackets_that_span_years():
    import pandas as pd

    from morocco_palestine_data.figures import _left_out, within_one_year

    frame = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2018-06-04", "2010-01-01", "2023-12-30"]),
            "date_end": pd.to_datetime(["2018-06-05", "2019-12-31", "2024-01-02"]),
        }
    )
    assert within_one_year(frame).tolist() == [True, False, False]
    assert _left_out(1, "delivery", "deliveries") == (
        "1 delivery whose bracket spans more than one year is left out"
    )
    assert _left_out(2, "event", "events").startswith("2 events whose")
    assert _left_out(0, "event", "events") == "no event spans more than one year"
