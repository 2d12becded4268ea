"""The Export step's "before you share" check, in English and French, with the sample and a fake Kobo survey.

The check is made in the engine process with each preview; after an export it also looks
into the written files, and its one-page summary is saved beside the map when ticked.
"""
import pytest

from conftest import REPO

pytest.importorskip("PySide6")

from carto_desktop.gui.export_step import WARNING_BACKGROUND  # noqa: E402
from carto_desktop.gui.main_window import MainWindow  # noqa: E402
from carto_desktop.edits import Choose

SURVEY = REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv"
WAIT = 90000


def survey_project(lang):
    from carto_desktop.project import Project

    return Project(table=SURVEY, boundaries=REPO / "sample_data" / "mali_adm2.geojson", lang=lang,
                   key_column="identification/cercle_pcode", title="Ménages enquêtés")


def _open(window, qtbot, project=None):
    """Open `project` (default: the sample) and wait until the Export step shows its check."""
    window.export_step.show_check(None)
    if project is None:
        window.open_sample_project()
    else:
        window.set_project(project)
    qtbot.waitUntil(lambda: window.export_step.check is not None and window.maps.idle(), timeout=WAIT)
    return window.export_step.check_label.text()


def test_english_check_of_the_sample_then_the_survey_and_its_summary(window, qtbot, tmp_path):
    step = window.export_step
    assert step.check_group.title() == "Before you share" and step.summary_check.isChecked()
    text = _open(window, qtbot)
    assert "Finest areas shown: cercle (admin level 2), 53 with data." in text
    assert "No column looks like personal data." in text and "Nothing in this map identifies a person" in text
    assert step.warnings() == []

    text = _open(window, qtbot, survey_project("en"))
    assert "Counts under 5 are shown as &quot;fewer than 5&quot;: 3 areas." in text
    assert "Shown as &quot;fewer than 5&quot;: Abeibara, Bla, Gao." in text
    assert "Smallest count shown exactly: 6." in text
    for column in ("menage/telephone", "menage/nom_chef_menage", "_submitted_by", "observations/commentaire"):
        assert f"<i>{column}</i>" in text
    assert set(step.check.detected) >= {"menage/telephone", "menage/numero_cni"} and len(step.check.detected) == 23

    # exported with the summary ticked: the files are looked into, the summary is written beside them
    out = tmp_path / "menages"
    with qtbot.waitSignal(window.export_finished, timeout=WAIT):
        window.export_to([str(out) + ".png", str(out) + ".svg"], dpi=50)
    summary = tmp_path / "menages.check.md"
    assert summary.is_file() and "menages.check.md" in step.export_label.text()
    kept = summary.read_text(encoding="utf-8")
    assert kept.startswith("# Before you share: Ménages enquêtés") and "`menage/telephone`" in kept
    assert "No personal value and no folder path was found in the exported files." in step.export_label.text()
    assert step.check.scanned == ("menages.png", "menages.svg") and step.check.leaks == {}
    assert "No value of the personal columns and no folder path was found in: menages.png, menages.svg." in \
        step.check_label.text()

    # not ticked: no summary
    step.summary_check.setChecked(False)
    with qtbot.waitSignal(window.export_finished, timeout=WAIT):
        window.export_to([str(tmp_path / "plain.png")], dpi=50)
    assert (tmp_path / "plain.png").is_file() and not (tmp_path / "plain.check.md").exists()

    # a change of the project refreshes the check: small counts shown exactly are a highlighted warning
    step.show_check(None)
    window.edit(Choose(min_count=0))
    qtbot.waitUntil(lambda: step.check is not None, timeout=WAIT)
    assert step.warnings() == ["Small counts are shown exactly: set a minimum count (5 is usual)."]
    assert WARNING_BACKGROUND in step.check_label.text()


def test_french_check_of_the_survey_and_the_sample(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator

    translator = install_translator(QApplication.instance(), "fr")
    assert translator is not None
    try:
        window = MainWindow(lang="fr", data_dir=tmp_path / "appdata")
        qtbot.addWidget(window)
        window.show()
        step = window.export_step
        assert step.check_group.title() == "Avant de partager"
        assert step.summary_check.text().startswith("Enregistrer")
        text = _open(window, qtbot, survey_project("fr"))
        assert "Les effectifs inférieurs à 5 sont montrés comme « moins de 5 » : 3 zones." in text
        assert "Montrées comme « moins de 5 » : Abeibara, Bla, Gao." in text
        assert "Numéros de téléphone" in text and "<i>menage/telephone</i>" in text
        text = _open(window, qtbot)
        assert "Zones les plus fines : cercle (niveau administratif 2), 53 avec des données." in text
        assert "Aucune colonne ne ressemble à des données personnelles." in text
        window.shutdown()
    finally:
        remove_translator(QApplication.instance(), translator)
