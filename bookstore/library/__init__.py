"""The library: one SQLite database and a files folder (``Library`` in ``library.py``)."""
