"""The desktop entry, AppStream metainfo and icons, installed as ``bookstore.resources.desktop``
(``bookstore.desktop_entry`` reads them)."""
