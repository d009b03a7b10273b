"""Problems a person can fix: where it is, and what was expected, in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Problem:
    """One broken rule. `where` names the place (file, sheet, row, column, or agreement and indicator)."""

    th: str
    en: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    indicator: str | None = None
    # A warning imports as written (orphan codes, weights not summing to 100, ...); only a refusal stops an import.
    warning: bool = False

    def at(self, **where: object) -> Problem:
        """The same problem, placed more precisely (the importer adds file, sheet, row and column)."""
        return replace(self, **{k: v for k, v in where.items() if v is not None})

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.indicator:
            parts.append(f"indicator {self.indicator}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        text = f"{self.th} / {self.en}"
        return f"{where}: {text}" if where else text

    def as_refusal(self) -> Problem:
        """This warning as a refusal: what strict mode (`import --strict`, `strict_import`) makes of it."""
        return replace(self, warning=False)


class ProblemsError(Exception):
    """Raised when an operation is refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
