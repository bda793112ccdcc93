"""Making a search index from the library's issues (``SearchIndex.rebuild``).

A rebuild picks the library's common words from a sample of its issues (phrases of
them are indexed as pairs, ``schema``), then writes every issue with one writer thread.
"""

from __future__ import annotations

import contextlib

import tantivy

from bookstore.jobs import Job
from bookstore.library.search import schema as search_schema
from bookstore.library.search.files import IndexState
from bookstore.library.search.source import LibrarySource

BATCH = 500  # issues read from the database at a time
# One thread with a heap this large writes a 100,000-issue rebuild as one segment:
# a query is ranked per segment, so a common prefix (hundreds of words) ranks about
# twice as fast as over the six segments of two 50 MB threads (peak memory +100 MB).
_REBUILD_HEAP = 200_000_000


def fill(index: tantivy.Index, source: LibrarySource, job: Job, name: str) -> IndexState:
    """Write every issue of ``source`` into the new ``index`` (build ``name``), with
    common words picked from a sample of them; the state it then holds."""
    seq = source.last_change()  # changes after this are replayed by sync()
    ids = source.all_issue_ids()
    total = len(ids)
    job.report(0.0, f"Rebuilding the search index: 0 of {total:,} issues")
    sample = _spread(ids, search_schema.COMMON_SAMPLE)
    common = search_schema.common_words(source.get_many_present(sample))
    if len(sample) < search_schema.COMMON_SAMPLE // 10:
        common = frozenset()  # too few issues to tell; phrases are quick here anyway
    writer = index.writer(_REBUILD_HEAP, 1)
    try:
        for start in range(0, total, BATCH):
            for issue in source.get_many_present(ids[start : start + BATCH]):
                assert issue.id is not None
                writer.add_document(search_schema.document(issue, issue.id, common))
            done = min(total, start + BATCH)
            job.report(
                done / max(total, 1),
                f"Rebuilding the search index: {done:,} of {total:,} issues",
            )
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        with contextlib.suppress(Exception):
            writer.rollback()
        raise
    return IndexState(seq, sorted(common), total, name)


def new_index(path: str | None) -> tantivy.Index:
    index = tantivy.Index(search_schema.build_schema(), path=path, reuse=False)
    index.register_tokenizer(search_schema.TOKENIZER, search_schema.analyzer())
    return index


def _spread(ids: list[int], count: int) -> list[int]:
    """At most ``count`` ids spread evenly over ``ids``."""
    if len(ids) <= count:
        return list(ids)
    step = len(ids) / count
    return [ids[int(i * step)] for i in range(count)]
