"""What a file's bytes are: its text encoding, its delimiter, or why it is not text.

A file meant for plcnet may arrive as Excel's "Unicode text" (UTF-16), as the
semicolon-separated CSV a European Excel writes, empty, or as something else
altogether. Whatever can be read without guessing is read: text with a
byte-order mark is decoded by that mark, and a header row split by semicolons
or tabs is split so. The rest is described exactly, so that the refresh can say
what the file is and what to do with it.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DELIMITER_NAMES",
    "SAVE_AS_CSV_UTF8",
    "NotTextError",
    "bom_encoding",
    "decode_text",
    "describe_bytes",
    "header_delimiter",
    "read_head",
    "read_rows",
]

HEAD_BYTES = 64 * 1024

# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Without a mark: UTF-8 first, because a Windows-1252 decode (older Excel
# exports) almost never fails and would garble Welsh letters.
UNMARKED_ENCODINGS = ("utf-8", "cp1252")

# Beside the comma, the delimiters spreadsheets write: a European Excel (where
# the decimal mark is a comma) writes semicolons; "Text (tab delimited)" tabs.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

# Control characters other than tab, newline, carriage return and form feed
# hardly ever occur in text; a head full of them is binary.
TEXT_CONTROLS = {"\t", "\n", "\r", "\f"}
MAX_CONTROL_SHARE = 0.01
# The bytes Windows-1252 leaves undefined: text holding one is in neither of its encodings.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")

# Files of other formats, by their first bytes: said as what they are, not as "bytes".
SIGNATURES = (
    (
        b"PK\x03\x04",
        "a zip file (an Excel .xlsx workbook is one)",
        'if it is a workbook, rename it to end in ".xlsx"',
    ),
    (b"PAR1", "a Parquet file", 'rename it to end in ".parquet"'),
    (
        b"\xd0\xcf\x11\xe0",
        "an Excel 97-2003 workbook (.xls) or another old Office file",
        'save it from Excel as ".xlsx" or as "CSV UTF-8"',
    ),
    (b"%PDF", "a PDF document", "export the table itself, as CSV UTF-8 or .xlsx"),
)

SAVE_AS_CSV_UTF8 = 'save it from Excel as "CSV UTF-8 (Comma delimited) (*.csv)"'


class NotTextError(Exception):
    """The bytes are not text plcnet reads; ``what`` says what they are.

    ``guessed`` is the text under the most likely encoding, when there is one
    (UTF-16 without a byte-order mark), so that its header can still tell
    whether the file was meant for plcnet.
    """

    def __init__(self, what: str, advice: str, guessed: str | None = None) -> None:
        super().__init__(f"{what}; {advice}")
        self.what = what
        self.advice = advice
        self.guessed = guessed


@dataclass(frozen=True)
class _Unmarked16:
    encoding: str
    name: str


def read_head(path: Path) -> bytes:
    """The first bytes of ``path``: enough for a header and the rows telling what it is."""
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` names, if there is one."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def describe_bytes(data: bytes) -> str:
    """The first bytes of a file, as a person can compare them with another file's."""
    shown = data[:16]
    printable = "".join(chr(b) if 32 <= b < 127 else "." for b in shown)
    return f'its first bytes are {shown.hex(" ")} ("{printable}")'


def _unmarked_utf16(data: bytes) -> _Unmarked16 | None:
    """UTF-16 without a mark: mostly ASCII text leaves every other byte zero."""
    pairs = len(data) // 2
    if pairs < 2:
        return None
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if zeros_odd > pairs * 0.3 and zeros_even < pairs * 0.05:
        return _Unmarked16("utf-16-le", "little-endian")
    if zeros_even > pairs * 0.3 and zeros_odd < pairs * 0.05:
        return _Unmarked16("utf-16-be", "big-endian")
    return None


def _decode(data: bytes, encoding: str, partial: bool) -> str:
    # A head cut at HEAD_BYTES may end inside a character; only the whole file must be whole.
    return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=not partial)


def _not_text(data: bytes) -> NotTextError:
    utf16 = _unmarked_utf16(data)
    if utf16 is not None:
        guessed = data.decode(utf16.encoding, errors="replace")
        return NotTextError(
            f"this file is UTF-16 text ({utf16.name}) without a byte-order mark, "
            "so its encoding cannot be known for sure",
            SAVE_AS_CSV_UTF8,
            guessed,
        )
    for signature, what, advice in SIGNATURES:
        if data.startswith(signature):
            return NotTextError(f"this is {what}, not text", advice)
    without_nul = data.replace(b"\x00", b"").decode("latin-1")
    if b"\x00" in data and not _looks_binary(without_nul):
        return NotTextError(
            f"this is text holding NUL bytes (the first at offset {data.index(0)}), "
            "which no CSV file has",
            SAVE_AS_CSV_UTF8,
            without_nul,
        )
    return NotTextError(
        f"this is not a CSV, Excel or Parquet file: {describe_bytes(data)}",
        "replace it with the file as exported (CSV UTF-8, .xlsx or .parquet), "
        "or move it out of the folder",
    )


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text if c < " " and c not in TEXT_CONTROLS)
    return "\x00" in text or controls > len(text) * MAX_CONTROL_SHARE


def decode_text(data: bytes, *, partial: bool = False) -> tuple[str, str]:
    """The text of ``data`` and the encoding that read it (``utf-16`` for either order).

    ``partial``: ``data`` is the head of a longer file. Raises :class:`NotTextError`
    for an empty file, UTF-16 without a byte-order mark, and binary data.
    """
    if not data:
        raise NotTextError("0 bytes: the file is empty", "export it again from the source")
    marked = bom_encoding(data)
    if marked:
        try:
            return _decode(data, marked, partial), marked
        except UnicodeDecodeError as error:
            raise NotTextError(
                f"its byte-order mark says {marked.upper()} text, but byte {error.start} is not",
                SAVE_AS_CSV_UTF8,
            ) from error
    if b"\x00" in data:
        raise _not_text(data)
    for encoding in UNMARKED_ENCODINGS:
        try:
            text = _decode(data, encoding, partial)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise _not_text(data)
        return text, encoding
    # Text, but with bytes neither encoding has (0x81, 0x8d, 0x8f, 0x90, 0x9d in
    # Windows-1252): some other code page, which cannot be told for sure.
    guessed = data.decode("latin-1")
    if _looks_binary(guessed):
        raise _not_text(data)
    odd = next(i for i, b in enumerate(data) if b in CP1252_UNDEFINED)
    raise NotTextError(
        f"cannot be read as UTF-8 or Windows-1252: byte {data[odd]:#04x} at offset {odd} "
        "is a letter in neither",
        SAVE_AS_CSV_UTF8,
        guessed,
    )


def header_delimiter(text: str) -> str:
    """The delimiter of the header row, the first line of ``text``.

    Column names hold no commas, semicolons or tabs, so the first of them that
    splits the header is the file's delimiter: the file says which it is.
    """
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    for delimiter in DELIMITER_NAMES:
        if len(next(csv.reader([first], delimiter=delimiter), [])) > 1:
            return delimiter
    return ","


def read_rows(text: str, delimiter: str = ",", limit: int = 40) -> list[list[str]]:
    """The first ``limit`` rows of ``text`` (the last line of a cut head may be partial)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [row for _, row in zip(range(limit), reader, strict=False)]
