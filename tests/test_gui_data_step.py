"""The Data step: column roles shown and changed, personal columns shown with their reason and overridden.

With the sample 3W (no personal data) and the fake Kobo household export of
tests/data/privacy (names, phones, ID numbers, household GPS, form metadata).
"""
import pytest

pytest.importorskip("PySide6")

from conftest import REPO, SAMPLE  # noqa: E402

from carto_desktop.edits import kept_out  # noqa: E402
from carto_desktop.gui.main_window import MainWindow  # noqa: E402

WAIT = 120000
SURVEY = REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv"
BOUNDARIES = SAMPLE / "mali_adm2.geojson"
NAMES = "menage/nom_chef_menage"
REFERENCE = "menage/personne_reference"  # people's names, found from the values
VILLAGE = "identification/village"
CERCLE = "identification/cercle"  # cercle names; the Kobo group hides the level word from the detection


def test_the_users_roles_and_personal_columns_steer_the_engine():
    """What the Data step stores changes what the engine does (no window: the engine alone)."""
    from carto_desktop.project import Project, build_map, role_overrides, run_match

    project = Project(table=SURVEY, boundaries=BOUNDARIES)
    assert run_match(project)[2].key_column == "identification/cercle_pcode"
    # the cercle names marked as admin level 2: the place column is looked for there first
    marked = Project(table=SURVEY, boundaries=BOUNDARIES, roles={CERCLE: "admin name:2"})
    assert run_match(marked)[2].key_column == CERCLE
    # ignored columns are not given to the matcher
    ignored = Project(table=SURVEY, boundaries=BOUNDARIES,
                      roles={"identification/cercle_pcode": "ignore", "identification/region": "ignore"})
    match = run_match(ignored)[2]
    assert match.key_column == CERCLE and match.counts["matched"] == 89
    assert "identification/cercle_pcode" not in match.rows.columns
    # personal columns kept out are not in the rows the map is made from, unless named for it
    kept_out_project = Project(table=SURVEY, boundaries=BOUNDARIES, key_column="identification/cercle_pcode",
                               excluded_columns=(NAMES, "menage/telephone", "identification/cercle_pcode"))
    rows = run_match(kept_out_project)[2].rows
    assert NAMES not in rows.columns and "menage/telephone" not in rows.columns
    assert "identification/cercle_pcode" in rows.columns
    # latitude/longitude marked by the user are the coordinates of a map of points
    points = build_map(Project(table=SURVEY, boundaries=BOUNDARIES, template="points", raw_points=True,
                               roles={"_menage/gps_latitude": "latitude", "_menage/gps_longitude": "longitude"},
                               excluded_columns=(NAMES,))).data.points
    assert len(points) == 89 and NAMES not in points.columns
    assert role_overrides({CERCLE: "admin name:2", VILLAGE: "ignore", "gone": "number"}, [CERCLE, VILLAGE]) == \
        {CERCLE: "admin name:2"}


def test_the_check_before_sharing_follows_the_users_word():
    """The Data step's ticks as stored (personal_columns + excluded_columns) are what the check reports."""
    from carto_desktop.intake import read_table
    from carto_desktop.privacy import detect_sensitive
    from carto_desktop.privacy.check import share_check
    from carto_desktop.project import Project, build_map

    data = read_table(SURVEY).data
    detected = [f.column for f in detect_sensitive(data)]
    word = {REFERENCE: False, VILLAGE: True}  # one detected column unticked, one more marked
    project = Project(table=SURVEY, boundaries=BOUNDARIES, key_column="identification/cercle_pcode",
                      personal_columns=word, excluded_columns=tuple(kept_out(detected, word, list(data.columns))))
    check = share_check(project, build_map(project))
    assert REFERENCE not in {f.column for f in check.detected} and REFERENCE not in check.excluded
    assert VILLAGE in {f.column for f in check.detected} and VILLAGE in check.excluded
    assert set(check.excluded) == {f.column for f in check.detected} and check.used == []


