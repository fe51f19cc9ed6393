"""Every exit code a command can return is documented with what to do (issue 10).

The codes are read from the code itself (the names and numbers each command's
function returns, and the functions it calls), not copied here, and compared with
the tables under "Exit codes" in docs/operations.md. An unforeseen failure, driven
through the real CLI, exits 1 with one plain line and keeps its traceback.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from dashboard.serve import SERVER_EXIT_CODES
from etl import cli
from etl.config import PROJECT_ROOT
from tests.etl.cli_run import run_refresh, sha256, tiny_raw

DOC = PROJECT_ROOT / "docs" / "operations.md"
# argparse's own code for a mistyped command line, which every command can return.
USAGE_ERROR = 2


def documented(command: str) -> dict[int, str]:
    """The rows ``| code | meaning | what to do |`` under ``### `command```."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"### `{command}`\n", 1)
    assert len(section) == 2, f"docs/operations.md has no section for {command}"
    body = re.split(r"\n#{1,3} ", section[1], maxsplit=1)[0]
    rows = re.findall(r"^\| (\d+) \| (.+) \| (.+) \|$", body, flags=re.MULTILINE)
    for code, meaning, todo in rows:
        assert meaning.strip() and todo.strip(), f"{command} exit {code}: say what to do"
    return {int(code): meaning for code, meaning, _ in rows}


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def returned_codes(source: Path, entry: str, names: dict[str, object]) -> set[int]:
    """Exit codes ``entry`` in ``source`` can return: numbers it returns, EXIT_* names it
    uses, in it and in every function of the same file it calls."""
    functions = _functions(ast.parse(source.read_text(encoding="utf-8")))
    codes: set[int] = set()
    seen: set[str] = set()
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            returned = getattr(node, "value", None) if isinstance(node, ast.Return) else None
            if isinstance(returned, ast.Constant) and isinstance(returned.value, int):
                codes.add(returned.value)
            elif isinstance(node, ast.Name) and node.id.startswith("EXIT_"):
                codes.add(int(names[node.id]))
            elif isinstance(node, ast.Name) and node.id in functions:
                todo.append(node.id)
    return codes


def test_the_exit_codes_are_named_once():
    constants = {
        name: value
        for name, value in vars(cli).items()
        if name.startswith("EXIT_") and isinstance(value, int)
    }
    assert set(cli.EXIT_CODES) == set(constants.values()), "EXIT_CODES lacks a code"
    assert len(set(constants.values())) == len(constants), f"two names, one code: {constants}"
    numbers = re.findall(r"return (\d+)\b", Path(cli.__file__).read_text(encoding="utf-8"))
    assert numbers == [], "etl/cli.py returns bare numbers; name them as EXIT_* constants"


COMMANDS = {
    "python -m etl refresh": (Path(cli.__file__), "run_refresh", vars(cli)),
    "python -m etl schedule": (Path(cli.__file__), "run_schedule", vars(cli)),
    "python -m etl pull": (Path(cli.__file__), "run_pull", vars(cli)),
    "python -m dashboard": (PROJECT_ROOT / "dashboard" / "__main__.py", "main", {}),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_exit_code_is_documented_with_what_to_do(command):
    source, entry, names = COMMANDS[command]
    codes = returned_codes(source, entry, names) | {USAGE_ERROR}
    if command == "python -m dashboard":
        codes |= SERVER_EXIT_CODES  # gunicorn's master exits with these itself
    assert 0 in codes and len(codes) > 1, f"{command}: no codes found in {source}"
    table = documented(command)
    assert codes <= set(table), f"{command}: undocumented exit codes {codes - set(table)}"
    extra = set(table) - codes
    assert extra == set(), f"{command}: documented codes it never returns: {extra}"


def _archive_is_a_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """A run that fails late: its --archive is a file, not a folder."""
    blocker = tmp_path / "archive-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "plcnet.duckdb", ["--archive", str(blocker)]


def _database_folder_is_a_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """A run that fails before it begins: the database's folder is a file."""
    blocker = tmp_path / "db-folder"
    blocker.write_text("not a folder\n", encoding="utf-8")
    return blocker / "plcnet.duckdb", []


UNFORESEEN = {
    "the archive is a file": (_archive_is_a_file, True),
    "the database folder is a file": (_database_folder_is_a_file, False),
}
PLAIN = re.compile(
    r"Refresh failed: unexpected error \((?P<type>\w+): (?P<text>.+)\)\. Its traceback is "
    r"in (?P<where>the run log [^\s;]+|the record above)"
)


@pytest.mark.parametrize("case", list(UNFORESEEN), ids=lambda c: c.replace(" ", "-"))
def test_an_unforeseen_failure_is_one_plain_line_and_its_traceback_is_kept(tmp_path, case):
    raw = tiny_raw(tmp_path)
    make, logged = UNFORESEEN[case]
    db, extra = make(tmp_path)
    published = None
    if db.parent.is_dir():  # a good database first, which the failure must leave alone
        assert run_refresh(raw, db).returncode == 0
        published = sha256(db)

    failed = run_refresh(raw, db, *extra, cwd=tmp_path)
    assert failed.returncode == cli.EXIT_UNEXPECTED, f"exit {failed.returncode}:\n{failed.stderr}"
    said = PLAIN.search(failed.stderr)
    assert said, failed.stderr
    assert failed.stderr.rstrip().endswith("The published database was not changed.")
    bare = [line for line in failed.stderr.splitlines() if line.startswith("Traceback")]
    assert bare == [], f"a bare traceback reached the operator:\n{failed.stderr}"
    if published is not None:
        assert sha256(db) == published

    if logged:
        assert said["where"] == f"the run log {db}.runs.jsonl"
        lines = Path(f"{db}.runs.jsonl").read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[-1])
    else:  # the run log's own folder is the problem: the record is on stderr
        assert said["where"] == "the record above"
        record = json.loads(re.search(r"its record: (\{.*\})", failed.stderr).group(1))
    assert record["status"] == "failed" and record["error_type"] == said["type"], record
    assert record["traceback"].startswith("Traceback (most recent call last)"), record
    assert said["type"] in record["traceback"]
