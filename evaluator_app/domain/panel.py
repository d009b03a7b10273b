"""The independent evaluation panel (คณะผู้ประเมินอิสระ): members and roles, conflicts of interest, the declaration,
submission states and who signs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from .agreement import Agreement
from .problems import Problem
from .rating import SELF_ASSESSMENT


class Role(StrEnum):
    CHAIR = "chair"  # ประธานกรรมการ
    MEMBER = "member"  # กรรมการ
    SECRETARY = "secretary"  # กรรมการและเลขานุการ
    ASSISTANT_SECRETARY = "assistant-secretary"  # ผู้ช่วยเลขานุการ

    @property
    def title_th(self) -> str:
        return ROLE_TITLES_TH[self]

    @property
    def rates(self) -> bool:
        """The assistant secretary keeps the papers but is not a committee member, so does not rate."""
        return self is not Role.ASSISTANT_SECRETARY


ROLE_TITLES_TH = {
    Role.CHAIR: "ประธานกรรมการ",
    Role.MEMBER: "กรรมการ",
    Role.SECRETARY: "กรรมการและเลขานุการ",
    Role.ASSISTANT_SECRETARY: "ผู้ช่วยเลขานุการ",
}
# Signing order when members share no explicit order: the chair first, then members, the secretary last (§8).
ROLE_RANK = {Role.CHAIR: 0, Role.MEMBER: 1, Role.SECRETARY: 2, Role.ASSISTANT_SECRETARY: 3}


class ConflictType(StrEnum):
    FORMER_EMPLOYEE = "former-employee"  # เคยเป็นบุคลากรของส่วนราชการ
    RELATIVE = "relative"  # เป็นญาติกับผู้บริหารหรือผู้รับผิดชอบตัวชี้วัด
    FINANCIAL_INTEREST = "financial-interest"  # มีส่วนได้เสียทางการเงิน
    OTHER = "other"  # อื่น ๆ

    @property
    def title_th(self) -> str:
        return CONFLICT_TITLES_TH[self]


CONFLICT_TITLES_TH = {
    ConflictType.FORMER_EMPLOYEE: "เคยเป็นบุคลากรของส่วนราชการ",
    ConflictType.RELATIVE: "เป็นญาติกับผู้บริหารหรือผู้รับผิดชอบของส่วนราชการ",
    ConflictType.FINANCIAL_INTEREST: "มีส่วนได้เสียทางการเงิน",
    ConflictType.OTHER: "อื่น ๆ",
}


class AggregationRule(StrEnum):
    """How the panel figure of an indicator comes from its members' scores (stored with the cycle, §6)."""

    MEAN = "mean"
    MEDIAN = "median"
    CONSENSUS = "consensus"  # a value the chair enters with a reason


class SubmissionState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


DEFAULT_PANEL_NAME = "คณะผู้ประเมินอิสระ"

DEFAULT_DECLARATION = (
    "ข้าพเจ้าขอรับรองว่า ข้าพเจ้าได้ประเมินผลการปฏิบัติราชการตามคำรับรองนี้ด้วยความเป็นอิสระ "
    "ตามข้อเท็จจริงและหลักฐานที่ได้รับ ปราศจากส่วนได้เสียใด ๆ กับส่วนราชการที่ได้รับการประเมิน "
    "นอกจากที่ได้แจ้งไว้แล้ว และจะรักษาข้อมูลและผลการประเมินไว้เป็นความลับ "
    "จนกว่าคณะผู้ประเมินจะเปิดเผยอย่างเป็นทางการ\n"
    "I declare that I have evaluated this agreement independently, on the facts and evidence received, "
    "with no interest in the evaluated agency other than any I have declared, and that I will keep the "
    "information and the ratings confidential until the panel releases them officially."
)

# Short ASCII ids: they are the `ratings.evaluator` value, file names of keys, and are typed on the command line.
_MEMBER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
PUBLIC_KEY_BYTES = 32  # a raw Ed25519 public key
PANEL_EVALUATOR = "panel"  # the evaluator id of the panel's own figures; never a member's, never stored


def member_id_problem(member_id: str) -> Problem | None:
    """Why `member_id` cannot name a panel member, or None when it can."""
    if member_id in (SELF_ASSESSMENT, PANEL_EVALUATOR):
        return Problem(th=f"รหัส '{member_id}' สงวนไว้ใช้ในโปรแกรม เลือกรหัสอื่น",
                       en=f"the id '{member_id}' is reserved (self-assessment, panel figures); choose another",
                       field="id")
    if not _MEMBER_ID.match(member_id):
        return Problem(
            th=f"รหัสกรรมการต้องเป็นอักษรภาษาอังกฤษหรือตัวเลข ไม่เกิน 32 ตัว ได้ '{member_id}'",
            en=f"a member id is 1-32 ASCII letters, digits, '.', '_' or '-', got '{member_id}'", field="id")
    return None


def key_fingerprint(public_key: bytes) -> str:
    """A short fingerprint people can read aloud and compare: 20 hex digits in groups of four.

    80 bits of SHA-256 is far beyond what anyone could forge to match by trial, yet short enough to say in a meeting.
    """
    digest = hashlib.sha256(public_key).hexdigest()[:20]
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class PanelMember:
    id: str
    name: str
    role: Role
    position: str = ""
    order: int = 0  # the signing order on the report; 0 lets the role decide
    public_key: bytes | None = None  # raw Ed25519 public key, recorded by the secretary

    @property
    def fingerprint(self) -> str | None:
        return None if self.public_key is None else key_fingerprint(self.public_key)

    @property
    def title_th(self) -> str:
        return self.role.title_th


