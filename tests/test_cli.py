"""The command-line contract: demo, render and match, exit codes and messages."""
import csv
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from conftest import REPO, SAMPLE

from carto_desktop.cli import main


def run_cli(*args):
    """Run the installed entry point in a fresh process, as a user would."""
    return subprocess.run([sys.executable, "-m", "carto_desktop", *args], capture_output=True, text=True, cwd=REPO)


def test_demo_writes_a_300_dpi_a4_png_and_says_where(tmp_path):
    out = tmp_path / "demo.png"
    proc = run_cli("demo", "-o", str(out), "--dpi", "300", "--lang", "fr")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out.resolve())
    with Image.open(out) as img:
        assert img.size == (3508, 2480)
        assert img.getpixel((5, 5))[:3] == (255, 255, 255)  # margins stay white


def test_render_pdf_is_vector_with_embedded_fonts(tmp_path):
    out = tmp_path / "map.pdf"
    code = main(["render", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries",
                 str(SAMPLE / "mali_adm2.geojson"), "--value", "Organisation Accronyme", "--agg", "distinct",
                 "--title", "Partners per cercle", "-o", str(out), "--lang", "en"])
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data  # no raster anywhere: the map is drawn as vectors
    assert b"/FontFile2" in data  # TrueType fonts embedded
    assert b"/Author" not in data  # no user name in the metadata


def test_render_svg_is_an_svg_drawing(tmp_path):
    out = tmp_path / "map.svg"
    assert main(["render", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries",
                 str(SAMPLE / "mali_adm1.geojson"), "-o", str(out), "--lang", "fr"]) == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 100


def test_render_png_at_requested_dpi(tmp_path):
    out = tmp_path / "map.png"
    assert main(["render", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries",
                 str(SAMPLE / "mali_adm1.geojson"), "--dpi", "100", "-o", str(out), "--lang", "en"]) == 0
    with Image.open(out) as img:
        assert img.size == (1169, 827)


