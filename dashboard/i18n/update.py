"""Carry the English into the template and every translation: ``make translations``.

The English catalogue (``locale/en/LC_MESSAGES/messages.po``) is the one place the
English is written. This writes ``locale/messages.pot`` from it (the template a new
language starts from) and brings each translation in step, matching entries by their
key (``msgctxt``):

- a key whose English changed keeps its translation, marked fuzzy, with the English it
  translated as the previous msgid (``#| msgid``), so that a PO editor shows the change;
- a new key is added untranslated;
- a key the English no longer has is kept as obsolete (``#~``), as gettext does.

``pybabel update`` is not used because it matches by the English text, not the key: a
rewritten English would lose its translation to the obsolete entries, and a near match
could take another key's translation. The files are written only when their messages
change, so running it twice changes nothing.
"""

from __future__ import annotations

import string
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import unescape, write_po

from dashboard import i18n
from dashboard.i18n import DEFAULT_LANG, LANGUAGES, catalogue_path, read_catalogue

WIDTH = 100
# python-format is what Babel guesses from a "%" in the English; the fields are str.format.
FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


def template_path() -> Path:
    """``dashboard/locale/messages.pot``."""
    return i18n.LOCALE_DIR / "messages.pot"


def english_keys(english: Catalog) -> set[str]:
    """The keys (msgctxt) of ``english``."""
    return {message.context for message in english if message.id}


def normalised_english(english: Catalog) -> Catalog:
    """The English catalogue with each message's format flag set from its fields."""
    for message in english:
        if message.id:
            with_format_flag(message)
    return english


def build_template(english: Catalog) -> Catalog:
    """The template: every English message with its comments, no translation."""
    template = Catalog(project="plcnet", version="0.1.0", header_comment=_TEMPLATE_HEADER)
    for message in english:
        if message.id:
            template[message.id] = with_format_flag(
                Message(message.id, context=message.context, auto_comments=message.auto_comments)
            )
    return template


def update_translation(translation: Catalog, english: Catalog) -> Catalog:
    """``translation`` brought in step with ``english``, key by key, in the English order."""
    old = {message.context: message for message in translation if message.id}
    updated = Catalog(
        locale=translation.locale,
        project="plcnet",
        version="0.1.0",
        header_comment=translation.header_comment,
        language_team=translation.language_team,
        last_translator=translation.last_translator,
        fuzzy=False,
    )
    for source in english:
        if source.id:
            updated[source.id] = with_format_flag(_carried(source, old.pop(source.context, None)))
    keys = english_keys(english)
    for gone in [*old.values(), *translation.obsolete.values()]:
        if gone.context not in keys:
            updated.obsolete[(gone.id, gone.context)] = gone
    return updated


def _carried(source: Message, before: Message | None) -> Message:
    """The entry for ``source`` in a translation whose entry was ``before``."""
    if before is None:
        return Message(source.id, "", context=source.context, auto_comments=source.auto_comments)
    changed = before.id != source.id
    fuzzy = changed or before.fuzzy
    flags = (before.flags - {"fuzzy"}) | ({"fuzzy"} if fuzzy else set())
    before_previous, translator_comments = split_previous_id(before)
    # The English the translation was made from: kept across several edits, gone once
    # the translator clears the fuzzy flag.
    previous = (before_previous or before.id) if changed else before_previous
    return Message(
        source.id,
        before.string,
        context=source.context,
        auto_comments=source.auto_comments,
        user_comments=translator_comments,
        flags=flags,
        previous_id=[previous] if fuzzy and previous else (),
    )


def split_previous_id(message: Message) -> tuple[str, list[str]]:
    """The previous msgid of ``message`` (``#| msgid``) and its other translator comments.

    Babel writes ``#|`` lines but reads them back as translator comments ("| msgid ..."),
    so they are parsed here: ``msgid "..."`` then, for a long one, more ``"..."`` lines.
    """
    pieces = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
    others = [c for c in message.user_comments if not c.startswith("|")]
    quoted = [piece.removeprefix("msgid").strip() for piece in pieces]
    return "".join(unescape(piece) for piece in quoted if piece.startswith('"')), others


def with_format_flag(message: Message) -> Message:
    """``message`` flagged python-brace-format when it has fields, so that PO editors and
    ``msgfmt --check`` compare a translation's fields with the English."""
    message.flags -= FORMAT_FLAGS
    if any(name is not None for _, name, _, _ in string.Formatter().parse(message.id)):
        message.flags.add("python-brace-format")
    return message


def write_if_changed(catalog: Catalog, path: Path, *, dry_run: bool = False) -> bool:
    """Write ``catalog`` to ``path`` unless it is there already; True if it was not.

    The dates are the file's own, so that a run that changes no message changes nothing.
    """
    if path.exists():
        before = read_catalogue(path)
        catalog.creation_date = before.creation_date
        catalog.revision_date = before.revision_date
        if path.read_bytes() == _rendered(catalog):
            return False
    if dry_run:
        return True
    if catalog.locale is not None:
        catalog.revision_date = datetime.now(UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_rendered(catalog))
    return True


def _rendered(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=WIDTH, include_previous=True)
    return out.getvalue()


def main() -> int:
    """Update the template and the translations; print what each translation still needs."""
    english = normalised_english(read_catalogue(catalogue_path(DEFAULT_LANG)))
    _write_and_say(english, catalogue_path(DEFAULT_LANG))
    _write_and_say(build_template(english), template_path())
    for lang in LANGUAGES:
        if lang != DEFAULT_LANG:
            path = catalogue_path(lang)
            _write_and_say(update_translation(read_catalogue(path), english), path)
    return report_unusable()


def _write_and_say(catalog: Catalog, path: Path) -> None:
    if write_if_changed(catalog, path):
        print(f"wrote {path.relative_to(i18n.LOCALE_DIR.parent.parent)}")


def report_unusable() -> int:
    """Print each translation's keys still to translate; 1 if there are any."""
    # The catalogues cached before this run wrote the files are out of date.
    i18n.catalogue.cache_clear()
    status = 0
    for lang in LANGUAGES:
        if lang == DEFAULT_LANG:
            continue
        problems = i18n.unusable_translations(lang)
        total = len(i18n.catalogue(DEFAULT_LANG))
        print(f"{lang}: {total} messages, {len(problems)} to translate")
        for key, why in sorted(problems.items()):
            print(f"  {key}: {why}")
        status = status or int(bool(problems))
    return status


_TEMPLATE_HEADER = (
    "# Template of plcnet's messages, written by `make translations` from\n"
    "# dashboard/locale/en/LC_MESSAGES/messages.po: do not edit it by hand.\n"
    "# msgctxt is the key the code asks for; msgid is the English (docs/translating.md)."
)

if __name__ == "__main__":
    sys.exit(main())
