"""Small helpers the step pages share for showing the project's state in Qt widgets."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

AUTO = "\u0000auto"  # a chooser's item for "detect automatically" (None in the project)


def select_item(combo: QComboBox, data: Any) -> None:
    """Select the item holding `data` without emitting `activated` (only user choices do)."""
    index = combo.findData(data)
    if index < 0 and isinstance(data, str):
        index = combo.findText(data, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive)  # text-only items
    if index >= 0 and index != combo.currentIndex():
        combo.setCurrentIndex(index)


class FittingComboBox(QComboBox):
    """A chooser that may be narrower than its longest choice (a long French item never makes the page
    scroll sideways: it is elided in the box), while its list still opens wide enough to read every choice."""

    MIN_CHARACTERS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(self.MIN_CHARACTERS)

    def showPopup(self) -> None:  # noqa: N802 (Qt name)
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24)
        super().showPopup()
