"""One translation system for the whole of Bookstore.

gettext catalogs (``resources/locale/<language>/LC_MESSAGES/bookstore.po``, compiled to
``.mo`` by ``python packaging/translations.py``) hold every message of the core, the
command line, the server and the window. The core marks its sentences with ``N_`` or
builds a :class:`~bookstore.i18n.messages.Message`, and they are translated where they
are shown, by :class:`~bookstore.i18n.words.Words` of the reader's language. The window
reaches the same catalogs through Qt's ``tr()`` (``bookstore/gui/i18n``).
"""
