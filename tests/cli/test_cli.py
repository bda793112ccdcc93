"""The command line, driven in-process through main() and once as a real process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bookstore.cli.main import main

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

ISSUE_KEYS = {"id", "series", "number", "year", "running_number", "label", "title", "date",
              "authors", "language", "lead", "sections", "topics", "price", "source_url", "files"}  # fmt: skip


def test_search_json_has_the_documented_shape(run):
    code, out, _ = run("search", "series:spotlight", "--json", "--limit", "3")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3
    for hit in hits:
        assert set(hit) >= ISSUE_KEYS and "snippet" in hit
        assert set(hit["series"]) == {"slug", "name"} and hit["series"]["slug"] == "spotlight"
        assert all({"heading", "paragraphs"} <= set(s) for s in hit["sections"])
    priced = json.loads(run("search", "series:policy-paper", "--json")[1])
    assert all(
        p["price"]["currency"] == "PLN" and p["price"]["amount"].endswith(".00") for p in priced
    )


def test_search_marks_hits_in_json_and_text(run):
    hits = json.loads(run("search", "lodz", "--json")[1])
    assert any("<mark>Łódź</mark>" in hit["snippet"] for hit in hits)
    code, out, _ = run("search", "lodz")
    assert code == 0 and "[Łódź]" in out


def test_search_sort_and_limit(run):
    dates = [
        h["date"]
        for h in json.loads(
            run("search", "year:2018..2020", "--sort", "date", "--json", "--limit", "50")[1]
        )
    ]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 24
    assert len(json.loads(run("search", "year:2018..2020", "--json", "--limit", "2")[1])) == 2


def test_a_bad_query_is_one_line_on_stderr_and_exit_1(run):
    code, out, err = run("search", "(nuclear")
    assert code == 1 and out == ""
    assert err.startswith("bookstore: ") and "never closed" in err and "Traceback" not in err


def test_show_list_series(run):
    first = json.loads(run("list", "--json")[1])[0]
    code, out, _ = run("show", str(first["id"]), "--json")
    assert code == 0 and json.loads(out) == first
    code, out, _ = run("show", str(first["id"]))
    assert first["title"] in out and first["lead"] in out
    listed = json.loads(run("list", "--series", "bulletin", "--year", "2019", "--json")[1])
    assert listed and all(i["series"]["slug"] == "bulletin" and i["year"] == 2019 for i in listed)
    series = json.loads(run("series", "--json")[1])
    assert {s["slug"] for s in series} >= {"spotlight", "bulletin", "policy-paper"}
    assert sum(s["issues"] for s in series) == len(json.loads(run("list", "--json")[1]))
    code, _, err = run("list", "--series", "nope")
    assert code == 1 and "no series “nope”" in err


def test_show_and_remove_an_unknown_id_fail_cleanly(run):
    for command in ("show", "remove"):
        code, _, err = run(command, "4242")
        assert code == 1 and "4242" in err


def test_remove(run):
    first = json.loads(run("list", "--json")[1])[0]
    code, out, _ = run("remove", str(first["id"]))
    assert code == 0 and first["title"] in out
    assert run("show", str(first["id"]))[0] == 1


def test_import_reports_each_file_and_a_summary(run, tmp_path: Path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    code, out, err = run("import", str(PAGES), str(bad))
    assert code == 1
    assert out.count("imported: ") == 3
    assert f"failed: {bad}: is empty" in err
    assert "3 imported, 0 updated, 1 failed" in err
    code, out, _ = run("import", str(PAGES), "--json")
    assert code == 0 and json.loads(out)["updated"] == 3


def test_the_installed_command_uses_the_environment_library(tmp_path: Path):
    env = {**os.environ, "BOOKSTORE_LIBRARY": str(tmp_path / "env-library")}
    done = subprocess.run(
        [sys.executable, "-m", "bookstore", "search", "lodz", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    assert (tmp_path / "env-library" / "library.sqlite").exists()


def test_export_each_creates_the_folder(run, tmp_path: Path):
    first = json.loads(run("list", "--json")[1])[0]
    for kind in ("epub", "pdf"):
        folder = tmp_path / "new" / kind
        code, out, err = run("export", kind, str(first["id"]), "--each", str(folder))
        assert code == 0, err
        [written] = out.split()
        assert Path(written).parent == folder and Path(written).suffix == f".{kind}"
        assert Path(written).stat().st_size > 1000


def test_export_each_into_a_file_fails_and_a_failed_export_leaves_no_new_folder(
    run, tmp_path: Path
):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    code, _, err = run("export", "epub", "1", "--each", str(a_file))
    assert code == 1 and "it is a file" in err
    code, _, err = run("export", "epub", "4242", "--each", str(tmp_path / "none" / "deep"))
    assert code == 1 and "4242" in err
    assert not (tmp_path / "none").exists()


def test_no_arguments_opens_the_window(monkeypatch):
    import bookstore.gui.app

    opened = []
    monkeypatch.setattr(bookstore.gui.app, "run", lambda library: opened.append(library) or 0)
    assert main(["--library", "/somewhere"]) == 0
    assert opened == ["/somewhere"]


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "usage: bookstore" in out and "search" in out and "export" in out
