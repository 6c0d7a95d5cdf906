"""Rows of a tree that grow to show their whole text, wrapped to the column's width.

QTreeView wraps a cell's text only within the row height it already has, and works that
height out as if the text were on one line, so a long reason ends in "…". This delegate
gives each row the height of its text wrapped at the column's width.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

# Room the style leaves around a cell's text (left and right margins, and a little more).
_TEXT_MARGIN = 12


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setItemDelegate(self)
        # Wrapped again when a column is resized (the last one is, with the view).
        tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        header = self.tree.header()
        if self.tree.isFirstColumnSpanned(index.row(), index.parent()):
            width = max(self.tree.viewport().width(), header.length())
        else:
            width = header.sectionSize(index.column())
        if index.column() == header.logicalIndex(0):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * (depth + int(self.tree.rootIsDecorated()))
        margin = _TEXT_MARGIN + self.tree.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin
        )
        width = max(width - margin, 20)
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, str(text)
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))
