"""``bookstore --install-desktop`` and ``--uninstall-desktop``: Bookstore in the user's
application menu (the desktop entry, metainfo and icons under ``$XDG_DATA_HOME``)."""

from __future__ import annotations

from bookstore import desktop_entry


def install() -> int:
    home = desktop_entry.data_home()
    for path in desktop_entry.install(home, desktop_entry.running_command()):
        print(f"wrote {path}")
    return 0


def uninstall() -> int:
    home = desktop_entry.data_home()
    removed = desktop_entry.uninstall(home)
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print(f"bookstore: no desktop entry of Bookstore was installed under {home}")
    return 0
