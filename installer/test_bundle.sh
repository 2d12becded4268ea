#!/usr/bin/env bash
# Run the bundled Carto Desktop as a user's laptop would: from a freshly unpacked archive, with
# the network unplugged (a new network namespace: `unshare -n`), an empty environment and no
# Python anywhere on PATH.
#
#   bash installer/test_bundle.sh                       # the archive build.sh made in /tmp/carto-build/dist
#   bash installer/test_bundle.sh path/to/carto-desktop-*.tar.gz
#   bash installer/test_bundle.sh path/to/carto-desktop     # an unpacked bundle folder
#
# Checks: `demo` writes the sample PNG (A4 at 300 dpi) and PDF; `match` and `render` work on
# files from ../shared/data (CARTO_SHARED_DATA to point elsewhere); a user error is one French
# line with exit 2; the app window opens offscreen and the program closes cleanly; every
# library resolves inside the bundle or the operating system.
# Not part of .ci/run (the build takes minutes); see installer/README.md.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CARTO_BUILD_DIR:-/tmp/carto-build}"
SHARED="${CARTO_SHARED_DATA:-$REPO/../shared/data}"
INPUT="${1:-}"
if [ -z "$INPUT" ]; then
    INPUT="$(ls -t "$WORK"/dist/carto-desktop-*-linux-*.tar.gz 2>/dev/null | head -1 || true)"
    [ -n "$INPUT" ] || { echo "test_bundle.sh: no archive in $WORK/dist. Hint: run bash installer/build.sh first." >&2; exit 2; }
fi

TMP="$(mktemp -d /tmp/carto-bundle-test.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
if [ -d "$INPUT" ]; then
    BUNDLE="$(cd "$INPUT" && pwd)"
else
    tar -C "$TMP" -xzf "$INPUT"
    BUNDLE="$TMP/carto-desktop"
fi
EXE="$BUNDLE/carto-desktop"
OUT="$TMP/out"
HOMEDIR="$TMP/home"
mkdir -p "$OUT" "$HOMEDIR"

FAILED=0
PASSED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $1"; }

# Files for match/render: the shared open data beside the repository; on a machine without it
# (a hosted CI runner) the sample project's files, so the check still runs.
if [ -d "$SHARED/tables" ]; then
    MATCH_TABLE="$SHARED/tables/mli_5w_ocha_2022-03.xlsx"
    RENDER_TABLE="$SHARED/tables/mli_hno2024_hpc_adm2_pcodes.csv"; RENDER_VALUE="In Need"; RENDER_AGG=sum
    SVG_TABLE="$SHARED/tables/mli_3w_ocha_2023-12.xlsx"
    ADM1="$SHARED/boundaries/mali_adm1.geojson"; ADM2="$SHARED/boundaries/mali_adm2.geojson"
else
    echo "note: $SHARED not found; match/render use the sample project's files"
    MATCH_TABLE="$REPO/sample_data/mali_3w_2023-12.xlsx"
    RENDER_TABLE="$MATCH_TABLE"; RENDER_VALUE="Organisation Accronyme"; RENDER_AGG=distinct; SVG_TABLE="$MATCH_TABLE"
    ADM1="$REPO/sample_data/mali_adm1.geojson"; ADM2="$REPO/sample_data/mali_adm2.geojson"
fi

# A new network namespace (as root; otherwise inside a new user namespace, where allowed).
if [ "$(id -u)" = 0 ]; then NETLESS=(unshare -n); else NETLESS=(unshare -r -n); fi

# The bundled program alone: no network, nothing inherited from this shell, PATH = the bundle.
offline() {
    "${NETLESS[@]}" env -i PATH="$BUNDLE" HOME="$HOMEDIR" LANG="${TEST_LANG:-en_GB.UTF-8}" \
        QT_QPA_PLATFORM=offscreen "$@"
}

echo "bundle: $BUNDLE"