def _window(qtbot, tmp_path, lang):
    window = MainWindow(lang=lang, data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _open_survey(window, qtbot):
    from carto_desktop.project import Project

    with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
        window.set_project(Project(table=SURVEY, boundaries=BOUNDARIES, lang=window.lang))


def _personal(step):
    """The personal-data table as shown: column -> (ticked, reason)."""
    from PySide6.QtCore import Qt

    table, shown = step.personal_table, {}
    for r in range(table.rowCount()):
        reason = next(table.item(up, 1) for up in range(r, -1, -1) if table.item(up, 1) is not None)
        assert table.rowSpan(reason.row(), 1) > r - reason.row()  # the reason is written beside its columns
        shown[table.item(r, 0).text()] = (table.item(r, 0).checkState() == Qt.CheckState.Checked, reason.text())
    return shown


def _role(step, column):
    """The role shown for `column`: (its spec, the words shown, the explanation)."""
    from PySide6.QtCore import Qt

    index = step.roles_model.index(step.roles_model.columns.index(column), 1)
    return (index.data(Qt.ItemDataRole.UserRole), index.data().rstrip(" ▾"),
            index.data(Qt.ItemDataRole.ToolTipRole))


def _choose_role(window, qtbot, column, spec):
    """Click the column's role and pick `spec` in the chooser that opens."""
    from PySide6.QtCore import Qt

    step = window.data_step
    index = step.roles_model.index(step.roles_model.columns.index(column), 1)
    step.roles_view.scrollTo(index)
    qtbot.mouseClick(step.roles_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=step.roles_view.visualRect(index).center())
    combo = step.roles_view.indexWidget(index)
    assert combo is not None and combo.findData("ignore") == combo.count() - 1  # Ignore comes last
    assert combo.itemData(combo.findData("P-code:2"), Qt.ItemDataRole.ToolTipRole).startswith("An official place code")
    with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
        combo.setCurrentIndex(combo.findData(spec))
        combo.activated.emit(combo.currentIndex())


def test_kobo_export_personal_columns_and_roles_in_english(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from carto_desktop.intake import read_table
    from carto_desktop.privacy import detect_sensitive

    detected = [f.column for f in detect_sensitive(read_table(SURVEY).data)]
    window = _window(qtbot, tmp_path, "en")
    try:
        _open_survey(window, qtbot)
        step = window.data_step
        shown = _personal(step)
        # every detected column is listed, ticked, with its plain reason; the project keeps them out
        assert sorted(shown) == sorted(detected) and all(ticked for ticked, _ in shown.values())
        assert shown[NAMES][1] == "People's names: a name identifies a person."
        assert shown["menage/gps"][1] == "Exact GPS points of households or people show where they live."
        assert list(window.project.excluded_columns) == detected
        assert not window.undo_action.isEnabled()  # following the detection is not an edit
        assert "The rows are people" in step.people_label.text() and not step.people_label.isHidden()
        assert window.last_preview.match.key_column == "identification/cercle_pcode"

        # untick one: the user's word is kept and the column is no longer kept out; undo/redo follow
        row = list(shown).index(REFERENCE)
        assert step.personal_table.item(row, 0).text() == REFERENCE
        step.personal_table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
        assert window.project.personal_columns == {REFERENCE: False}
        assert REFERENCE not in window.project.excluded_columns
        window.undo()
        assert window.project.personal_columns == {} and REFERENCE in window.project.excluded_columns
        assert _personal(step)[REFERENCE][0]
        window.redo()
        assert not _personal(step)[REFERENCE][0]

        # mark a column the detection did not flag
        combo = step.more_personal_combo
        combo.setCurrentIndex(combo.findText(VILLAGE))
        combo.activated.emit(combo.currentIndex())
        qtbot.waitUntil(lambda: VILLAGE in _personal(step), timeout=5000)
        assert _personal(step)[VILLAGE] == (True, "You marked this column as personal data.")
        assert window.project.personal_columns == {REFERENCE: False, VILLAGE: True}

        # a role: the cercle names marked as admin level 2 become the place column the engine matches on
        assert _role(step, CERCLE)[0] == "text"
        _choose_role(window, qtbot, CERCLE, "admin name:2")
        assert window.project.roles == {CERCLE: "admin name:2"}
        assert window.last_preview.match.key_column == CERCLE
        assert _role(step, CERCLE)[:2] == ("admin name:2", "Admin area name (level 2)")
        font = step.roles_model.index(step.roles_model.columns.index(CERCLE), 0).data(Qt.ItemDataRole.FontRole)
        assert font is not None and font.bold()  # the user's choice stands out
        # ... and ignored, it is left out: the engine goes back to the P-codes
        _choose_role(window, qtbot, CERCLE, "ignore")
        assert window.project.roles == {CERCLE: "ignore"}
        assert window.last_preview.match.key_column == "identification/cercle_pcode"
        # marking latitude/longitude chooses the coordinates of a map of points
        _choose_role(window, qtbot, "_menage/gps_altitude", "latitude")
        assert window.project.lat_column == "_menage/gps_altitude"
        window.undo()
        assert window.project.lat_column is None and window.project.roles == {CERCLE: "ignore"}

        # saved and reopened: the same choices, shown the same way
        path = tmp_path / "menages.cartoproj"
        with qtbot.waitSignal(window.saved, timeout=WAIT):
            window.save_project_as(path)
        saved = window.project
        with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
            window.open_project_file(path)
        for key in ("personal_columns", "excluded_columns", "roles"):
            assert getattr(window.project, key) == getattr(saved, key), key
        shown = _personal(window.data_step)
        assert not shown[REFERENCE][0] and shown[VILLAGE][0] and shown[NAMES][0]
        assert _role(window.data_step, CERCLE)[0] == "ignore"
        assert not window.dirty
    finally:
        window.shutdown()


def test_sample_then_kobo_export_in_french(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator

    translator = install_translator(QApplication.instance(), "fr")
    assert translator is not None
    window = _window(qtbot, tmp_path, "fr")
    try:
        with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
            window.open_sample_project()
        step = window.data_step
        assert step.personal_box.title() == "Données personnelles"
        assert step.personal_table.isHidden() and step.personal_label.text().startswith(
            "Aucune colonne ne semble contenir de données personnelles")
        assert window.project.excluded_columns == ()
        from PySide6.QtCore import Qt

        assert [step.roles_model.headerData(i, Qt.Orientation.Horizontal) for i in (0, 1)] == \
            ["Colonne", "Ce qu'elle contient"]
        tip = step.roles_model.index(step.roles_model.columns.index("Cercle"), 0).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Détecté\u00a0: Nom de zone admin. (niveau 2)\nPar exemple\u00a0: ")
        assert _role(step, "admin2Pcod")[1] == "P-code (niveau 2)"
        assert _role(step, "Cercle")[1] == "Nom de zone admin. (niveau 2)"
        assert _role(step, "Cercle")[2].startswith("Le nom d'une zone administrative")

        with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
            window.use_table(str(SURVEY))
        shown = _personal(step)
        assert shown[NAMES] == (True, "Noms de personnes : un nom identifie une personne.")
        assert shown["menage/telephone"][1].startswith("Numéros de téléphone")
        assert sorted(window.project.excluded_columns) == sorted(shown)
        assert step.people_label.text().startswith("Les lignes sont des personnes")
        assert "personnelles" in step.personal_label.text()
    finally:
        window.shutdown()
        remove_translator(QApplication.instance(), translator)
