"""Every write and every wait of the window, run on the workers: the library controller
(remove, edit, saved searches, open, switch and close a library), the undo history and
its commands, the queue of writes that cannot be undone, imports and index rebuilds."""
