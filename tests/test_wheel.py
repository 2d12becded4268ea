"""A regular install works: the wheel carries the templates, sample data, places list and translations.

Volunteers install with `pip install` or `pipx install`, which build and install a wheel, not
the checkout. The wheel is built offline (no build isolation), installed without `-e` into a
fresh virtual environment, and run from a folder outside the checkout.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; the libraries it needs borrowed from this environment."""
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                            "-q", "-w", str(work / "dist"), str(REPO)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((work / "dist").glob("carto_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("carto_desktop/_app/styles/choropleth.json", "carto_desktop/_app/ui/carto_desktop_fr.qm",
                   "carto_desktop/_app/sample_data/credits.json",
                   "carto_desktop/_app/sample_data/gazetteer/geonames_sahel_places.tsv.gz"):
        assert needed in names, f"{needed} is not in the wheel"
    assert not any(n.startswith(("tests/", "carto_desktop/_app/tests")) for n in names)

    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies (geopandas, Qt…) come from this environment: a plain path line, so the
    # editable install of the checkout that may sit there (a .pth file) is not followed.
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                              "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    return venv


def _run(venv: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    exe = venv / ("Scripts/carto-desktop.exe" if os.name == "nt" else "bin/carto-desktop")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    py = installed / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(py), "-c", "import carto_desktop.paths as p; print(p.app_root())"],
                         capture_output=True, text=True, cwd=tmp_path, env=env, check=True).stdout.strip()
    assert Path(out).is_relative_to(installed), out


def test_demo_from_a_regular_install(installed, tmp_path):
    proc = _run(installed, ["demo", "-o", str(tmp_path / "demo.png"), "--lang", "en"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "demo.png").stat().st_size > 50_000


def test_a_french_render_with_a_bundled_template_from_a_regular_install(installed, tmp_path):
    for name in ("mali_3w_2023-12.xlsx", "mali_adm2.geojson"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    proc = _run(installed, ["render", "--table", "mali_3w_2023-12.xlsx", "--boundaries", "mali_adm2.geojson",
                            "--template", "presence", "--lang", "fr", "--title", "Où nous travaillons",
                            "-o", "carte.pdf"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "carte.pdf"), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else (tmp_path / "carte.pdf").read_bytes().decode("latin-1")
    assert (tmp_path / "carte.pdf").stat().st_size > 10_000
    if shutil.which("pdftotext"):
        words = " ".join(text.split())  # the title may be wrapped on lines in the page's side column
        assert "Où nous travaillons" in words and "Sources" in words, text[:800]
