"""The window's language: our gettext catalogs behind Qt's ``tr()``, and Qt's own."""
