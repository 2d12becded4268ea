"""Small helpers the step pages share for showing the project's state in Qt widgets."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

AUTO = "\u0000auto"  # a chooser's item for "detect automatically" (None in the project)


def select_item(combo: QComboBox, data: Any) -> None:
    """Select the item holding `data` without emitting `activated` (only user choices do)."""
    index = combo.findData(data)
    if index < 0 and isinstance(data, str):
        index = combo.findText(data, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)  # text-only items
    if index >= 0 and index != combo.currentIndex():
        combo.setCurrentIndex(index)
