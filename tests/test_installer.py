"""The installer files agree with each other and with the app (fast: nothing is built here).

The bundle itself is built and run by installer/build.sh and installer/test_bundle.sh,
outside the test suite (minutes on this machine); see installer/README.md.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from carto_desktop import paths

REPO = Path(__file__).resolve().parents[1]
INSTALLER = REPO / "installer"


def _spec_constants() -> dict[str, object]:
    """Top-level literal assignments of the spec file (it is Python, run by PyInstaller)."""
    tree = ast.parse((INSTALLER / "carto-desktop.spec").read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return out


def test_the_spec_bundles_every_folder_paths_py_names():
    spec = (INSTALLER / "carto-desktop.spec").read_text(encoding="utf-8")
    assert "from carto_desktop.paths import APP_DATA_DIRS" in spec  # the one list, not a copy
    assert {paths.styles_dir().name, paths.sample_data_dir().name, paths.ui_dir().name, paths.boundaries_dir().name,
            paths.reference_dir().name, paths.web_dir().name} == set(paths.APP_DATA_DIRS)
    for folder in ("styles", "sample_data", "ui"):
        assert (REPO / folder).is_dir()
    assert any(p.suffix == ".qm" for p in (REPO / "ui").iterdir())  # the compiled translations ship


def test_the_windows_installer_starts_the_programs_the_spec_builds():
    spec = _spec_constants()
    raw = (INSTALLER / "carto-desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads French text correctly only from UTF-8 with a BOM"
    iss = raw.decode("utf-8-sig")
    assert f'#define AppExe "{spec["GUI_NAME"]}.exe"' in iss
    assert f'#define CliExe "{spec["CLI_NAME"]}.exe"' in iss
    assert "PrivilegesRequired=lowest" in iss  # per-user install, no administrator
    assert re.search(r"^Name: \"\{autoprograms\}\\\{#AppName\}\"", iss, re.M)  # Start-menu entry
    assert '#define ProjectExt ".cartoproj"' in iss and 'shell\\open\\command' in iss
    assert "French.isl" in iss


def test_the_workflow_copies_are_identical():
    ours = (INSTALLER / "github-workflow-build.yml").read_text(encoding="utf-8")
    github = (REPO / ".github" / "workflows" / "build-installers.yml").read_text(encoding="utf-8")
    assert ours == github, "edit installer/github-workflow-build.yml and copy it to .github/workflows/"
    assert "installer/carto-desktop.spec" in ours and "installer\\carto-desktop.iss" in ours


def test_the_installer_extra_brings_pyinstaller():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")  # (tomllib is Python 3.11+ only)
    assert re.search(r'^installer = \[.*"pyinstaller>=[0-9.]+".*\]$', text, re.M)


def test_a_lone_project_file_opens_the_app_from_the_command_and_the_bundle():
    from carto_desktop.cli import build_parser, program_arguments

    assert program_arguments([]) == []
    assert program_arguments(["demo", "-o", "m.png"]) == ["demo", "-o", "m.png"]
    project = r"C:\Users\awa\Documents\Mopti.CARTOPROJ"
    assert program_arguments([project]) == ["app", project]  # `carto-desktop app PROJECT` opens it
    assert build_parser().parse_args(program_arguments([project])).project == project
    entry = (INSTALLER / "carto_desktop_entry.py").read_text(encoding="utf-8")
    script = re.search(r'^carto-desktop = "carto_desktop\.cli:(\w+)"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert script, "pyproject.toml names the installed command"
    # the bundle goes through the same function as the installed command and `python -m carto_desktop`
    assert f"from carto_desktop.cli import {script[1]}" in entry and f"    {script[1]}()" in entry
    assert f"{script[1]}()" in (REPO / "carto_desktop" / "__main__.py").read_text(encoding="utf-8")


def test_build_outputs_stay_out_of_the_repository():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and "dist/" in ignored
    assert 'WORK="${CARTO_BUILD_DIR:-/tmp/carto-build}"' in (INSTALLER / "build.sh").read_text(encoding="utf-8")


def test_every_platform_gets_the_icon_in_the_sizes_it_shows():
    from PIL import Image

    spec_text = (INSTALLER / "carto-desktop.spec").read_text(encoding="utf-8")
    assert '"carto-desktop.ico"' in spec_text and '"carto-desktop.icns"' in spec_text and "icon=ICON" in spec_text
    iss = (INSTALLER / "carto-desktop.iss").read_bytes().decode("utf-8-sig")
    icon_line = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon_line and (INSTALLER / icon_line.group(1).strip().replace("\\", "/")).is_file()
    with Image.open(INSTALLER / "icons" / "carto-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])  # taskbar to Explorer tiles
    with Image.open(INSTALLER / "icons" / "carto-desktop.icns") as icns:
        assert icns.format == "ICNS"
    with Image.open(REPO / "ui" / "carto-desktop.png") as window_icon:  # ui/ ships in the bundle
        assert window_icon.size == (256, 256) and window_icon.mode == "RGBA"
        assert window_icon.getpixel((0, 0))[3] == 0  # rounded corners are transparent
    assert 'ui_dir() / "carto-desktop.png"' in (REPO / "carto_desktop" / "gui" / "app.py").read_text(encoding="utf-8")
