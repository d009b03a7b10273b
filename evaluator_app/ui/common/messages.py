"""Refusals shown to a person: the Thai and English text a ProblemsError carries, the interface language first."""

from __future__ import annotations

from ...domain.problems import Problem, ProblemsError
from .language import THAI, current_language


def problem_text(problem: Problem) -> str:
    first, second = (problem.th, problem.en) if current_language() == THAI else (problem.en, problem.th)
    return first if first == second else f"{first} / {second}"


def problems_text(error: ProblemsError, *, limit: int = 5) -> str:
    lines = [problem_text(p) for p in error.problems[:limit]]
    if len(error.problems) > limit:
        lines.append(f"… (+{len(error.problems) - limit})")
    return "\n".join(lines)


def bilingual(th: str, en: str) -> str:
    """A message of our own in both languages, the interface language first."""
    return f"{th} / {en}" if current_language() == THAI else f"{en} / {th}"
