"""Importing many files and folders: each file on its own, the batch goes on past failures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bookstore.errors import BookstoreError
from bookstore.ingest.errors import IngestError
from bookstore.ingest.page import PAGE_SUFFIXES, read_page
from bookstore.ingest.series_names import SeriesNames
from bookstore.jobs import Job
from bookstore.library.library import Library

COMMIT_EVERY = 100


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # "imported", "updated" or "failed"
    issue_id: int | None = None
    label: str = ""
    error: str | None = None

    def describe(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        return f"{self.status}: {self.path} -> {self.issue_id} {self.label}"


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        return (
            f"{self.count('imported')} imported, {self.count('updated')} updated, "
            f"{self.failed} failed"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.count("imported"),
            "updated": self.count("updated"),
            "failed": self.failed,
            "files": [
                {"path": str(o.path), "status": o.status, "id": o.issue_id, "error": o.error}
                for o in self.outcomes
            ],
        }


def page_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, and the page files inside folders (recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in PAGE_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def import_paths(library: Library, paths: Sequence[Path], job: Job | None = None) -> ImportReport:
    job = job or Job()
    report = ImportReport()
    names = SeriesNames(library.series())
    files = page_files(paths)
    for start in range(0, len(files), COMMIT_EVERY):
        # One transaction per chunk is much faster than one per file; each file still
        # has a savepoint of its own, so a bad file leaves nothing behind.
        with library.transaction():
            for done, path in enumerate(files[start : start + COMMIT_EVERY], start=start):
                job.report(done / len(files), str(path))
                report.outcomes.append(import_file(library, path, names))
    job.report(1.0, report.summary())
    return report


def import_file(library: Library, path: Path, names: SeriesNames) -> Outcome:
    """Import one page; on failure the library is left as it was."""
    try:
        page = read_page(path, names)
        with library.transaction():
            result = library.save(page.issue)
            library.attach_file(result.id, "page", page.data, page.suffix)
    except IngestError as error:
        return Outcome(path, "failed", error=str(error))
    except BookstoreError as error:
        return Outcome(path, "failed", error=f"{path}: {error}")
    status = "imported" if result.created else "updated"
    return Outcome(path, status, result.id, page.issue.label)
