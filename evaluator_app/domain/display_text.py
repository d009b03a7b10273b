"""Text from outside (agency and indicator names, comments, file names, ids) made safe to show.

A name or comment may carry characters that act instead of being read: terminal escape sequences (ESC [ 31 m,
which recolour or clear a terminal, or retitle its window), other control characters, and the Unicode bidi
controls that reorder what follows them (U+202E shows "fdp.exe" as "exe.pdf"). They are never dropped silently:
each is shown as its `\\uXXXX` escape, so what a person reads is what is stored, and the escape is also valid
inside JSON. Thai, line breaks, tabs and the zero-width space Thai text uses between words are left alone.

Used by the command line (every line it prints), the results export and the printed papers.
"""

from __future__ import annotations

import re

# A comment or name longer than an Excel cell holds could only be cut on export: refused on entry instead.
MAX_TEXT_CHARS = 32_767

# The bidi embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI), and the
# marks that act alike (LRM, RLM, ALM). Thai never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


# Cc: the C0 and C1 controls and DEL (ESC, and CSI U+009B), but for newline and tab; Cs: lone surrogates (bytes
# that were not UTF-8); U+2028/U+2029: line and paragraph separators, which some terminals treat as line breaks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(BIDI_CONTROLS))
                     + "]")


def is_unsafe_char(char: str) -> bool:
    """A character that controls a terminal or the order of text rather than being read."""
    return _UNSAFE.match(char) is not None


def escape_char(char: str) -> str:
    return f"\\u{ord(char):04x}"


def shown(text: str) -> str:
    """`text` with every unsafe character shown as its escape."""
    return _UNSAFE.sub(lambda m: escape_char(m.group()), text)


def shown_on_one_line(text: str) -> str:
    """`shown`, with line breaks escaped too: for a name in a one-line message."""
    return shown(text).replace("\n", "\\u000a")


# For a terminal stream as a whole: the app redraws its own progress line with a carriage return, which can only
# move to the start of the line (no colour, no clearing, no window title).
_UNSAFE_ON_A_TERMINAL = re.compile(_UNSAFE.pattern.replace("\x0b-\x1f", "\x0b\x0c\x0e-\x1f"))


def shown_on_a_terminal(text: str) -> str:
    """`shown`, but a carriage return is kept: for everything the command line writes."""
    return _UNSAFE_ON_A_TERMINAL.sub(lambda m: escape_char(m.group()), text)


def has_unsafe_chars(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def has_undecodable_bytes(text: str) -> bool:
    """Whether `text` holds lone surrogates: how Python keeps bytes that were not UTF-8 in an argument or file
    name; they cannot be stored or printed."""
    return any("\ud800" <= c <= "\udfff" for c in text)


def text_too_long(text: str | None) -> bool:
    return text is not None and len(text) > MAX_TEXT_CHARS