@dataclass(frozen=True)
class ConflictOfInterest:
    """A member's declared interest in an agency: they neither count in nor see its evaluation."""

    member_id: str
    agency: str
    type: ConflictType
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("a conflict of interest needs a reason / ต้องระบุเหตุผลของการมีส่วนได้เสีย")


@dataclass(frozen=True)
class Signatory:
    """One signature line of the evaluation report: name, position and the panel title."""

    member_id: str
    name: str
    position: str
    title_th: str


@dataclass(frozen=True)
class Panel:
    id: str  # a uuid: every package names the panel it belongs to
    name: str
    rule: AggregationRule = AggregationRule.MEAN
    members: tuple[PanelMember, ...] = ()
    conflicts: tuple[ConflictOfInterest, ...] = ()
    declaration: str = DEFAULT_DECLARATION

    def member(self, member_id: str) -> PanelMember:
        for item in self.members:
            if item.id == member_id:
                return item
        raise KeyError(member_id)

    def has_member(self, member_id: str) -> bool:
        return any(m.id == member_id for m in self.members)

    @property
    def chair(self) -> PanelMember | None:
        return next((m for m in self.members if m.role is Role.CHAIR), None)

    def in_signing_order(self) -> tuple[PanelMember, ...]:
        # An explicit order wins; members without one follow by role, so a new panel signs in the usual order.
        return tuple(sorted(self.members, key=lambda m: (m.order or 10_000, ROLE_RANK[m.role], m.id)))

    def conflict(self, member_id: str, agency: str) -> ConflictOfInterest | None:
        for item in self.conflicts:
            if item.member_id == member_id and item.agency == agency:
                return item
        return None

    def conflicts_for(self, agency: str) -> tuple[ConflictOfInterest, ...]:
        return tuple(c for c in self.conflicts if c.agency == agency)

    def raters_for(self, agency: str) -> tuple[PanelMember, ...]:
        """The members whose ratings count in this agency's aggregate, in signing order."""
        return tuple(m for m in self.in_signing_order() if m.role.rates and self.conflict(m.id, agency) is None)

    def signatories_for(self, agreement: Agreement) -> tuple[Signatory, ...]:
        """Who signs this agreement's evaluation report: every member without a conflict with its agency."""
        return tuple(
            Signatory(m.id, m.name, m.position, m.title_th)
            for m in self.in_signing_order()
            if self.conflict(m.id, agreement.agency) is None
        )

    def visible_evaluators(self, viewer: str, agency: str, evaluators: set[str] | list[str] | tuple[str, ...]
                           ) -> tuple[str, ...]:
        """Whose ratings of this agency `viewer` may see: only their own (and the agency's self-assessment)
        when they declared a conflict with it, everyone's otherwise."""
        if self.conflict(viewer, agency) is None:
            return tuple(sorted(evaluators))
        return tuple(e for e in sorted(evaluators) if e in (viewer, SELF_ASSESSMENT))


def chair_problem(panel: Panel, by: str, action_th: str, action_en: str) -> Problem | None:
    """Why `by` may not take a chair's decision (reopen, finalise, consensus), or None when they may."""
    chair = panel.chair
    if chair is None:
        return Problem(th=f"ยังไม่ได้กำหนดประธานกรรมการ จึง{action_th}ไม่ได้",
                       en=f"the panel has no chair yet, so nobody can {action_en}")
    if by != chair.id:
        return Problem(th=f"เฉพาะประธานกรรมการ ({chair.id}) เท่านั้นที่{action_th}ได้ ไม่ใช่ '{by}'",
                       en=f"only the chair ({chair.id}) can {action_en}, not '{by}'")
    return None


def panel_problems(panel: Panel) -> list[Problem]:
    """Broken rules of a panel's make-up: ids, one chair, one secretary, conflicts naming members."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for member in panel.members:
        problem = member_id_problem(member.id)
        if problem is not None:
            problems.append(problem)
        if member.id in seen:
            problems.append(Problem(th=f"รหัสกรรมการ {member.id} ซ้ำกัน", en=f"member id {member.id} is used twice",
                                    field="id"))
        seen.add(member.id)
        if member.public_key is not None and len(member.public_key) != PUBLIC_KEY_BYTES:
            problems.append(Problem(
                th=f"กุญแจสาธารณะของ {member.id} ไม่ใช่กุญแจ Ed25519",
                en=f"the public key of {member.id} is not an Ed25519 key ({len(member.public_key)} bytes)",
                field="public_key"))
    for role in (Role.CHAIR, Role.SECRETARY):
        holders = [m.id for m in panel.members if m.role is role]
        if len(holders) > 1:
            problems.append(Problem(
                th=f"คณะผู้ประเมินมี{role.title_th}ได้คนเดียว แต่มี {', '.join(holders)}",
                en=f"a panel has one {role.value}, got {', '.join(holders)}", field="role"))
    keys = [m.public_key for m in panel.members if m.public_key is not None]
    if len(keys) != len(set(keys)):
        problems.append(Problem(th="กรรมการสองคนใช้กุญแจสาธารณะเดียวกัน",
                                en="two members share one public key", field="public_key"))
    for conflict in panel.conflicts:
        if conflict.member_id not in seen:
            problems.append(Problem(
                th=f"ไม่มีกรรมการรหัส {conflict.member_id} ในคณะผู้ประเมิน",
                en=f"no member {conflict.member_id} on the panel", field="member"))
    return problems
