"""The rooms of the house import only what docs/architecture.md says they may.

Each room of etl/ and dashboard/ lists the rooms it may import besides itself; a
module that reaches elsewhere fails here, with its file, line and what it imports.
The modules that assemble the rest (the apps, the refresh, the command line) are
not rooms and may import anything. The crossings the house still has are listed
by name in KNOWN_CROSSINGS, so that no new one can join them unseen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Room -> the modules it may import (a name allows the module and all below it).
ROOMS: dict[str, tuple[str, ...]] = {
    "etl.systems": (),
    "etl.contract": ("etl.systems",),
    "etl.reasons": (),
    "etl.sources": ("etl.contract", "etl.reasons"),
    "etl.validate": ("etl.contract", "etl.pseudonym", "etl.reasons"),
    "etl.pseudonym": ("etl.config", "etl.sources"),
    "etl.load": ("etl.contract", "etl.sources", "etl.validate", "etl.pseudonym", "etl.reasons"),
    "etl.network": ("etl.contract", "etl.load"),
    "etl.drawing": ("etl.network", "etl.load"),
    "etl.impact": (),
    "etl.demo": ("etl.contract", "etl.sources"),
    "dashboard.i18n": (),
    "dashboard.core": ("dashboard.access", "dashboard.ui.labels", "dashboard.i18n", "etl.public"),
    "dashboard.access": (
        "dashboard.core.language",
        "dashboard.core.registry",
        "dashboard.i18n",
        "etl.public",
    ),
    "dashboard.ui": ("dashboard.core", "dashboard.access", "dashboard.i18n", "etl.public"),
    "dashboard.measures": ("dashboard.ui.labels", "dashboard.i18n"),
}
# Every page: the shared rooms, never another page.
PAGE_MAY_IMPORT = (
    "dashboard.core",
    "dashboard.ui",
    "dashboard.measures",
    "dashboard.access",
    "dashboard.i18n",
    "etl.public",
)
# Crossings the house still has (docs/architecture.md, "The rooms"): file -> imports.
# A crossing that cannot be helped at once is listed here by name.
KNOWN_CROSSINGS: dict[str, set[str]] = {
    # The compare page draws each year's network with the network page's own code
    # (issue 12, item 9), rather than a copy, until that code moves to a shared room.
    "dashboard/pages/compare/drawings.py": {
        "dashboard.pages.network.data.NetworkData",
        "dashboard.pages.network.data.load_network",
        "dashboard.pages.network.data.place_ties",
        "dashboard.pages.network.figures.build_network_figure",
        "dashboard.pages.network.figures.pack_array",
        "dashboard.pages.network.group_figure.build_group_figure",
        "dashboard.pages.network.groups.GroupNetwork",
        "dashboard.pages.network.groups.load_group_network",
        "dashboard.pages.network.regional.lay_out_region_cached",
    },
}
PROJECT_PACKAGES = ("etl", "dashboard")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)


def room_of(module: str) -> tuple[str, tuple[str, ...]] | None:
    """The room a module is in and what the room may import; None outside every room."""
    parts = module.split(".")
    if parts[:2] == ["dashboard", "pages"] and len(parts) > 2:
        page = ".".join(parts[:3])
        return page, PAGE_MAY_IMPORT
    for room, allowed in ROOMS.items():
        if module == room or module.startswith(f"{room}."):
            return room, allowed
    return None


def imports_of(source: str) -> list[tuple[str, int]]:
    """Every import of the project's packages in ``source``: the name imported, its line.

    ``from a.b import c`` gives ``a.b.c``, so that a rule may name a module or a name.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name.split(".")[0] in PROJECT_PACKAGES]


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in prefixes)


def crossings(path: Path) -> list[str]:
    """The imports of ``path`` its room does not allow, as ``name:line``."""
    placed = room_of(module_name(path))
    if placed is None:
        return []
    room, allowed = placed
    known = KNOWN_CROSSINGS.get(path.relative_to(PROJECT_ROOT).as_posix(), set())
    return [
        f"{name}:{line}"
        for name, line in imports_of(path.read_text(encoding="utf-8"))
        if not within(name, (room, *allowed)) and name not in known
    ]


def modules() -> list[Path]:
    return sorted(p for package in PROJECT_PACKAGES for p in (PROJECT_ROOT / package).rglob("*.py"))


def test_each_room_imports_only_what_it_may() -> None:
    found = {
        path.relative_to(PROJECT_ROOT).as_posix(): bad
        for path in modules()
        if (bad := crossings(path))
    }
    assert found == {}


def test_every_known_crossing_is_still_there() -> None:
    # A crossing removed leaves the list: it must not stay allowed for the next one.
    gone = {}
    for file, names in KNOWN_CROSSINGS.items():
        path = PROJECT_ROOT / file
        source = path.read_text(encoding="utf-8") if path.exists() else ""
        if left := names - {name for name, _ in imports_of(source)}:
            gone[file] = sorted(left)
    assert gone == {}


def test_every_room_has_modules() -> None:
    # A room renamed or moved would otherwise leave its rule guarding nothing.
    placed = {room_of(module_name(path)) for path in modules()} - {None}
    assert {room for room, _ in placed} >= {*ROOMS, "dashboard.pages.regions"}


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("dashboard.pages.plc.layout", "from dashboard.pages.regions import data\n", False),
        ("dashboard.pages.plc.layout", "from dashboard.pages.plc.data import load\n", True),
        ("dashboard.measures.catalogue", "import dashboard.core.db\n", False),
        ("dashboard.core.filters", "from dashboard.ui.labels import label_sector\n", True),
        ("dashboard.core.filters", "from dashboard.ui.charts import build_graph\n", False),
        ("etl.impact.model", "from etl.network import compute_network\n", False),
        ("etl.drawing.layout", "from etl.network.build import build_igraph\n", True),
    ],
)
def test_the_check_sees_a_crossing(module: str, source: str, expected: bool) -> None:
    placed = room_of(module)
    assert placed is not None
    room, allowed = placed
    assert all(within(name, (room, *allowed)) for name, _ in imports_of(source)) is expected
