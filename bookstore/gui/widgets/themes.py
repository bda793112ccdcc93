"""Window themes (palettes on the Fusion style) and the reader's page colours.

The high-contrast theme colours the whole window, not only the reader; each of its
text/background pairs has a contrast of at least 7:1 (WCAG AAA), which
``contrast_ratio`` computes and the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark", "high-contrast")
READER_THEMES = ("light", "sepia", "dark", "high-contrast")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT = {
    Role.Window: "#f3f4f6", Role.WindowText: "#16181d", Role.Base: "#ffffff",
    Role.AlternateBase: "#f6f7f9", Role.Text: "#16181d", Role.Button: "#e9ebef",
    Role.ButtonText: "#16181d", Role.Highlight: "#2458b3", Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#16181d", Role.ToolTipText: "#ffffff", Role.Link: "#1d4fa3",
    Role.PlaceholderText: "#5f6570", Role.Mid: "#c9ccd3", Role.Midlight: "#e2e4e8",
    Role.Dark: "#9aa0a9", Role.Light: "#ffffff", Role.BrightText: "#ffffff",
}  # fmt: skip
_DARK = {
    Role.Window: "#1f2126", Role.WindowText: "#e8e9ec", Role.Base: "#17181c",
    Role.AlternateBase: "#1c1e22", Role.Text: "#e8e9ec", Role.Button: "#2b2e35",
    Role.ButtonText: "#e8e9ec", Role.Highlight: "#3d6fd1", Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#e8e9ec", Role.ToolTipText: "#17181c", Role.Link: "#8ab4ff",
    Role.PlaceholderText: "#9aa0aa", Role.Mid: "#3a3d45", Role.Midlight: "#33363d",
    Role.Dark: "#101114", Role.Light: "#4a4e57", Role.BrightText: "#ffffff",
}  # fmt: skip
_HIGH_CONTRAST = {
    Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000",
    Role.AlternateBase: "#0d0d0d", Role.Text: "#ffffff", Role.Button: "#000000",
    Role.ButtonText: "#ffffff", Role.Highlight: "#ffff00", Role.HighlightedText: "#000000",
    Role.ToolTipBase: "#ffffff", Role.ToolTipText: "#000000", Role.Link: "#ffff00",
    Role.PlaceholderText: "#c8c8c8", Role.Mid: "#ffffff", Role.Midlight: "#ffffff",
    Role.Dark: "#ffffff", Role.Light: "#ffffff", Role.BrightText: "#ffff00",
}  # fmt: skip
_DISABLED_TEXT = {
    "light": "#6b707a",
    "sepia": "#6b5a44",
    "dark": "#8d929c",
    "high-contrast": "#b0b0b0",
}

PALETTES = {"light": _LIGHT, "dark": _DARK, "high-contrast": _HIGH_CONTRAST}

# Text on background pairs a reader sees: (text role, background role).
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.PlaceholderText, Role.Base),
)

# Focus must be visible in every theme: a frame in the highlight colour.
_FOCUS_STYLE = """
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus, QPlainTextEdit:focus {
    border: 2px solid palette(highlight); border-radius: 3px; padding: 1px;
}
QTreeView:focus, QTableView:focus, QListView:focus, QTextBrowser:focus, QScrollArea:focus {
    border: 2px solid palette(highlight);
}
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus {
    border: 2px solid palette(highlight); border-radius: 3px;
}
QPushButton { padding: 4px 14px; }
QToolButton { padding: 3px; }
QLabel#queryProblem, QLabel#fieldProblem { color: PROBLEM; }
QLineEdit[invalid="true"] { border: 2px solid PROBLEM; border-radius: 3px; padding: 1px; }
"""
# Problems (a query that cannot be read, a field that cannot be saved), 7:1 on Window.
_PROBLEM = {"system": "#9b1026", "light": "#9b1026", "dark": "#ff9c9c", "high-contrast": "#ffff00"}


# In high contrast every field and button is outlined, since fills alone do not show.
_HIGH_CONTRAST_STYLE = """
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QPlainTextEdit, QPushButton,
QToolButton, QTreeView, QTableView, QTextBrowser {
    border: 1px solid #ffffff;
}
QPushButton, QToolButton { padding: 4px 12px; }
QLineEdit:focus, QComboBox:focus, QPushButton:focus, QToolButton:focus, QTreeView:focus,
QTableView:focus, QTextBrowser:focus { border: 2px solid #ffff00; }
"""


def palette_for(theme: str) -> QPalette:
    colours = PALETTES[theme]
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(_DISABLED_TEXT[theme]))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Colour the whole application; "system" keeps the platform's own palette."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if theme in PALETTES:
        app.setPalette(palette_for(theme))
    else:
        app.setPalette(app.style().standardPalette())
    sheet = _FOCUS_STYLE.replace("PROBLEM", _PROBLEM.get(theme, _PROBLEM["light"]))
    if theme == "high-contrast":
        sheet += _HIGH_CONTRAST_STYLE
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def relative_luminance(colour: str) -> float:
    qcolour = QColor(colour)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in (qcolour.red(), qcolour.green(), qcolour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class PageColours:
    text: str
    background: str
    link: str
    accent: str  # the lead's rule and the series label
    find: str  # the background of text found with Ctrl+F


READER_COLOURS = {
    "light": PageColours("#1b1b1b", "#ffffff", "#1d4fa3", "#4a4f57", "#ffe36e"),
    "sepia": PageColours("#3b2e1e", "#f4ecd8", "#6b3d12", "#6a5a44", "#e8c66a"),
    "dark": PageColours("#e6e6e6", "#1c1d20", "#8ab4ff", "#b5b9c0", "#6b5a00"),
    "high-contrast": PageColours("#ffffff", "#000000", "#ffff00", "#ffffff", "#0000ff"),
}

# The reader's own window (toolbar, scroll bar, find bar) follows its page, not the
# main window: a dark page gets a dark toolbar. Sepia is the light palette, warmer.
_SEPIA = {
    **_LIGHT,
    Role.Window: "#ebe0c4", Role.WindowText: "#3b2e1e", Role.Base: "#f4ecd8",
    Role.AlternateBase: "#efe5cc", Role.Text: "#3b2e1e", Role.Button: "#e3d6b5",
    Role.ButtonText: "#3b2e1e", Role.Highlight: "#6b3d12", Role.HighlightedText: "#ffffff",
    Role.Link: "#6b3d12", Role.PlaceholderText: "#5e4f3a", Role.Mid: "#c9b98f",
    Role.Midlight: "#e0d3b0", Role.Dark: "#a8976c",
}  # fmt: skip
READER_CHROME = {"light": _LIGHT, "sepia": _SEPIA, "dark": _DARK, "high-contrast": _HIGH_CONTRAST}


def reader_palette(theme: str) -> QPalette:
    """The palette of the reader's window for a reader theme."""
    palette = QPalette()
    for role, value in READER_CHROME[theme].items():
        palette.setColor(role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(_DISABLED_TEXT[theme]))
    return palette
