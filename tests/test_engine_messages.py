"""The window and its engine process speak in typed records (`engine_messages.py`): every task and
result crosses the process boundary whole, an unknown task is refused plainly, and the window can
read the results without loading the map stack. No Qt here."""
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SAMPLE

from carto_desktop import engine_messages as m
from carto_desktop.choices import Project
from carto_desktop.gui import engine_tasks
from carto_desktop.match.verdicts import Candidate

PROJECT = Project(table=SAMPLE / "mali_3w_2023-12.xlsx", boundaries=SAMPLE / "mali_adm2.geojson", lang="fr",
                  roles={"Cercle": "admin name:2"}, decisions={"Seguo": "ML0406"}, title="Présence")

TASKS = [
    m.OpenSample("fr"),
    m.NewProject("/data/table.csv", "en", "builtin:NER/2"),
    m.InspectTable("/data/table.xlsx", "Données", {"Cercle": "admin name:2"}),
    m.InspectLayer("/data/adm2.gpkg"),
    m.DrawPreview(PROJECT, highlight="ML0406", check_lang="fr", fit=(800, 600)),
    m.DrawHighlight(PROJECT, "ML0406"),
    m.ExportMap(PROJECT, ("/out/map.png", "/out/map.html"), 150, atlas=True, check_lang="en", summary=True),
    m.ExportData(PROJECT, "/out/data.gpkg"),
    m.SaveProject(PROJECT, "/out/p.cartoproj"),
    m.OpenProject("/out/p.cartoproj", autosave=True),
    m.ListTemplates(),
]

REVIEW = m.ReviewLine("Seguo", "review", 5, (Candidate("ML0406", "Ségou", 80.0), Candidate("ML0405", "San", 61.5)),
                      m.InBoth("The spelling is close…", "L'orthographe est proche…"),
                      m.InBoth("Spelled differently", "Orthographe différente"))
PREVIEW = m.Preview(
    m.Page(b"\x00\xff" * 8, 2, 2, "ML0406", (0, 0, 2, 2)), ("Cercle", "Partenaire"),
    m.MatchShown("Cercle", m.MatchCounts(100, 5, 0), (REVIEW,), (m.Area("ML0406", "Ségou"),)),
    m.CheckShown("fr", "Avant de partager", (m.CheckSection("Ce que montre la carte", (
        m.CheckItem("fact", "Zones les plus fines : cercle"), m.CheckItem("columns", "Téléphones", ("tel",)))),),
        warnings=("Des points de personnes sont dessinés.",), detected=("tel",), leaks={"map.png": 2}),
    m.InBoth("1 area under 5 is shown as \"fewer than 5\".", "1 zone sous 5 est montrée « moins de 5 »."),
    "OCHA", m.RowsOnMap(False, ("53 of 1,323 rows are on the map.", "  40 name no place"),
                        ("53 lignes sur 1 323 sont sur la carte.", "  40 sans lieu")),
    (m.InBoth("Some letters … show as empty boxes: ጋ", "Certaines lettres … carrés vides : ጋ"),))


def test_every_task_kind_has_an_example_and_a_runner():
    assert {type(t) for t in TASKS} == set(m.TASK_TYPES) == set(m.Task.__subclasses__())
    assert set(engine_tasks.RUNNERS) == set(m.TASK_TYPES)


def test_every_task_and_result_crosses_the_process_boundary_whole():
    results = [PREVIEW, PREVIEW.page, REVIEW, m.ProjectReady(PROJECT), m.ProjectSaved("/out/p.cartoproj"),
               m.ProjectOpened(PROJECT, ("table.xlsx",), (), ("/elsewhere/b.gpkg",), "p.cartoproj"),
               m.TableInspected(("Données", "Notes"), "Données", ("Cercle",), (("Ségou",),), (3,), 1,
                                {"Cercle": ("admin name", 2)}, (m.InBoth("warn", "attention"),),
                                m.BuiltinFit("builtin:MLI/2", m.InBoth("Mali", "Mali")),
                                (m.PersonalColumn("tel", "phone", m.InBoth("Phones"), m.InBoth("+223…")),),
                                m.InBoth("chosen", "choisie"), m.PeopleRows(True, m.InBoth("people", "personnes"))),
               m.LayersInspected(("adm1", "adm2")), m.Exported(("/out/map.png",), m.CheckFailed(
                   m.ErrorReport(False, summary="ValueError: x")), "/out/map.check.md"),
               m.DataExported("/out/data.csv", m.InBoth("Exact figures…", "Chiffres exacts…")),
               m.Templates((m.TemplateShown("choropleth", m.InBoth("Areas", "Zones"), "choropleth"),)),
               m.ErrorReport(True, m.InBoth("File x: no rows.", "Fichier x : aucune ligne."), "no rows", "Traceback")]
    ours, theirs = multiprocessing.Pipe()
    for record in TASKS + results:
        ours.send((7, record))
        job, back = theirs.recv()
        assert job == 7 and back == record and type(back) is type(record), record
    assert PREVIEW.match.review[0].candidates[0].area_id == "ML0406"  # candidates are records, not text


def test_an_unknown_task_is_refused_plainly():
    for task in ("preview", {"task": "preview"}, PREVIEW):  # the old string names, a dict, a result
        job, ok, report = engine_tasks.answer(3, task)
        assert (job, ok) == (3, False) and isinstance(report, m.ErrorReport) and not report.user
        assert report.summary == f"UnknownTask: The engine process has no task {type(task).__name__!r}."


def test_the_engine_process_answers_tasks_with_records_and_refuses_the_rest():
    """The real boundary: a spawned engine process, as the app starts it."""
    ctx = multiprocessing.get_context("spawn")
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=engine_tasks.serve, args=(theirs,), daemon=True)
    process.start()
    theirs.close()
    try:
        ours.send((1, m.ListTemplates()))
        ours.send((2, "templates"))
        ours.send((3, m.OpenSample("fr")))
        ours.send((4, m.InspectLayer(str(SAMPLE / "mali_adm2.geojson"))))
        answers = {}
        while len(answers) < 4:
            assert ours.poll(120), answers
            job, ok, value = ours.recv()
            answers[job] = (ok, value)
    finally:
        ours.send(None)
        process.join(10)
        if process.is_alive():
            process.kill()
    ok, templates = answers[1]
    assert ok and {"choropleth", "sectors"} <= {t.id for t in templates.templates}
    assert next(t for t in templates.templates if t.id == "choropleth").name.text("fr")
    ok, refused = answers[2]
    assert not ok and refused.summary == "UnknownTask: The engine process has no task 'str'."
    ok, ready = answers[3]
    assert ok and isinstance(ready, m.ProjectReady) and ready.project.lang == "fr"
    ok, layers = answers[4]
    assert ok and isinstance(layers, m.LayersInspected) and len(layers.layers) == 1


def test_the_window_reads_results_without_loading_the_map_stack(tmp_path):
    """Unpickling a preview (candidates included) in the window's process imports no pandas."""
    dumped = tmp_path / "preview.pickle"
    dumped.write_bytes(pickle.dumps(PREVIEW))
    code = ("import pickle, sys; p = pickle.loads(open(sys.argv[1], 'rb').read());"
            "assert p.match.review[0].candidates[0].name == 'Ségou';"
            "print(sorted(x for x in ('pandas', 'geopandas', 'matplotlib', 'numpy', 'shapely') if x in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(dumped)], capture_output=True, text=True, check=True,
                         cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
    assert Path(dumped).stat().st_size < 3000
