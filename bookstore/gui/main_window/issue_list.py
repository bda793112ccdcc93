"""The table the library's issues are listed in: whole rows chosen, a cover column of
fixed width, the title cell painted with its series and number under it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bookstore.gui.delegates.title_delegate import TitleDelegate
from bookstore.gui.models.issue_model import COVER, LABEL, TITLE, IssueTableModel
from bookstore.gui.widgets.covers import LIST_WIDTH

ROW_HEIGHT = 52


def issue_list(model: IssueTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName("issueList")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.setIconSize(QSize(LIST_WIDTH, LIST_WIDTH * 3 // 2))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.setColumnWidth(COVER, LIST_WIDTH + 16)
    view.setColumnWidth(LABEL, 190)  # the others are measured: fit_columns
    header.setSectionResizeMode(COVER, QHeaderView.ResizeMode.Fixed)
    header.setMinimumSectionSize(40)
    # The title cell shows the series and number under the title; the Series column
    # stays in the model (and the Sort By menu) and can be shown from the header.
    view.setItemDelegateForColumn(TITLE, TitleDelegate(view))
    view.setColumnHidden(LABEL, True)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    return view
