"""Member ids pseudonymised at ingest with a keyed hash.

A member id is replaced, as the file is read and before anything is written, by
``m_`` and the first 16 hex digits of HMAC-SHA256(key, id). The key is a secret
kept outside the repository and the database, so the published database never
holds the ids as the files gave them, and without the key nobody can turn a
known id into its pseudonym to find that person in it. The same key gives the
same pseudonym in every refresh; another key gives other pseudonyms (rotation).

Why 16 hex digits (64 bits): short enough to read and compare by eye, long
enough that two different ids practically never share a pseudonym (with a
million members the chance of any clash is about 3 in 100 million). The prefix
``m_`` tells a pseudonym from an id as sent (the demo's ids are ``m-`` and hex).

The key, in order: ``PLCNET_PSEUDONYM_KEY`` (the secret itself); the file named
by ``--pseudonym-key-file`` or ``PLCNET_PSEUDONYM_KEY_FILE``, which must then be
readable (a scheduled refresh must never quietly change every pseudonym); else
``data/pseudonym.key``, created on first use with a random key, owner-only.

A member id that looks like an e-mail address or a person's name is not hashed:
the row is set aside, with the value replaced by a :data:`HIDDEN_PREFIX` marker,
and a reason asking the sender to pseudonymise ids before sending.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from etl import config
from etl.sources.common import InputError

__all__ = [
    "A_MEMBER_ID",
    "HIDDEN_PREFIX",
    "HIDE_FUNCTION",
    "LOOKS_LIKE_EMAIL",
    "LOOKS_LIKE_NAME",
    "MEMBER_ID_REASONS",
    "MIN_KEY_LENGTH",
    "PseudonymKey",
    "PseudonymKeyError",
    "hide_if_person",
    "looks_like_person",
    "pseudonym",
    "pseudonym_functions",
    "pseudonymise",
    "pseudonymise_values",
    "resolve_key",
]

PREFIX = "m_"
HEX_DIGITS = 16
# 32 characters: 128 bits if they are hex digits, as the generated key is.
MIN_KEY_LENGTH = 32
HIDDEN_PREFIX = "[hidden: "
LOOKS_LIKE_EMAIL = "[hidden: looks like an e-mail address]"
LOOKS_LIKE_NAME = "[hidden: looks like a person's name]"
A_MEMBER_ID = "[hidden: a member id]"
# Why a member id is set aside, by the marker that replaces it.
MEMBER_ID_REASONS = {
    LOOKS_LIKE_EMAIL: "looks like an e-mail address, not a pseudonymous id: pseudonymise "
    "member ids before sending (see docs/data-contract.md); the value is not kept",
    LOOKS_LIKE_NAME: "looks like a person's name, not a pseudonymous id: pseudonymise "
    "member ids before sending (see docs/data-contract.md); the value is not kept",
}

# SQL name of the function a load registers on its connection.
HIDE_FUNCTION = "plcnet_hide_member_value"

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Apostrophes straight and curly (U+2019, as word processors write them).
_APOSTROPHES = "'\u2019"
_SEPARATORS = re.compile(rf"[\s{_APOSTROPHES}.-]+")


class PseudonymKeyError(InputError):
    """The key cannot be had: the refresh stops and says what to set. Never holds the key."""


@dataclass(frozen=True)
class PseudonymKey:
    secret: bytes = field(repr=False)
    source: str  # where it came from, for the refresh output; never the key itself

    @property
    def fingerprint(self) -> str:
        """A short tag that changes when the key does, to notice a rotation; reveals nothing."""
        return hmac.new(self.secret, b"plcnet key fingerprint", hashlib.sha256).hexdigest()[:8]


def pseudonym(key: PseudonymKey, member_id: str) -> str:
    """``m_`` and 16 hex digits of HMAC-SHA256(key, id without surrounding spaces).

    >>> pseudonym(PseudonymKey(b"k" * 32, "test"), "T00123")
    'm_7b88e163556f9353'
    """
    digest = hmac.new(key.secret, member_id.strip().encode("utf-8"), hashlib.sha256)
    return PREFIX + digest.hexdigest()[:HEX_DIGITS]


def _looks_like_name(text: str) -> bool:
    """Letters in two or more parts, as "Jane Smith", "O'Neil-Jones" or "Anne-Marie".

    Ids such as "T00123" or "m-4821" have digits; "m-abcdef" (the demo's hex ids
    can be all letters) is no name because hyphenated parts must be capitalised
    like names; a single word is taken as an id.
    """
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return False
    if re.search(rf"[\s{_APOSTROPHES}]", text):
        return True
    return all(p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


def looks_like_person(value: str) -> str | None:
    """The marker for a value that looks like an e-mail address or a name, else None."""
    text = value.strip()
    if _EMAIL.search(text):
        return LOOKS_LIKE_EMAIL
    if _looks_like_name(text):
        return LOOKS_LIKE_NAME
    return None


def pseudonymise(key: PseudonymKey, value: str) -> str:
    """What a member id becomes: its pseudonym, a marker if it names a person, or ''."""
    if not value.strip():
        return ""  # the required-value check reports it
    return looks_like_person(value) or pseudonym(key, value)


def hide_if_person(key: PseudonymKey, value: str, member_ids: frozenset[str]) -> str:
    """A rejected value of another column of a file of member ids, safe to store."""
    if value.strip() and pseudonym(key, value) in member_ids:
        return A_MEMBER_ID
    return looks_like_person(value) or value


# HMAC-SHA256 pads a key of at most one block (64 bytes) with zeros; a longer one is hashed.
_HMAC_BLOCK = 64
# A member id hashed straight away (_hasher): ASCII spaces around text that starts and
# ends with a printable ASCII character (so that its strip() is stripping spaces), with
# a digit (no part of it is all letters, so it is no name) and no "@" (no e-mail
# address). Anything else, rare in an id, goes through pseudonymise() itself.
_PLAIN_ID = "(?s)^ *[!-~](.*[!-~])? *$"


def _padded_keys(key: PseudonymKey) -> tuple[bytes, bytes]:
    """HMAC's inner and outer keys (RFC 2104), as hmac.new computes them."""
    secret = key.secret
    if len(secret) > _HMAC_BLOCK:
        secret = hashlib.sha256(secret).digest()
    secret = secret.ljust(_HMAC_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in secret), bytes(b ^ 0x5C for b in secret)


