"""What tests do with a CSV the dashboard sends, in a browser or through the server:
every CSV opens with a provenance block, lines starting "#" (core/views.py
register_download, core/downloads.py add_comment_block), above the table."""

from __future__ import annotations

__all__ = ["csv_lines", "split_provenance"]


def split_provenance(text: str) -> tuple[list[str], list[str]]:
    """The provenance block of the CSV ``text`` and the lines below it (the header, then
    the rows). Fails the test when the block is missing, or a "#" line stands below it
    (a reader skipping comments would drop that row)."""
    lines = text.splitlines()
    size = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    block, body = lines[:size], lines[size:]
    assert block and block[0].startswith("# plcnet"), "the CSV has no provenance block"
    assert not [line for line in body if line.startswith("#")], "a '#' line below the block"
    return block, body


def csv_lines(text: str) -> list[str]:
    """The lines of the CSV ``text`` below its provenance block."""
    return split_provenance(text)[1]
