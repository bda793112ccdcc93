"""The ``bookstore`` command: ``main`` dispatches to the module of the command given
(``commands/``), which opens a library only when it works on one (``opened``)."""