def test_match_writes_every_row_with_match_columns(tmp_path):
    out = tmp_path / "match.csv"
    proc = run_cli("match", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries",
                   str(SAMPLE / "mali_adm2.geojson"), "--key-column", "Cercle", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "24088 matched" in proc.stdout
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 24088
    for col in ("match_id", "match_name", "match_score", "match_method", "match_status"):
        assert col in rows[0]
    # names were matched, and the table's own P-code column is the truth: every row agrees
    # except one row where the source contradicts itself (cercle "Sikasso" with Koutiala's code)
    disagree = [(r["Cercle"], r["admin2Pcod"], r["match_id"]) for r in rows if r["match_id"] != r["admin2Pcod"]]
    assert disagree == [("Sikasso", "ML0304", "ML0305")]
    segou = next(r for r in rows if r["Cercle"] == "Segou")
    assert (segou["match_name"], segou["match_method"], segou["match_status"]) == ("Ségou", "normalised name", "matched")


@pytest.mark.parametrize(
    "args, words",
    [
        (["render", "--table", "nope.csv", "--boundaries", "x.geojson", "-o", "m.png"], ["nope.csv", "does not exist"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/mali_adm2.geojson", "-o", "m.docx"],
         [".docx", ".png, .pdf, .svg or .html"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/mali_adm2.geojson",
          "--key-column", "Pays", "-o", "{t}/m.png"], ["Pays", "Columns in this table"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/mali_adm2.geojson",
          "--agg", "sum", "--value", "Cluster", "-o", "{t}/m.png"], ["Cluster", "no numbers"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--sheet", "Feuil9", "--boundaries",
          "{s}/mali_adm2.geojson", "-o", "{t}/m.png"], ["Feuil9", "ML_5W"]),
        (["render", "--table", "{s}/mali_adm2.geojson", "--boundaries", "{s}/mali_adm2.geojson", "-o", "{t}/m.png"],
         [".geojson", "CSV or Excel"]),
        (["match", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/SOURCES.md", "-o", "{t}/m.csv"],
         ["SOURCES.md", "cannot be read as boundaries"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/mali_adm2.geojson", "--template",
          "fancy", "-o", "{t}/m.png"], ["fancy", "choropleth"]),
        (["render", "--table", "http://example.org/t.csv", "--boundaries", "{s}/mali_adm2.geojson", "-o", "{t}/m.png"],
         ["offline"]),
        (["render", "--table", "{s}/mali_3w_2023-12.xlsx", "--boundaries", "{s}/mali_adm2.geojson",
          "--dpi", "5000", "-o", "{t}/m.png"], ["dpi"]),
        (["render", "--table", "x.csv"], ["required"]),
    ],
)
def test_user_errors_exit_2_with_one_line_and_no_traceback(tmp_path, args, words):
    args = [a.format(s=SAMPLE, t=tmp_path) for a in args]
    proc = run_cli(*args, "--lang", "en") if args[0] != "render" or "-o" in args else run_cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for w in words:
        assert w in lines[0]


def test_errors_speak_french_when_asked(tmp_path):
    proc = run_cli("render", "--table", "absent.xlsx", "--boundaries", "b.geojson", "-o", "m.png", "--lang", "fr")
    assert proc.returncode == 2
    assert "fichier absent.xlsx : Le fichier n'existe pas. Conseil : " in proc.stderr
    assert "Conseil" in proc.stderr


def test_inputs_are_never_modified(tmp_path):
    import hashlib

    files = [SAMPLE / "mali_3w_2023-12.xlsx", SAMPLE / "mali_adm2.geojson"]
    before = [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    assert main(["render", "--table", str(files[0]), "--boundaries", str(files[1]), "-o", str(tmp_path / "m.png"),
                 "--dpi", "50"]) == 0
    assert [hashlib.sha256(f.read_bytes()).hexdigest() for f in files] == before


def test_layer_of_a_multi_layer_file_is_chosen(tmp_path):
    import geopandas as gpd

    gpkg = tmp_path / "mali.gpkg"
    gpd.read_file(SAMPLE / "mali_adm1.geojson").to_file(gpkg, layer="regions")
    gpd.read_file(SAMPLE / "mali_adm2.geojson").to_file(gpkg, layer="cercles")
    table = str(SAMPLE / "mali_3w_2023-12.xlsx")
    out = tmp_path / "m.csv"
    def matched_ids():
        with open(out, encoding="utf-8-sig", newline="") as f:
            return {row["match_id"] for row in csv.DictReader(f)}

    assert main(["match", "--table", table, "--boundaries", str(gpkg), "--layer", "cercles", "-o", str(out)]) == 0
    assert len(matched_ids()) == 53 and "ML0101" in matched_ids()
    assert main(["match", "--table", table, "--boundaries", str(gpkg), "--layer", "regions", "-o", str(out)]) == 0
    assert len(matched_ids()) == 10 and "ML01" in matched_ids()
    assert main(["match", "--table", table, "--boundaries", str(gpkg), "--layer", "districts", "-o", str(out)]) == 2


def test_a_command_leaves_with_all_it_printed_and_numpy_on_one_thread(tmp_path):
    """`command()` ends a one-shot command with os._exit: what it printed must be flushed first, its
    code kept; the command module imports no numpy before it asks OpenBLAS for a single thread."""
    code = ("import sys, os, carto_desktop.cli as cli\n"
            "assert 'numpy' not in sys.modules\n"
            "import carto_desktop.cli\n"
            "real = cli._main\n"
            "cli._main = lambda args: (print('threads', os.environ.get('OPENBLAS_NUM_THREADS')), real(args))[1]\n"
            "sys.argv = ['carto-desktop'] + sys.argv[1:]\n"
            "cli.command()\n")
    # as on a person's machine: stdout into a pipe is block-buffered (this machine sets PYTHONUNBUFFERED)
    quiet_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "PYTHONUNBUFFERED")}
    ok = subprocess.run([sys.executable, "-c", code, "demo", "-o", str(tmp_path / "d.png")], capture_output=True,
                        text=True, cwd=REPO, env=quiet_env)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["threads 1", str((tmp_path / "d.png").resolve())]
    bad = subprocess.run([sys.executable, "-c", code, "render", "--table", str(tmp_path / "none.csv"),
                          "--boundaries", str(SAMPLE / "mali_adm2.geojson"), "-o", str(tmp_path / "x.png")],
                         capture_output=True, text=True, cwd=REPO, env=quiet_env)
    assert bad.returncode == 2 and "none.csv" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("extra", [["--check"], ["--export-data", "data.csv"], ["--layout-report", "layout.json"]])
def test_an_atlas_refuses_the_single_maps_reports_instead_of_leaving_them_out(tmp_path, capsys, extra):
    """`render --atlas --check` wrote the atlas and no check at all, without a word (--export-data and
    --layout-report likewise): the person believed the pages had been checked for personal data."""
    extra = [str(tmp_path / e) if "." in e else e for e in extra]
    code = main(["render", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries",
                 str(SAMPLE / "mali_adm2.geojson"), "--atlas", *extra, "--lang", "fr", "-o", str(tmp_path / "atlas.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and extra[0] in err and "--atlas" in err and "Conseil" in err, err
    assert len(err.strip().splitlines()) == 1 and list(tmp_path.iterdir()) == []  # refused before any page is made
