"""Shared test set-up: no network, offscreen Qt, paths to the real open data."""
from __future__ import annotations

import os
import socket
import warnings
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "real"
SAMPLE = REPO / "sample_data"
FIXED_DATE = date(2026, 11, 23)  # the date the sample pages print (the reference images were drawn with it)


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test: the app must work offline."""

    def refuse(self, address, *args, **kwargs):
        if self.family == getattr(socket, "AF_UNIX", None):
            return _real_connect(self, address, *args, **kwargs)
        raise NetworkBlocked(f"test tried to connect to {address!r}")

    _real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(NetworkBlocked(str(a))))


@pytest.fixture(scope="session")
def real_data() -> Path:
    if not REAL.is_dir():
        pytest.fail(f"the real open data copied for tests is missing: {REAL}")
    return REAL


@pytest.fixture(scope="session")
def sample_pages():
    """`sample_pages(template="choropleth", lang="en")`: the sample map of a bundled template
    (`sample_project(lang, template)`, dated FIXED_DATE), built and drawn once per test run, when a
    test first asks for it, with any warning an error. Several files read the same sample pages; building
    each once saves 2-3 s per page. Tests only read them (an export puts the Figure's size back); a test
    that changes a map builds its own."""
    from carto_desktop.project import build_map, sample_project

    made = {}

    def page(template: str = "choropleth", lang: str = "en"):
        if (template, lang) not in made:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                result = build_map(replace(sample_project(lang, template), created=FIXED_DATE))
                result.figure.canvas.draw()
            made[template, lang] = result
        return made[template, lang]

    return page


@pytest.fixture(scope="session")
def sample_fr_result(sample_pages):
    """The French sample map, for tests that only inspect it."""
    return sample_pages("choropleth", "fr")


@pytest.fixture
def window(qtbot, tmp_path):
    """The app's main window in English, shown, with its own app-data folder; its engine stopped after."""
    from carto_desktop.gui.main_window import MainWindow

    w = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.shutdown()
