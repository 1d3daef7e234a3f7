"""Keeping a person's place in a list that refreshes itself (another desk saved).

A refresh that resets the model drops the view's selection; ``keep_place``
remembers which record was selected and where the list was scrolled before the
reset and puts both back after it.
"""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView

KeyOfRow = Callable[[int], Hashable | None]  # model row → the record's key (None: no record)


class PlaceKeeper(QObject):
    def __init__(self, view: QAbstractItemView, key_of_row: KeyOfRow):
        super().__init__(view)
        self.view = view
        self.key_of_row = key_of_row
        self._key: Hashable | None = None
        self._scroll = (0, 0)
        model = view.model()
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)

    def _remember(self) -> None:
        current = self.view.selectionModel().currentIndex() if self.view.selectionModel() else None
        selected = current is not None and current.isValid() and self.view.selectionModel().isRowSelected(
            current.row(), current.parent())
        self._key = self.key_of_row(current.row()) if selected else None
        self._scroll = (self.view.verticalScrollBar().value(), self.view.horizontalScrollBar().value())

    def _restore(self) -> None:
        if self._key is not None:
            row = self._row_of(self._key)
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.view.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.verticalScrollBar().setValue(self._scroll[0])
        self.view.horizontalScrollBar().setValue(self._scroll[1])

    def _row_of(self, key: Hashable) -> int:
        for row in range(self.view.model().rowCount()):
            if self.key_of_row(row) == key:
                return row
        return -1


def keep_place(view: QAbstractItemView, key_of_row: KeyOfRow) -> PlaceKeeper:
    """Keep ``view``'s selected record and scroll position across its model's resets."""
    return PlaceKeeper(view, key_of_row)
