"""Shared test set-up: no network, offscreen Qt, paths to the real open data."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "real"
SAMPLE = REPO / "sample_data"


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
def sample_fr_result():
    """The sample map built once (French), for tests that only inspect it."""
    from carto_desktop.project import build_map, sample_project

    return build_map(sample_project("fr"))


@pytest.fixture
def window(qtbot, tmp_path):
    """The app's main window in English, shown, with its own app-data folder; its engine stopped after."""
    from carto_desktop.gui.main_window import MainWindow

    w = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.shutdown()
