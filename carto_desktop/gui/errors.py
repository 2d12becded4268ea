"""Showing a failure to a person: one plain sentence, the details folded away."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carto_desktop.engine_messages import ErrorReport


def show_error(parent: QWidget, report: ErrorReport, lang: str) -> QMessageBox:
    """A non-blocking dialog; the window keeps working behind it.

    `report` comes from the engine process (`engine_tasks.error_report`): a problem the user can fix has its
    sentence in both languages; anything else is a bug, shown as a plain sentence with
    the traceback under "Show details…" for the person to send to us.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Carto Desktop"))
    text = report.text.text(lang)
    if report.user and text:
        box.setText(text)
        if lang != "en" and report.text.en:
            box.setDetailedText(report.text.en)  # what to search for or quote to a helper
    else:
        box.setText(QCoreApplication.translate("ErrorDialog", "Something went wrong inside Carto Desktop. Your work "
                                               "is not lost; please report this with the details below."))
        box.setDetailedText(report.details)
    box.setModal(False)
    box.show()
    return box
