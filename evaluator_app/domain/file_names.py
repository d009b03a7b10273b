"""File names made from what people wrote (an agency's name): safe on every file system, and short enough.

Most file systems allow 255 bytes in a name, and Thai takes 3 bytes a character in UTF-8: an agency name of 90
characters is 270 bytes before anything is added. A name is cut at a character boundary (never between a Thai
consonant and the vowel or tone mark written over or under it), with room left for what the app adds: a prefix,
the year and round, and the temporary suffix a file carries while it is written (store/leftovers.py).
"""

from __future__ import annotations

import re
import unicodedata

NAME_PART_BYTES = 120  # an agency's part of a file name: 40 Thai characters; the rest of the name fits around it
MAX_NAME_BYTES = 255  # what ext4, NTFS, APFS and most others allow in one name
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def fit_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, at the end of a whole character with its combining marks."""
    if len(text.encode("utf-8")) <= limit:
        return text
    end, used = 0, 0
    for index, char in enumerate(text):
        used += len(char.encode("utf-8"))
        if used > limit:
            break
        end = index + 1
    while 0 < end < len(text) and unicodedata.category(text[end]) in ("Mn", "Mc", "Me"):
        end -= 1  # the next character is a mark written on the last one kept: leave both out
    return text[:end]


def file_name_part(text: str, limit: int = NAME_PART_BYTES, empty: str = "agreement") -> str:
    """An agency's name as part of a file name: reserved characters become "_", spaces stay, at most `limit`
    bytes; `empty` when nothing is left."""
    safe = _UNSAFE.sub("_", text).strip(" .")
    return fit_bytes(safe, limit).strip(" .") or empty
