"""Bookstore: a desktop e-bookstore for the numbered series of a policy institute."""

__version__ = "0.1.0"

# The reverse-DNS id of the desktop entry, the AppStream metainfo, the icon and the
# Flatpak: one name on every platform (docs/packaging.md says how it was chosen).
APP_ID = "io.github.bookstore_app.bookstore"
