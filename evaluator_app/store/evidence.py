"""Evidence files attached to an indicator: a content-addressed copy beside the workspace, with its hash kept."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..domain.problems import Problem, ProblemsError
from .audit import append_audit, utc_now
from .leftovers import temporary_beside
from .sqlite import inserted_id
from .workspace import Workspace

_CHUNK = 1 << 20


@dataclass(frozen=True)
class EvidenceFile:
    id: int
    agreement_id: int
    code: str
    evaluator: str
    file_name: str  # the name the person chose; the copy itself is named by its hash
    sha256: str
    size: int
    added_at: str  # UTC ISO-8601


class EvidenceState(StrEnum):
    OK = "ok"
    CHANGED = "changed"  # the copy no longer has the recorded hash: it was edited or damaged outside the app
    MISSING = "missing"


def evidence_folder(workspace: Workspace) -> Path:
    """`<workspace file>.evidence/`: travels with the workspace when both are copied together."""
    return workspace.path.with_name(workspace.path.name + ".evidence")


def evidence_path(workspace: Workspace, item: EvidenceFile) -> Path:
    return evidence_folder(workspace) / item.sha256


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_hashed(source: Path, folder: Path, workspace: Path | None = None) -> tuple[str, int]:
    """Copy `source` into `folder` under its sha256, hashing the bytes actually copied. The copy is made under the
    app's temporary name, recorded with `workspace`: a kill midway leaves a file the next open removes."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with temporary_beside(folder / "incoming", workspace) as temporary:
        with source.open("rb") as src, open(temporary, "xb") as dst:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        target = folder / digest.hexdigest()
        if not (target.exists() and file_sha256(target) == digest.hexdigest()):  # else the same content is kept
            os.replace(temporary, target)
    return digest.hexdigest(), size


def add_evidence(workspace: Workspace, agreement_id: int, code: str, evaluator: str, source: Path, *,
                 actor: str) -> EvidenceFile:
    """Copy a file into the evidence folder and record it: one transaction and one audit entry.

    The copy is made first; if recording fails, an unreferenced copy is left, never a row without its file.
    """
    source = Path(source)
    # A folder, a pipe (read waits forever) or a device (/dev/zero never ends) is no evidence: refused before any
    # copy is made, as the importer refuses them.
    if not stat.S_ISREG(source.stat().st_mode):
        # (the window names the file before the message)
        raise ProblemsError([Problem(th="ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ท่อ หรืออุปกรณ์) แนบเป็นหลักฐานไม่ได้",
                                     en="not a regular file (a folder, pipe or device): it cannot be attached as "
                                        "evidence")])
    sha256, size = _copy_hashed(source, evidence_folder(workspace), workspace.path)
    now = utc_now()
    with workspace.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO evidence (agreement_id, code, evaluator, file_name, sha256, size, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (agreement_id, code, evaluator, source.name, sha256, size, now))
        evidence_id = inserted_id(cursor)
        append_audit(conn, actor, "attach evidence", "evidence", f"{agreement_id}/{code}/{evaluator}", None,
                     {"id": evidence_id, "file_name": source.name, "sha256": sha256, "size": size})
    return EvidenceFile(evidence_id, agreement_id, code, evaluator, source.name, sha256, size, now)


def list_evidence(workspace: Workspace, agreement_id: int, code: str | None = None,
                  evaluator: str | None = None) -> list[EvidenceFile]:
    sql = ("SELECT id, agreement_id, code, evaluator, file_name, sha256, size, added_at FROM evidence "
           "WHERE agreement_id = ?")
    args: list[object] = [agreement_id]
    if code is not None:
        sql += " AND code = ?"
        args.append(code)
    if evaluator is not None:
        sql += " AND evaluator = ?"
        args.append(evaluator)
    rows = workspace.conn.execute(sql + " ORDER BY id", args).fetchall()
    return [EvidenceFile(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], int(r[6]), r[7]) for r in rows]


def evidence_state(workspace: Workspace, item: EvidenceFile) -> EvidenceState:
    path = evidence_path(workspace, item)
    if not path.is_file():
        return EvidenceState.MISSING
    if path.stat().st_size != item.size or file_sha256(path) != item.sha256:
        return EvidenceState.CHANGED
    return EvidenceState.OK


def remove_evidence(workspace: Workspace, evidence_id: int, *, actor: str) -> None:
    """Detach a file from its indicator. The copy stays in the folder: another indicator may share it,
    and an audit reader may still need to see what was attached."""
    row = workspace.conn.execute(
        "SELECT agreement_id, code, evaluator, file_name, sha256, size FROM evidence WHERE id = ?",
        (evidence_id,)).fetchone()
    if row is None:
        return
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
        append_audit(conn, actor, "detach evidence", "evidence", f"{row[0]}/{row[1]}/{row[2]}",
                     {"id": evidence_id, "file_name": row[3], "sha256": row[4], "size": row[5]}, None)


def export_copy(workspace: Workspace, item: EvidenceFile, folder: Path) -> Path:
    """A copy under the original file name, to open in the system viewer without touching the kept copy."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / item.file_name
    shutil.copyfile(evidence_path(workspace, item), target)
    return target
