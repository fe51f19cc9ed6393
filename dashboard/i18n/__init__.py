"""The one translation function every user-visible string goes through.

Messages live in gettext PO catalogues, ``dashboard/locale/<lang>/LC_MESSAGES/messages.po``:
``msgctxt`` is the key the code asks for (``t("regions.title")``), ``msgid`` the
English, ``msgstr`` the translation (empty in the English catalogue, which is the
source). ``make translations`` (``python -m dashboard.i18n.update``) carries a
changed English into the other catalogues as fuzzy; docs/translating.md says how a
translator works on them.

The catalogues are read from the ``.po`` files when first asked for (about 40 ms for
both), not from compiled ``.mo`` files: the ``.po`` is the one copy, so what is served
and tested is always what is committed, with no compile step to forget.

As gettext does, a translation that is empty or fuzzy is not used; neither is one whose
``msgid`` is no longer the current English (stale): the page shows the English instead,
and the tests fail naming the key until it is translated again. A key defined twice in
one catalogue, or an entry without a key, is an error. A key missing from English is a
programming error: it raises when ``PLCNET_I18N_STRICT`` is set (the tests set it) and
otherwise shows the key itself rather than failing a page in service.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

__all__ = [
    "DEFAULT_LANG",
    "LANGUAGES",
    "LOCALE_DIR",
    "catalogue",
    "catalogue_path",
    "read_catalogue",
    "t",
    "unusable_translations",
]

DEFAULT_LANG = "en"
LANGUAGES = ("en", "cy")
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

_log = logging.getLogger(__name__)


def catalogue_path(lang: str) -> Path:
    """``dashboard/locale/<lang>/LC_MESSAGES/messages.po``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(path: Path) -> Catalog:
    """The PO file at ``path``, refused if it is malformed or an entry has no key or two."""
    with path.open("rb") as po:
        catalog = read_po(po, abort_invalid=True)
    keys: set[str] = set()
    for message in _entries(catalog):
        if not message.context:
            raise ValueError(f"{path}: message {message.id!r} has no msgctxt (its key)")
        if message.context in keys:
            raise ValueError(f"{path}: key {message.context!r} is defined twice")
        keys.add(message.context)
    return catalog


def _entries(catalog: Catalog) -> list[Message]:
    """The messages of ``catalog``, without the header entry (whose msgid is empty)."""
    return [message for message in catalog if message.id]


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The usable messages of ``lang`` by key: the English, or translations of it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    entries = _entries(read_catalogue(catalogue_path(lang)))
    if lang == DEFAULT_LANG:
        return {message.context: message.id for message in entries}
    english = catalogue(DEFAULT_LANG)
    return {
        message.context: message.string
        for message in entries
        if message.string and not message.fuzzy and english.get(message.context) == message.id
    }


def unusable_translations(lang: str) -> dict[str, str]:
    """Key -> why its translation in ``lang`` is not shown: missing, empty, fuzzy or stale."""
    english = catalogue(DEFAULT_LANG)
    entries = {m.context: m for m in _entries(read_catalogue(catalogue_path(lang)))}
    problems: dict[str, str] = {}
    for key, msgid in english.items():
        message = entries.get(key)
        if message is None:
            problems[key] = "missing"
        elif message.id != msgid:
            problems[key] = "stale: translates an older English (run make translations)"
        elif message.fuzzy:
            problems[key] = "fuzzy: the English changed; check the translation, clear the flag"
        elif not message.string:
            problems[key] = "untranslated"
    for key in entries.keys() - english.keys():
        problems[key] = "not in the English catalogue (run make translations)"
    return problems


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``fmt`` (``str.format`` fields)."""
    message = catalogue(lang).get(key) or catalogue(DEFAULT_LANG).get(key)
    if message is None:
        if os.environ.get("PLCNET_I18N_STRICT"):
            raise KeyError(f"message {key!r} is missing from the English catalogue")
        _log.warning("message %r is missing from the English catalogue", key)
        return key
    return message.format(**fmt) if fmt else message
