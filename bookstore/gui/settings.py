"""Every setting the window keeps, declared once with its type and default.

Values live in QSettings (an INI file in the platform's config folder); tests give a
file of their own. Nothing else in the GUI reads QSettings directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MAX_RECENT_LIBRARIES = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


LIBRARY = Setting("library/path", "")  # empty: BOOKSTORE_LIBRARY or the platform's folder
RECENT_LIBRARIES: Setting[list[str]] = Setting("library/recent", [])
LANGUAGE = Setting("ui/language", "")  # empty: follow the system
THEME = Setting("ui/theme", "system")  # system, light, dark, high-contrast
READER_THEME = Setting("reader/theme", "light")  # light, sepia, dark, high-contrast
WINDOW_GEOMETRY = Setting("window/geometry", b"")
WINDOW_STATE = Setting("window/state", b"")
SPLITTER_STATE = Setting("window/splitter", b"")
WINDOW_PLACE = Setting("window/place", "")  # JSON: the sidebar choice, search and issue
READER_GEOMETRY = Setting("reader/geometry", b"")
READER_SPEECH_RATE = Setting("reader/speech-rate", 175)  # read aloud, words a minute
LIST_HEADER = Setting("window/list-header", b"")
CITATION_STYLE = Setting("citations/style", "apa")  # a CSL style's name
CITATION_LANGUAGE = Setting("citations/language", "")  # empty: each issue's own
STORES = Setting("store/stores", "[]")  # JSON: the stores the reader added, [{"url", "title"}]


class Settings:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Settings kept in the INI file at ``path`` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def for_user(cls) -> Settings:
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "bookstore", "bookstore"
            )
        )

    def get(self, setting: Setting[T]) -> T:
        value: Any = self.store.value(setting.key, None)
        if value is None:
            return setting.default
        default = setting.default
        if isinstance(default, bytes):
            return bytes(value.data() if isinstance(value, QByteArray) else value)  # type: ignore[return-value]
        if isinstance(default, list):
            return [value] if isinstance(value, str) else list(value)  # type: ignore[return-value]
        return type(default)(value)  # type: ignore[call-arg]

    def set(self, setting: Setting[T], value: T) -> None:
        if isinstance(value, bytes):
            self.store.setValue(setting.key, QByteArray(value))
        else:
            self.store.setValue(setting.key, value)

    def remember_library(self, path: Path) -> None:
        """Make ``path`` the library to open next time and the first of the recent ones."""
        text = str(path)
        recent = [text, *(p for p in self.get(RECENT_LIBRARIES) if p != text)]
        self.set(RECENT_LIBRARIES, recent[:MAX_RECENT_LIBRARIES])
        self.set(LIBRARY, text)

    def sync(self) -> None:
        self.store.sync()
