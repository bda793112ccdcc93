"""``bookstore export epub|pdf``: write chosen issues as EPUB or print-ready PDF.

The exporters are imported when used, so that one format's libraries do not slow
the start of the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bookstore.cli.progress import terminal_progress
from bookstore.fileio import output_folder
from bookstore.i18n.messages import N_, say
from bookstore.selection import select_issues

if TYPE_CHECKING:
    from bookstore.library.library import Library
    from bookstore.model import Issue


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help=N_("export issues as EPUB or PDF"))
    formats = export.add_subparsers(dest="format", metavar=N_("FORMAT"), required=True)

    epub = formats.add_parser("epub", help=N_("one EPUB 3, or a bundle of many issues"))
    _add_selection(epub)
    target = epub.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o", "--output", type=Path, metavar=N_("FILE.epub"), help=N_("write one EPUB here")
    )
    target.add_argument(
        "--each", type=Path, metavar=N_("DIR"), help=N_("write one EPUB per issue into DIR")
    )
    epub.add_argument("--title", metavar=N_("TITLE"), help=N_("the bundle's title"))
    epub.set_defaults(handler=_export_epub)

    pdf = formats.add_parser("pdf", help=N_("a print-ready PDF of one issue or a collection"))
    _add_selection(pdf)
    target = pdf.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o", "--output", type=Path, metavar=N_("FILE.pdf"), help=N_("write one PDF here")
    )
    target.add_argument(
        "--each", type=Path, metavar=N_("DIR"), help=N_("write one PDF per issue into DIR")
    )
    pdf.add_argument(
        "--paper",
        choices=["A4", "A5", "letter"],
        default="A4",
        type=_paper,
        help=N_("the paper size (default A4)"),
    )
    pdf.add_argument(
        "--bleed", type=_millimetres, default=0.0, metavar=N_("MM"), help=N_("bleed on each side")
    )
    pdf.add_argument(
        "--crop-marks", action="store_true", help=N_("draw crop marks outside the trim")
    )
    pdf.add_argument("--title", metavar=N_("TITLE"), help=N_("the collection's title"))
    pdf.set_defaults(handler=_export_pdf)


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help=N_("issue ids"))
    parser.add_argument(
        "--query", metavar=N_("QUERY"), help=N_("also every issue matching this search")
    )


def _export_epub(args: argparse.Namespace, library: Library) -> int:
    from bookstore.export.epub.writing import EpubOptions, export_epub, export_epub_each

    issues = select_issues(library, args.ids, args.query)
    return _write(args, issues, EpubOptions(title=args.title), export_epub, export_epub_each)


def _export_pdf(args: argparse.Namespace, library: Library) -> int:
    from bookstore.export.pdf.writing import PdfOptions, export_pdf, export_pdf_each

    issues = select_issues(library, args.ids, args.query)
    options = PdfOptions(
        paper=args.paper, bleed_mm=args.bleed, crop_marks=args.crop_marks, title=args.title
    )
    return _write(args, issues, options, export_pdf, export_pdf_each)


def _write(
    args: argparse.Namespace,
    issues: list[Issue],
    options: object,
    one: Callable[..., Path],
    each: Callable[..., list[Path]],
) -> int:
    """Write ``issues`` with ``one`` (into ``--output``) or ``each`` (one file per issue
    into ``--each``), with a progress bar; print the files written."""
    if args.each is not None:
        with output_folder(args.each) as folder:
            with terminal_progress(len(issues), words=args.words) as job:
                written = each(issues, folder, options, job=job)
            for path in written:
                print(path)
    else:
        with terminal_progress(len(issues), words=args.words) as job:
            print(one(issues, args.output, options, job=job))
    return 0


def _paper(text: str) -> str:
    names = {"a4": "A4", "a5": "A5", "letter": "letter"}
    try:
        return names[text.lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(say("unknown paper “{paper}”", paper=text)) from None


def _millimetres(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 20:
        raise argparse.ArgumentTypeError(say("bleed must be between 0 and 20 mm"))
    return value
