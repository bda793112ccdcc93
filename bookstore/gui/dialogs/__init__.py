"""The window's dialogs: About, editing one or many issues, export."""
