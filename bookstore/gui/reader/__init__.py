"""The in-app reader: its page, layout, navigation, quoting and reading aloud."""