# 0. the sandbox itself: no Python reachable, no network
if offline /bin/sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
    fail "no Python on PATH inside the sandbox"
else
    pass "no Python on PATH inside the sandbox"
fi
if offline /bin/bash -c 'exec 3<>/dev/tcp/192.0.2.1/80' >/dev/null 2>&1; then
    fail "network unreachable inside the sandbox"
else
    pass "network unreachable inside the sandbox"
fi

# 1. version
if offline "$EXE" --version | grep -q "^carto-desktop "; then pass "--version"; else fail "--version"; fi

# 2. demo: sample map as PNG (A4 landscape, 300 dpi) and PDF
if offline "$EXE" demo -o "$OUT/demo.png" >"$OUT/demo.out" 2>"$OUT/demo.err" \
    && [ "$(od -An -tx1 -N8 "$OUT/demo.png" | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    && [ "$(od -An -tu4 --endian=big -j16 -N8 "$OUT/demo.png" | tr -s ' ' | sed 's/^ //')" = "3508 2480" ]; then
    pass "demo writes the sample PNG (3508 x 2480)"
else
    fail "demo PNG"; cat "$OUT/demo.err"
fi
if offline "$EXE" demo -o "$OUT/demo.pdf" --lang fr >/dev/null 2>"$OUT/demo-pdf.err" \
    && [ "$(head -c 5 "$OUT/demo.pdf")" = "%PDF-" ] && grep -aq "FontFile2" "$OUT/demo.pdf"; then
    pass "demo writes the sample PDF (fonts embedded)"
else
    fail "demo PDF"; cat "$OUT/demo-pdf.err"
fi

# 3. match and render on the shared open data (not the sample project's files)
if offline "$EXE" match --table "$MATCH_TABLE" --boundaries "$ADM2" -o "$OUT/match.csv" >"$OUT/match.out" 2>"$OUT/match.err" \
    && grep -q " matched" "$OUT/match.out" && [ "$(wc -l <"$OUT/match.csv")" -gt 1000 ]; then
    pass "match ($(basename "$MATCH_TABLE")):$(cut -d: -f2- "$OUT/match.out" | head -1)"
else
    fail "match"; cat "$OUT/match.out" "$OUT/match.err"
fi
if offline "$EXE" render --table "$RENDER_TABLE" --boundaries "$ADM2" \
    --value "$RENDER_VALUE" --agg "$RENDER_AGG" --title "Carto Desktop bundle test" \
    --dpi 100 -o "$OUT/render.png" >/dev/null 2>"$OUT/render.err" \
    && [ "$(od -An -tx1 -N4 "$OUT/render.png" | tr -d ' \n')" = "89504e47" ]; then
    pass "render ($(basename "$RENDER_TABLE"), $RENDER_AGG of $RENDER_VALUE) writes a PNG"
else
    fail "render PNG"; cat "$OUT/render.err"
fi
if offline "$EXE" render --table "$SVG_TABLE" --boundaries "$ADM1" --lang fr -o "$OUT/render.svg" >/dev/null 2>"$OUT/render-svg.err" \
    && grep -q "<svg" "$OUT/render.svg"; then
    pass "render ($(basename "$SVG_TABLE") by region, French) writes an SVG"
else
    fail "render SVG"; cat "$OUT/render-svg.err"
fi

# 3b. a basemap tile pack (PNG + .json, warped with pyproj), and its download refused offline (xyzservices' data)
if offline "$EXE" render --table "$REPO/sample_data/mali_3w_2023-12.xlsx" --boundaries "$ADM1" \
    --basemap "$REPO/tests/data/basemap/test_pack.png" --dpi 60 -o "$OUT/basemap.png" >/dev/null 2>"$OUT/basemap.err" \
    && [ "$(od -An -tx1 -N4 "$OUT/basemap.png" | tr -d ' \n')" = "89504e47" ]; then
    pass "render with an offline basemap tile pack (PNG + .json)"
else
    fail "render with a basemap tile pack"; cat "$OUT/basemap.err"
fi
set +e
offline "$EXE" basemap download --bbox -12.5 10 4.5 25 -o "$OUT/pack.png" >/dev/null 2>"$OUT/download.err"
code=$?
set -e
if [ "$code" = 2 ] && ! grep -q "Traceback" "$OUT/download.err" && [ ! -e "$OUT/pack.png" ] && [ ! -e "$OUT/pack.json" ]; then
    pass "basemap download without network: exit 2, plain message, no file"
else
    fail "basemap download offline (exit $code)"; cat "$OUT/download.err"
fi

# 3c. the built-in boundaries (boundaries/ inside the bundle): listed, and recognised from the table alone
if offline "$EXE" boundaries >"$OUT/builtin.out" 2>"$OUT/builtin.err" \
    && [ "$(grep -c '^  builtin:' "$OUT/builtin.out")" = 24 ]; then
    pass "boundaries lists the 24 built-in sets"
else
    fail "boundaries"; cat "$OUT/builtin.out" "$OUT/builtin.err"
fi
if offline "$EXE" render --table "$RENDER_TABLE" --value "$RENDER_VALUE" --agg "$RENDER_AGG" \
    --dpi 60 -o "$OUT/builtin.png" >"$OUT/builtin-render.out" 2>"$OUT/builtin-render.err" \
    && grep -q "^Boundaries: Mali, cercles (OCHA COD-AB" "$OUT/builtin-render.out" \
    && [ "$(od -An -tx1 -N4 "$OUT/builtin.png" | tr -d ' \n')" = "89504e47" ]; then
    pass "render without --boundaries: $(head -1 "$OUT/builtin-render.out")"
else
    fail "render with the recognised built-in boundaries"; cat "$OUT/builtin-render.out" "$OUT/builtin-render.err"
fi

# 4. a user error: exit 2, one line, in French when the system speaks French, no traceback
set +e
TEST_LANG=fr_FR.UTF-8 offline "$EXE" render --table "$OUT/absent.csv" --boundaries "$OUT/absent.geojson" \
    -o "$OUT/x.png" >/dev/null 2>"$OUT/error.err"
code=$?
set -e
if [ "$code" = 2 ] && [ "$(wc -l <"$OUT/error.err")" = 1 ] && grep -q "n'existe pas" "$OUT/error.err"; then
    pass "user error: exit 2, one French line ($(head -c 90 "$OUT/error.err")...)"
else
    fail "user error (exit $code)"; cat "$OUT/error.err"
fi

# 5. the app: window shown offscreen, then quit; must exit 0 with no traceback
set +e
timeout 120 "${NETLESS[@]}" env -i PATH="$BUNDLE" HOME="$HOMEDIR" LANG=fr_FR.UTF-8 \
    QT_QPA_PLATFORM=offscreen CARTO_DESKTOP_QUIT_AFTER_SHOWN=1 "$EXE" >"$OUT/app.out" 2>"$OUT/app.err"
code=$?
set -e
if [ "$code" = 0 ] && ! grep -q "Traceback" "$OUT/app.err"; then
    pass "app window opens offscreen and closes cleanly"
else
    fail "app (exit $code)"; cat "$OUT/app.err"
fi

# 6. nothing loaded from outside the bundle but the operating system's own libraries
if command -v ldd >/dev/null; then
    outside="$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -name carto-desktop \) -print0 \
        | xargs -0 -n 50 ldd 2>/dev/null | grep "=>" | awk '{print $3}' | sort -u \
        | grep -v -E "^$BUNDLE/|^/lib|^/usr/lib|^not$" || true)"
    if [ -z "$outside" ]; then pass "every library resolves inside the bundle or the OS"; else
        fail "libraries from outside the bundle:"; echo "$outside"; fi
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
