"""Widgets and helpers shared by the window's parts: covers, formats, themes, layouts, accessibility."""
