"""Writes that cannot be undone run on workers, one at a time, in the order asked."""

from __future__ import annotations

from bookstore.gui.operations.writes import write
from bookstore.library.reading import ReadingState, reading_state, remember_reading


def test_later_writes_are_never_overtaken_by_earlier_ones(window, qtbot):
    context = window.context
    issue_id = window.selected_ids()[0]
    finished: list[int] = []
    for step in range(12):
        write(
            context,
            lambda library, step=step: remember_reading(
                library, issue_id, ReadingState(step / 20, step % 5)
            ),
            lambda _none, step=step: finished.append(step),
            lambda error: finished.append(-1),
        )
    assert context.writes().busy()
    qtbot.waitUntil(lambda: not context.writes().busy(), timeout=20000)
    assert finished == list(range(12))
    assert reading_state(context.library, issue_id) == ReadingState(11 / 20, 11 % 5)


def test_a_write_that_fails_is_reported_and_the_next_still_runs(window, qtbot):
    context = window.context
    errors: list[BaseException] = []
    done: list[str] = []

    def broken(_library):
        raise ValueError("no")

    write(context, broken, lambda _r: done.append("broken"), errors.append)
    write(context, lambda library: library.count(), lambda n: done.append(f"{n}"), errors.append)
    qtbot.waitUntil(lambda: not context.writes().busy(), timeout=20000)
    assert [str(e) for e in errors] == ["no"]
    assert done == [str(context.library.count())]
