"""``bookstore --install-desktop`` and ``--uninstall-desktop``: Bookstore in the user's
application menu (the desktop entry, metainfo and icons under ``$XDG_DATA_HOME``)."""

from __future__ import annotations

from bookstore import desktop_entry
from bookstore.i18n.messages import say
from bookstore.i18n.words import Words


def install(words: Words) -> int:
    home = desktop_entry.data_home()
    for path in desktop_entry.install(home, desktop_entry.running_command()):
        print(words.say(say("wrote {path}", path=str(path))))
    return 0


def uninstall(words: Words) -> int:
    home = desktop_entry.data_home()
    removed = desktop_entry.uninstall(home)
    for path in removed:
        print(words.say(say("removed {path}", path=str(path))))
    if not removed:
        none = say("no desktop entry of Bookstore was installed under {home}", home=str(home))
        print(f"bookstore: {words.say(none)}")
    return 0
