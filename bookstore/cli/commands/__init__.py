"""One module per command (or group of commands): each registers its parser and its
handlers, and imports what a handler needs inside the handler."""
