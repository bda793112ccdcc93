"""The detail pane: the chosen issue's cover, every field, lead, section headings,
files and translations, with the actions on it. Extra views (the Store) add pages to
the pane's stack and buttons to its actions."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.context import AppContext
from bookstore.gui.models.issue_model import language_name
from bookstore.gui.widgets.covers import DETAIL_WIDTH
from bookstore.gui.widgets.flow_layout import FlowLayout
from bookstore.model import Issue

IssueActions = Callable[[Issue], list[QAction]]
ZERO_WIDTH_SPACE = "\u200b"


def _keep_words_whole(label: QLabel) -> None:
    """A wrapping label is never narrower than its longest word (QLabel wraps between
    words only, and would cut that word at the pane's edge)."""
    metrics = label.fontMetrics()
    words = label.text().split()
    widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
    label.setMinimumWidth(widest + 2 * label.margin() + 2)


def _breakable(address: str) -> str:
    """An address that may wrap after each "/", "-" or "?" (it has no spaces)."""
    for mark in "/-?&":
        address = address.replace(mark, mark + ZERO_WIDTH_SPACE)
    return address


def _label(name: str, *, selectable: bool = True, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _links(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class IssueView(QScrollArea):
    """One issue, top to bottom."""

    issue_link = Signal(int)  # a translation was clicked
    topic_link = Signal(str)

    def __init__(
        self, context: AppContext, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.issue: Issue | None = None
        self.extra_actions: list[IssueActions] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A word wider than the pane ("стабилизировать" at a big font) is never cut: the
        # pane scrolls sideways instead (see _keep_words_whole).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        body.setObjectName("issueDetail")
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.setSpacing(10)

        self.cover = QLabel()
        self.cover.setFixedSize(DETAIL_WIDTH, DETAIL_WIDTH * 3 // 2)
        self.cover.setScaledContents(True)
        self.series_label = _label("seriesLabel")
        self.title = _label("issueTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.authors = _label("issueAuthors")
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.series_label)
        heading.addWidget(self.title)
        heading.addWidget(self.authors)
        heading.addStretch(1)
        top.addLayout(heading, 1)
        outer.addLayout(top)

        self.buttons = FlowLayout()
        self._buttons: list[QToolButton] = []
        self._base_actions = actions
        outer.addLayout(self.buttons)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in (
            "number",
            "date",
            "language",
            "price",
            "topics",
            "translations",
            "files",
            "source",
        ):
            value = (
                _links(key) if key in ("topics", "translations", "files", "source") else _label(key)
            )
            name = QLabel()
            name.setObjectName(f"{key}Name")
            name.setBuddy(value)
            self.fields[key] = (name, value)
            self.form.addRow(name, value)
        outer.addLayout(self.form)
        self.fields["translations"][1].linkActivated.connect(self._follow)
        self.fields["topics"][1].linkActivated.connect(self._follow)
        self.fields["files"][1].linkActivated.connect(self._follow)
        self.fields["source"][1].linkActivated.connect(self._follow)

        self.lead_heading = _label("leadHeading", selectable=False)
        self.lead = _label("lead")
        self.sections_heading = _label("sectionsHeading", selectable=False)
        self.sections = _label("sections")
        for widget in (self.lead_heading, self.lead, self.sections_heading, self.sections):
            outer.addWidget(widget)
        for heading_label in (self.lead_heading, self.sections_heading):
            bold = heading_label.font()
            bold.setBold(True)
            heading_label.setFont(bold)
        outer.addStretch(1)
        context.covers.ready.connect(self._cover_ready)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "number": self.tr("Number"),
            "date": self.tr("Published"),
            "language": self.tr("Language"),
            "price": self.tr("Price"),
            "topics": self.tr("Topics"),
            "translations": self.tr("Translations"),
            "files": self.tr("Files"),
            "source": self.tr("Source"),
        }
        for key, (name, _value) in self.fields.items():
            name.setText(names[key] + ":")
        self.lead_heading.setText(self.tr("Lead"))
        self.sections_heading.setText(self.tr("In this issue"))
        self.cover.setAccessibleName(self.tr("Cover"))
        self.setAccessibleName(self.tr("Issue details"))
        if self.issue is not None:
            self.show_issue(self.issue)

    def show_issue(self, issue: Issue) -> None:
        self.issue = issue
        formats = self.context.formats
        self._refresh_cover()
        self.series_label.setText(issue.series.name_in(issue.language))
        self.title.setText(issue.title)
        self.authors.setText(", ".join(issue.authors) or self.tr("No author named"))
        number = issue.number_label
        self._set("number", number)
        self._set("date", formats.long_date(issue.date))
        self._set("language", language_name(issue.language, formats.language).capitalize())
        if issue.owned:
            price = self.tr("Owned")
        elif issue.is_free or issue.price is None:
            price = self.tr("Free")
        else:
            price = formats.price(issue.price)
        self._set("price", price)
        topics = ", ".join(self._link(f"topic:{t}", t) for t in issue.topics)
        self._set("topics", topics, rich=True)
        translations = []
        if issue.translations:
            for other in self.context.library.get_many(list(issue.translations)):
                name = language_name(other.language, formats.language).capitalize()
                translations.append(self._link(f"issue:{other.id}", f"{name}: {other.title}"))
        self._set("translations", "<br>".join(translations), rich=True)
        files = []
        for file in issue.files:
            url = QUrl.fromLocalFile(str(self.context.library.files_dir / file.path)).toString()
            files.append(
                f"{self._link(url, file.kind.upper())} ({html.escape(formats.size(file.size))})"
            )
        self._set("files", "<br>".join(files), rich=True)
        source = ""
        if issue.source_url:
            source = self._link(issue.source_url, _breakable(issue.source_url))
        self._set("source", source, rich=True)
        self.lead.setText(issue.lead)
        headings = [s.heading for s in issue.sections if s.heading]
        self.sections_heading.setVisible(bool(headings))
        self.sections.setVisible(bool(headings))
        self.sections.setText("\n".join(f"• {h}" for h in headings))
        for label in (self.series_label, self.title, self.authors, self.lead, self.sections):
            _keep_words_whole(label)
        for key in ("number", "date", "language", "price"):
            _keep_words_whole(self.fields[key][1])
        self._rebuild_buttons(issue)

    def _link(self, target: str, text: str) -> str:
        """A link in the theme's link colour, said outright: a label keeps the colour of
        the palette its text was set under, and Qt's own default is #0000ff."""
        colour = self.palette().color(QPalette.ColorRole.Link).name()
        return f'<a href="{html.escape(target)}" style="color: {colour}">{html.escape(text)}</a>'

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.issue is not None:
            self.show_issue(self.issue)  # the links take the new theme's colour

    def _set(self, key: str, text: str, rich: bool = False) -> None:
        """Show a field; a screen reader hears its name and value ("Price: Free")."""
        name, value = self.fields[key]
        value.setText(text)
        plain = QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text
        plain = plain.replace(ZERO_WIDTH_SPACE, "")
        value.setAccessibleName(f"{name.text()} {plain}".strip())
        value.setAccessibleDescription(name.text().rstrip(":"))
        visible = bool(text)
        name.setVisible(visible)
        value.setVisible(visible)
        if rich:
            value.setFocusPolicy(Qt.FocusPolicy.StrongFocus if visible else Qt.FocusPolicy.NoFocus)

    def _rebuild_buttons(self, issue: Issue) -> None:
        """One button per action: the window's, then those extra views add. Buttons are
        reused, never deleted, since this runs while one of them may be being clicked."""
        actions = list(self._base_actions)
        for extra in self.extra_actions:
            actions += extra(issue)
        while len(self._buttons) < len(actions):
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)
            self._buttons.append(button)
        for index, button in enumerate(self._buttons):
            if index < len(actions):
                button.setDefaultAction(actions[index])
                button.setAccessibleName(actions[index].text().replace("&", "").rstrip("…."))
            button.setVisible(index < len(actions))

    def _cover_ready(self, _key: str) -> None:
        self._refresh_cover()

    def _refresh_cover(self) -> None:
        if self.issue is not None:
            self.cover.setPixmap(self.context.covers.pixmap(self.issue, DETAIL_WIDTH))

    def _follow(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "issue":
            self.issue_link.emit(int(value))
        elif kind == "topic":
            self.topic_link.emit(html.unescape(value))
        else:
            QDesktopServices.openUrl(QUrl(link))


class DetailPane(QStackedWidget):
    """The right-hand pane: nothing chosen, one issue, several issues, or a page an
    extra view added (``add_page``)."""

    def __init__(
        self, context: AppContext, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.issue_view = IssueView(context, actions)
        self.addWidget(self.empty)
        self.addWidget(self.issue_view)
        self._pages: dict[str, QWidget] = {}
        self._selected = 0
        # The issue view's own minimum (margins, cover, a narrow title column, scroll bar);
        # a title's longest word widens it further (_keep_words_whole).
        self.setMinimumWidth(300)
        self.retranslate()

    def retranslate(self) -> None:
        self.issue_view.retranslate()
        self._set_empty_text()

    def add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.addWidget(widget)

    def show_page(self, key: str) -> None:
        self.setCurrentWidget(self._pages[key])

    def show_issue(self, issue: Issue) -> None:
        self.issue_view.show_issue(issue)
        self.setCurrentWidget(self.issue_view)

    def show_selection_count(self, count: int) -> None:
        self._selected = count
        self._set_empty_text()
        self.setCurrentWidget(self.empty)

    def _set_empty_text(self) -> None:
        count = self._selected
        if count == 0:
            self.empty.setText(self.tr("Choose an issue to see it here."))
        else:
            self.empty.setText(
                self.tr(
                    "%n issues selected.\nExport them with Ctrl+E or remove them with Delete.",
                    "",
                    count,
                )
            )
