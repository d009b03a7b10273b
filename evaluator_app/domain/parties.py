"""The parties of an agreement (§2): who receives the undertaking (ผู้รับคำรับรอง) and who gives it (ผู้ทำคำรับรอง),
one or more persons each with name and position; how a person is written ("ชื่อ|ตำแหน่ง") and what is refused."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .agreement import Party, PartySide
from .problems import Problem

__all__ = ["MAX_NAME_CHARS", "MAX_PARTIES_PER_SIDE", "MAX_POSITION_CHARS", "SIDE_TITLES", "party_from_text",
           "party_problems", "side_from_text"]

# Real names with titles ("ศาสตราจารย์ ดร. ...", "พลเอก ...") stay well under 120 characters, and positions such as
# "รองนายกรัฐมนตรี ... รัฐมนตรีว่าการกระทรวง..." under 250; longer text is a pasted paragraph, not a name.
MAX_NAME_CHARS = 200
MAX_POSITION_CHARS = 400
MAX_PARTIES_PER_SIDE = 20  # a paper of 40 signature blocks is not an agreement anyone signs

SIDE_TITLES: dict[PartySide, tuple[str, str]] = {
    PartySide.RECIPIENT: ("ผู้รับคำรับรอง", "recipient"),
    PartySide.GIVER: ("ผู้ทำคำรับรอง", "giver"),
}
_SIDE_WORDS = {
    "ผู้รับคำรับรอง": PartySide.RECIPIENT, "ผู้รับ": PartySide.RECIPIENT, "recipient": PartySide.RECIPIENT,
    "ผู้ทำคำรับรอง": PartySide.GIVER, "ผู้ทำ": PartySide.GIVER, "ผู้ให้คำรับรอง": PartySide.GIVER,
    "giver": PartySide.GIVER,
}


def _clean(text: str) -> str:
    """Spaces and line breaks squashed; Thai text composed the one way (NFC) so the same name compares equal."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def side_from_text(text: str) -> PartySide | None:
    """The side a cell names (ผู้รับคำรับรอง, ผู้ทำคำรับรอง, recipient, giver), or None."""
    return _SIDE_WORDS.get(_clean(text).casefold().replace(" ", ""))


def party_from_text(side: PartySide, text: str) -> Party:
    """A person written as on the command line, ``ชื่อ|ตำแหน่ง`` (the position may be left out).

    Raises ValueError with a Thai / English message; `party_problems` checks the lengths."""
    name, bar, position = text.partition("|")
    if bar and "|" in position:
        raise ValueError(f"เขียนได้เพียง ชื่อ|ตำแหน่ง (มี | เกินหนึ่งตัว) ได้ '{text}' / "
                         f"write NAME|POSITION with one '|', got '{text}'")
    return Party(side, _clean(name), _clean(position))


def party_problems(parties: Sequence[Party], *, field: str | None = "parties") -> list[Problem]:
    """Why these parties cannot be stored: an empty name, a name or position too long, a control character,
    the same person twice on one side, too many on a side. An agreement may have no parties yet."""
    problems: list[Problem] = []
    seen: set[tuple[PartySide, str]] = set()
    counts: dict[PartySide, int] = {}
    for party in parties:
        side_th, side_en = SIDE_TITLES[party.side]
        counts[party.side] = counts.get(party.side, 0) + 1
        shown = party.name[:40] + ("…" if len(party.name) > 40 else "")
        if not party.name.strip():
            problems.append(Problem(th=f"{side_th}: ต้องมีชื่อ (ตำแหน่ง '{party.position}')",
                                    en=f"{side_en}: the name is empty (position '{party.position}')", field=field))
            continue
        if len(party.name) > MAX_NAME_CHARS:
            problems.append(Problem(
                th=f"{side_th}: ชื่อยาว {len(party.name):,} ตัวอักษร เกิน {MAX_NAME_CHARS} ('{shown}')",
                en=f"{side_en}: the name has {len(party.name):,} characters, more than {MAX_NAME_CHARS} ('{shown}')",
                field=field))
        if len(party.position) > MAX_POSITION_CHARS:
            problems.append(Problem(
                th=f"{side_th} '{shown}': ตำแหน่งยาว {len(party.position):,} ตัวอักษร เกิน {MAX_POSITION_CHARS}",
                en=f"{side_en} '{shown}': the position has {len(party.position):,} characters, more than "
                   f"{MAX_POSITION_CHARS}", field=field))
        if any(unicodedata.category(c) == "Cc" for c in party.name + party.position):
            problems.append(Problem(th=f"{side_th} '{shown}': มีอักขระควบคุมที่พิมพ์ไม่ได้",
                                    en=f"{side_en} '{shown}': contains a control character", field=field))
        key = (party.side, party.name.casefold())
        if key in seen:
            problems.append(Problem(th=f"{side_th} '{shown}' ซ้ำกัน", en=f"{side_en} '{shown}' is listed twice",
                                    field=field))
        seen.add(key)
    for side, count in counts.items():
        if count > MAX_PARTIES_PER_SIDE:
            side_th, side_en = SIDE_TITLES[side]
            problems.append(Problem(th=f"{side_th} มี {count} คน เกิน {MAX_PARTIES_PER_SIDE} คน",
                                    en=f"{count} {side_en}s, more than {MAX_PARTIES_PER_SIDE}", field=field))
    return problems
