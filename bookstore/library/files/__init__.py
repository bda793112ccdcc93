"""The library's files on disk: transactions that move staged files into place, the locks
beside the database, integrity checks and the removals' trash."""
