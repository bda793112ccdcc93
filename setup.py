"""Package discovery: every package under ``bookstore/`` is found, and the top-level
``resources/`` folder (with its data folders) installs as ``bookstore.resources``:
pyproject.toml alone cannot combine a package search with a folder mapped to another name.
``packaging/linux`` (the desktop entry, metainfo and icons) installs as
``bookstore.resources.desktop``, so that an installed Bookstore can put itself in the menu."""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = [
    "bookstore.resources",
    *(f"bookstore.resources.{name}" for name in find_namespace_packages("resources")),
]
DESKTOP = "bookstore.resources.desktop"

setup(
    packages=[*find_packages(include=["bookstore", "bookstore.*"]), *RESOURCES, DESKTOP],
    package_dir={"bookstore.resources": "resources", DESKTOP: "packaging/linux"},
)
