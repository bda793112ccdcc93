"""Print, as JSON, what the accessibility bus says of the applications on it.

Run by Debian's python3 (it has pyatspi; the project's environment does not) on the
display and session bus of tests/packaging/xvfb.py. One object per line: the
application's name, depth, role, name, whether it is showing, and its place on screen.
"""

import json
import sys

import pyatspi


def walk(accessible, application: str, depth: int, out: list) -> None:
    try:
        extents = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        place = [extents.x, extents.y, extents.width, extents.height]
    except NotImplementedError:
        place = None
    out.append(
        {
            "application": application,
            "depth": depth,
            "role": accessible.getRoleName(),
            "name": (accessible.name or "").strip(),
            "showing": accessible.getState().contains(pyatspi.STATE_SHOWING),
            "place": place,
        }
    )
    for index in range(min(accessible.childCount, 500)):
        child = accessible.getChildAtIndex(index)
        if child is not None:
            walk(child, application, depth + 1, out)


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    nodes: list = []
    for index in range(desktop.childCount):
        application = desktop.getChildAtIndex(index)
        if application is not None and application.childCount:
            walk(application, application.name or "", 0, nodes)
    for node in nodes:
        print(json.dumps(node, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
