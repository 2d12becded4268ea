"""What Carto Desktop writes and prints stays safe and tidy (issue 21, items 9, 11, 12)."""
from __future__ import annotations

import csv
from pathlib import Path
import os
import subprocess
import sys

import pytest

from conftest import REPO

from carto_desktop.cli import main


def test_review_csv_cells_never_run_as_excel_formulas(real_data, tmp_path):
    """Text cells starting with = + - @ were written as they are into the review CSV users open in Excel."""
    lines = (real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv").read_text(encoding="utf-8").splitlines()
    header, tags, rows = lines[0], lines[1], lines[2:120]
    rows[10] = rows[10].replace(",ALL,", ',"=HYPERLINK(""http://example.org"",""clic"")",', 1)
    rows[11] = rows[11].replace(",ALL,", ",@SUM(A1),", 1)
    rows[12] = rows[12].replace(",ALL,", ",+33 6 12,", 1)
    table = tmp_path / "hno.csv"
    table.write_text("\n".join([header, tags, *rows]) + "\n", encoding="utf-8")
    out = tmp_path / "review.csv"
    code = main(["match", "--table", str(table), "--boundaries", str(real_data / "boundaries" / "mali_adm2.geojson"),
                 "--key-column", "Admin 2 PCode", "-o", str(out)])
    assert code == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert "'=HYPERLINK(\"http://example.org\",\"clic\")" in cells
    assert "'@SUM(A1)" in cells and "'+33 6 12" in cells
    assert not any(c.startswith(("=", "@", "+")) for c in cells)
    assert any(c == "22411919" for c in cells) or any(c.isdigit() for c in cells)


def test_inspect_into_a_closed_pipe_prints_no_bug_traceback(real_data):
    """`carto-desktop inspect | head -1` printed a BrokenPipe traceback labelled as a bug."""
    cmd = [sys.executable, "-m", "carto_desktop", "inspect", "--table",
           str(real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv")]
    producer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
    producer.stdout.readline()
    producer.stdout.close()  # as `head -1` does
    err = producer.stderr.read().decode("utf-8", "replace")
    code = producer.wait(60)
    assert "Traceback" not in err and "bug" not in err.lower(), err
    assert code in (0, 2, 141, -13), code  # 141/-13: ended by SIGPIPE, as Unix tools are


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_killed_export_leaves_nothing_once_the_map_is_exported_again(tmp_path):
    """Killing an export (the app's Cancel ends its engine process) left hidden partial files beside the map."""
    import signal

    out = tmp_path / "carte.pdf"
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from carto_desktop.files import write_atomically\n"
         "def write(tmp):\n    open(tmp, 'wb').write(b'%PDF-1.4 partial' * 1000); print('WRITING', flush=True); time.sleep(60)\n"
         f"write_atomically({str(out)!r}, write)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert writer.stdout.readline().strip() == "WRITING"
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    leftovers = list(tmp_path.glob(".~carte-*"))
    assert leftovers  # the half-written file a kill leaves
    code = main(["demo", "-o", str(out), "--dpi", "50"])
    assert code == 0 and out.exists()
    assert list(tmp_path.glob(".~carte-*")) == []


def test_purge_removes_half_written_maps_of_dead_exports(tmp_path):
    from carto_desktop.privacy.purge import purge_project
    from carto_desktop.project import sample_project
    from carto_desktop.project_file import save_project

    project = save_project(tmp_path / "mission.cartoproj", sample_project("en"))
    leftover = tmp_path / f".~carte-p{_dead_pid()}-x1y2.pdf.tmp"
    leftover.write_bytes(b"%PDF partial")
    purged = purge_project(project, data_folder=tmp_path / "appdata")
    assert leftover in purged.files and not leftover.exists()


def test_a_killed_read_of_a_zipped_shapefile_leaves_no_temporary_folder(tmp_path):
    import tempfile

    from carto_desktop.intake import read_layer

    stale = Path(tempfile.gettempdir()) / f"carto-p{_dead_pid()}-abcd"
    stale.mkdir()
    (stale / "areas.shp").write_bytes(b"partial")
    read_layer(REPO / "tests" / "data" / "intake" / "areas_shapefile.zip")
    assert not stale.exists()


def test_a_file_named_after_a_person_printed_on_the_map_is_a_share_warning(real_data, tmp_path):
    """The table's file name was printed on the map while the check said nothing identifies a person."""
    import shutil

    from carto_desktop.privacy.check import share_check
    from carto_desktop.project import Project, build_map

    table = tmp_path / "liste_aminata_diarra_2024.csv"
    shutil.copy(real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", table)
    project = Project(table=table, boundaries=real_data / "boundaries" / "mali_adm2.geojson",
                      key_column="Admin 2 PCode", value_column="In Need", agg="sum")
    result = build_map(project)
    texts = " ".join(t.get_text() for t in result.figure.findobj(__import__("matplotlib").text.Text))
    check = share_check(project, result, lang="fr")
    if "liste_aminata_diarra_2024" in texts:
        assert "liste_aminata_diarra_2024.csv" in check.files_named
        assert any("liste_aminata_diarra_2024.csv" in w and "personne" in w for w in check.warnings)
    else:  # the map no longer prints file names (issue 14): nothing to warn about
        assert "liste_aminata_diarra_2024.csv" not in check.files_named


def test_project_files_and_the_autosave_keep_no_absolute_path(tmp_path):
    """Absolute paths (with the user's name in them) were stored in .cartoproj and the autosave."""
    import json
    import shutil
    from dataclasses import replace

    from carto_desktop.project import sample_project
    from carto_desktop.project_file import Autosave, path_fields, project_to_dict, read_project, save_project

    base = sample_project("en")
    data = tmp_path / "home" / "aminata" / "mission"
    data.mkdir(parents=True)
    for p in (base.table, base.boundaries):
        shutil.copy(p, data / p.name)
    project = replace(base, table=data / base.table.name, boundaries=data / base.boundaries.name)
    saved = save_project(data / "carte.cartoproj", project)
    autosave = Autosave(tmp_path / "home" / "aminata" / ".local" / "share" / "Carto Desktop")
    autosave.write(project_to_dict(project), None, path_fields(), saved_from=saved)
    for path in (saved, autosave.path):
        text = path.read_text(encoding="utf-8")
        assert str(tmp_path) not in text and "/home/aminata" not in json.dumps(json.loads(text)), path
    assert read_project(saved).data["table"] == str((data / base.table.name).resolve())
    recovered = autosave.recover()
    assert recovered.data["table"] == str((data / base.table.name).resolve())
    assert recovered.saved_from == str(saved.resolve())


def test_a_render_whose_reader_has_gone_still_writes_every_file_asked_for(tmp_path):
    """`carto-desktop render --check --export-data … | head -1`: once `head` had its line, the next print
    raised BrokenPipeError, which ended the command with code 0 before it wrote the map's data, its layout
    report and its .check.md (stdout unbuffered, as PYTHONUNBUFFERED, `python -u` and many CI images have it)."""
    SAMPLE = REPO / "sample_data"
    cmd = [sys.executable, "-m", "carto_desktop", "render", "--table", str(SAMPLE / "mali_3w_2023-12.xlsx"),
           "--boundaries", str(SAMPLE / "mali_adm2.geojson"), "--dpi", "40", "--check", "--export-data",
           str(tmp_path / "data.csv"), "--layout-report", str(tmp_path / "layout.json"), "-o", str(tmp_path / "m.png")]
    producer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                                env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"})
    assert "rows are on the map" in producer.stdout.readline().decode("utf-8")
    producer.stdout.close()  # as `head -1` does
    err = producer.stderr.read().decode("utf-8", "replace")
    assert producer.wait(120) == 0 and "Traceback" not in err, err
    assert (tmp_path / "m.png").stat().st_size > 0 and (tmp_path / "layout.json").stat().st_size > 0
    assert len((tmp_path / "data.csv").read_text(encoding="utf-8-sig").splitlines()) == 54  # a row per cercle
    assert "Before you share" in (tmp_path / "m.check.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full (a disk that is always full)")
def test_a_command_whose_messages_cannot_be_written_says_so_and_does_not_exit_0():
    """`carto-desktop match … > report.txt` on a full disk: `command()` flushes what was printed before
    os._exit and ignored any error there, so the report was cut short and the command still said 0
    (Python's own exit said 120 and why). Now one sentence and code 2; a reader gone (`| head`) is still no error."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as on a person's machine
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "carto_desktop", "boundaries", "--lang", "fr"], stdout=full,
                              stderr=subprocess.PIPE, text=True, env={**env, "PYTHONPATH": str(REPO)}, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("carto-desktop: ") and "n'a pas pu être écrit" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
