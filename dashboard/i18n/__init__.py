"""The one translation function every user-visible string goes through.

Catalogues are plain dicts, one module per language (``en.py``, later ``cy.py``).
A key missing from another language falls back to English, so a partial Welsh
catalogue never breaks a page. A key missing from English is a programming
error: it raises when ``PLCNET_I18N_STRICT`` is set (the tests set it) and
otherwise shows the key itself rather than failing a page in service.
"""

from __future__ import annotations

import importlib
import logging
import os
from functools import cache

__all__ = ["DEFAULT_LANG", "LANGUAGES", "catalogue", "t"]

DEFAULT_LANG = "en"
LANGUAGES = ("en", "cy")

_log = logging.getLogger(__name__)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of ``lang``; an empty dict for a language not written yet."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    try:
        module = importlib.import_module(f"{__name__}.{lang}")
    except ModuleNotFoundError:
        return {}
    return module.MESSAGES


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``fmt`` (``str.format`` fields)."""
    message = catalogue(lang).get(key) or catalogue(DEFAULT_LANG).get(key)
    if message is None:
        if os.environ.get("PLCNET_I18N_STRICT"):
            raise KeyError(f"message {key!r} is missing from the English catalogue")
        _log.warning("message %r is missing from the English catalogue", key)
        return key
    return message.format(**fmt) if fmt else message
