"""The one translation function every user-visible string goes through.

Catalogues are plain dicts (``MESSAGES``), one module per language and part:
``en.py`` and ``cy.py`` for the shell and what pages share, ``en_<page>.py`` and
``cy_<page>.py`` for a page's own messages, so that pages never edit the same
file. A key defined twice in one language is an error. A key missing from
another language falls back to English, so a partial Welsh catalogue never breaks
a page. A key missing from English is a programming error: it raises when
``PLCNET_I18N_STRICT`` is set (the tests set it) and otherwise shows the key
itself rather than failing a page in service.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
from functools import cache

__all__ = ["DEFAULT_LANG", "LANGUAGES", "catalogue", "list_catalogue_modules", "t"]

DEFAULT_LANG = "en"
LANGUAGES = ("en", "cy")

_log = logging.getLogger(__name__)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of ``lang``, from ``<lang>.py`` and every ``<lang>_<part>.py``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    messages: dict[str, str] = {}
    for name in list_catalogue_modules(lang):
        part = importlib.import_module(f"{__name__}.{name}").MESSAGES
        twice = sorted(messages.keys() & part.keys())
        if twice:
            raise ValueError(f"i18n/{name}.py defines keys defined already: {', '.join(twice)}")
        messages.update(part)
    return messages


def list_catalogue_modules(lang: str) -> list[str]:
    """``["en", "en_network", ...]``: the language's main module, then its parts by name."""
    names = {module.name for module in pkgutil.iter_modules(__path__)}
    parts = sorted(name for name in names if name.startswith(f"{lang}_"))
    return [name for name in (lang, *parts) if name in names]


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``fmt`` (``str.format`` fields)."""
    message = catalogue(lang).get(key) or catalogue(DEFAULT_LANG).get(key)
    if message is None:
        if os.environ.get("PLCNET_I18N_STRICT"):
            raise KeyError(f"message {key!r} is missing from the English catalogue")
        _log.warning("message %r is missing from the English catalogue", key)
        return key
    return message.format(**fmt) if fmt else message
