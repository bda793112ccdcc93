"""The command never loads Qt (nor the exporters it does not run): checked in a fresh
Python, after importing every command module and after running a search."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys, pkgutil, importlib
import bookstore.cli
for module in pkgutil.iter_modules(bookstore.cli.__path__):
    importlib.import_module(f"bookstore.cli.{module.name}")
from bookstore.cli.main import build_parser, main
build_parser()
after_import = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
main(["--library", sys.argv[1], "search", "nuclear", "--json"])
loaded = sorted(sys.modules)
print(json.dumps({"after_import": after_import, "loaded": loaded}), file=sys.stderr)
"""


def test_cli_modules_and_a_search_load_no_qt(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["after_import"] == []
    loaded = report["loaded"]
    assert not [m for m in loaded if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert not [m for m in loaded if m.startswith(("bookstore.gui", "reportlab", "ebooklib"))]
    if os.name == "posix":  # flock from the standard library; portalocker reads its metadata
        assert not [m for m in loaded if m.startswith(("portalocker", "importlib.metadata"))]