def _hasher(key: PseudonymKey) -> Callable[[str], str]:
    """pseudonym() of an id, from SHA-256 states that have already taken the padded keys.

    hmac.new hashes both padded keys (a block each) for every id; copying the states
    instead halves the work, which is most of what pseudonymising a file costs.
    """
    inner_key, outer_key = _padded_keys(key)
    inner, outer = hashlib.sha256(inner_key), hashlib.sha256(outer_key)

    def hashed(member_id: str) -> str:
        digest = inner.copy()
        digest.update(member_id.strip().encode("utf-8"))
        keyed = outer.copy()
        keyed.update(digest.digest())
        return PREFIX + keyed.hexdigest()[:HEX_DIGITS]

    return hashed


def _plain_ids(values: pa.Array) -> list[bool]:
    """Whether each value is a _PLAIN_ID (a null is not), tested by Arrow over the column."""
    plain = pc.and_(
        pc.and_(
            pc.match_substring_regex(values, _PLAIN_ID),
            pc.match_substring_regex(values, "[0-9]"),
        ),
        pc.invert(pc.match_substring(values, "@")),
    )
    return [bool(p) for p in plain.fill_null(False).to_pylist()]


def pseudonymise_values(key: PseudonymKey, values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """:func:`pseudonymise` of every value of a column, in order; a null stays null.

    Each distinct value is worked out once (a member belongs to several PLCs and
    years), the usual id by :func:`_hasher`, any other by pseudonymise() itself.
    """
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    encoded = pc.dictionary_encode(values.cast(pa.string()))
    distinct = encoded.dictionary
    hashed = _hasher(key)
    made = [
        hashed(value) if plain else pseudonymise(key, value)
        for value, plain in zip(distinct.to_pylist(), _plain_ids(distinct), strict=True)
    ]
    return pc.take(pa.array(made, pa.string()), encoded.indices)


@contextmanager
def pseudonym_functions(
    con: duckdb.DuckDBPyConnection, key: PseudonymKey
) -> Iterator[Callable[[frozenset[str]], None]]:
    """For the duration of a load of a file of member ids: yields a function that
    registers the SQL function ``plcnet_hide_member_value(text)`` for the pseudonymised
    member ids of the file being loaded (hide_if_person), and removes it after.
    """
    registered: list[str] = []

    def register_hide(member_ids: frozenset[str]) -> None:
        con.create_function(
            HIDE_FUNCTION, lambda v: hide_if_person(key, v, member_ids), ["VARCHAR"], "VARCHAR"
        )
        registered.append(HIDE_FUNCTION)

    try:
        yield register_hide
    finally:
        for name in registered:
            con.remove_function(name)


def _check_length(secret: bytes, where: str) -> bytes:
    if len(secret) < MIN_KEY_LENGTH:
        raise PseudonymKeyError(
            f"the pseudonym key in {where} is too short ({len(secret)} characters; at least "
            f'{MIN_KEY_LENGTH}). Make one with: python -c "import secrets; '
            'print(secrets.token_hex(32))"'
        )
    return secret


def _read_key_file(path: Path) -> PseudonymKey:
    try:
        secret = path.read_bytes().strip()
    except FileNotFoundError as error:
        raise PseudonymKeyError(
            f"the pseudonym key file {path} does not exist. Restore it (a new key changes "
            "every member's pseudonym), or point PLCNET_PSEUDONYM_KEY_FILE at the right file."
        ) from error
    except OSError as error:
        raise PseudonymKeyError(
            f"the pseudonym key file {path} cannot be read ({error.strerror}); give the user "
            "running the refresh read access to it (and no one else: chmod 600)."
        ) from error
    return PseudonymKey(_check_length(secret, str(path)), str(path))


def _create_key_file(path: Path) -> bool:
    """Write a random key to ``path``, owner-only; False if another process made it first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32) + "\n")
        # A hard link appears whole and never replaces a key already there.
        os.link(draft, path)
        return True
    except FileExistsError:
        return False
    finally:
        draft.unlink(missing_ok=True)


def _warn_if_shared(path: Path, progress: Callable[[str], None]) -> None:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        progress(f"  warning: the pseudonym key file {path} can be read by others; chmod 600 it")


def _refuse_empty(name: str) -> None:
    """A variable set to nothing is a mistake (a secret that failed to arrive), never "unset"."""
    setting = config.SETTINGS[name]
    if setting.is_set() and not setting.value().strip():
        raise PseudonymKeyError(
            f"{setting.variable} is set but empty; set it (see docs/operations.md) or unset it. "
            "No key was made, so that no member's pseudonym changes by mistake."
        )


def resolve_key(progress: Callable[[str], None], key_file: Path | None = None) -> PseudonymKey:
    """The key in force (see the module's docstring); raises PseudonymKeyError."""
    _refuse_empty("pseudonym_key")
    secret = config.setting("pseudonym_key").strip()
    if secret:
        return PseudonymKey(
            _check_length(secret.encode("utf-8"), "PLCNET_PSEUDONYM_KEY"),
            "PLCNET_PSEUDONYM_KEY",
        )
    _refuse_empty("pseudonym_key_file")
    explicit = key_file or (
        Path(config.setting("pseudonym_key_file"))
        if config.SETTINGS["pseudonym_key_file"].is_set()
        else None
    )
    if explicit is not None:
        key = _read_key_file(explicit)
        _warn_if_shared(explicit, progress)
        return key
    default = Path(config.setting("pseudonym_key_file"))
    if not default.exists() and _create_key_file(default):
        progress(
            f"  no pseudonym key was set: created {default} (owner-only) with a new random "
            "key; member ids are pseudonymised with it. Keep it: another key gives every "
            "member another pseudonym (see docs/operations.md)."
        )
    key = _read_key_file(default)
    _warn_if_shared(default, progress)
    return key
