"""The map preview: the page rendered by matplotlib's Agg canvas in a worker, shown here.

Drawing a full page takes a few hundred milliseconds, too long for the UI thread, so
the engine process hands over finished pixels (`engine_tasks._LastPage`, which also draws
the Match step's outlined candidate over its kept page) and this widget only scales them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy


class MapPreview(QLabel):
    """Shows the latest rendered page, scaled to fit, keeping its proportions."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(400, 300)
        self.setStyleSheet("background: #f0f0f0; color: #555; font-size: 14px;")
        self._pixmap: QPixmap | None = None

    def show_pixels(self, data: bytes, width: int, height: int) -> None:
        image = QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
        self._pixmap = QPixmap.fromImage(image)
        self._rescale()

    def screen_size(self) -> tuple[int, int]:
        """The space for the page in screen pixels (a high-density screen counts its own pixels): the
        engine draws the page to fill it, no larger (`engine_tasks.screen_dpi`)."""
        ratio = self.devicePixelRatioF()
        return round(self.width() * ratio), round(self.height() * ratio)

    def has_map(self) -> bool:
        return self._pixmap is not None

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is not None:
            self.setPixmap(self._pixmap.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
