#!/usr/bin/env bash
# Build the Linux one-folder bundle of Carto Desktop and a .tar.gz of it.
#
#   bash installer/build.sh            # work in /tmp/carto-build, results in /tmp/carto-build/dist
#   CARTO_BUILD_DIR=/somewhere bash installer/build.sh
#   PYTHON=python3.11 bash installer/build.sh
#
# Works from a fresh clone: it makes its own virtual environment (with the project's runtime
# dependencies and PyInstaller only, nothing from a developer's .venv), runs the spec file,
# then archives the folder. Nothing is written inside the repository except the
# git-ignored carto_desktop.egg-info of the editable install. Then: bash installer/test_bundle.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CARTO_BUILD_DIR:-/tmp/carto-build}"
PYTHON="${PYTHON:-python3}"
VENV="$WORK/venv"
DIST="$WORK/dist"

mkdir -p "$WORK"
if [ ! -x "$VENV/bin/python" ]; then
    echo "== virtual environment for the build: $VENV"
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import sysconfig, sys; sys.exit(0 if sysconfig.get_config_var("Py_ENABLE_SHARED") else 1)'; then
    echo "build.sh: $("$VENV/bin/python" -c 'import sys; print(sys.executable)') has no shared libpython; PyInstaller needs one." >&2
    echo "Hint: use a Python built with --enable-shared (Debian's python3, or pyenv with PYTHON_CONFIGURE_OPTS=--enable-shared)." >&2
    exit 2
fi

echo "== installing the app and PyInstaller (pip; cached after the first time)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "${REPO}[installer]"

VERSION="$("$VENV/bin/python" -c 'import carto_desktop; print(carto_desktop.__version__)')"
ARCH="$(uname -m)"

echo "== PyInstaller (a few minutes on 2 cores)"
rm -rf "$DIST/carto-desktop"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" "$REPO/installer/carto-desktop.spec"

ARCHIVE="$DIST/carto-desktop-$VERSION-linux-$ARCH.tar.gz"
echo "== archive"
tar -C "$DIST" -czf "$ARCHIVE.part" carto-desktop
mv "$ARCHIVE.part" "$ARCHIVE"

echo "bundle:  $DIST/carto-desktop ($(du -sh "$DIST/carto-desktop" | cut -f1) unpacked)"
echo "archive: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
echo "run:     $DIST/carto-desktop/carto-desktop demo -o map.png"
