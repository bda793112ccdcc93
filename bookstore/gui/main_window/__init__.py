"""The main window and what it is built of: its actions, menus, status bar, detail pane and the flows it starts."""
