"""Showing a failure to a person: one plain sentence, the details folded away."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carto_desktop.errors import CartoError


def show_error(parent: QWidget, exc: BaseException, details: str, lang: str) -> QMessageBox:
    """A non-blocking dialog; the window keeps working behind it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Carto Desktop")
    if isinstance(exc, CartoError):
        box.setText(exc.text(lang))
    else:
        box.setText(QCoreApplication.translate("ErrorDialog", "Something went wrong inside Carto Desktop. Your work is not lost; "
                                               "please report this with the details below."))
        box.setDetailedText(details)
    box.setModal(False)
    box.show()
    return box
