"""Workspaces for report tests: agreements with results, a panel with a conflicted member, awkward roundings."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from evaluator_app.domain.agreement import Agreement, Indicator, Party, PartySide
from evaluator_app.domain.panel import ConflictOfInterest, ConflictType, PanelMember, Role
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.panel import declare_conflict, save_member
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement

T = Thresholds.of
SELF = {"1": "92", "2": "15", "3": "5", "4": "78.75"}
MEMBERS = {
    "chair": {"1": "92", "2": "15", "3": "4", "4": "80"},
    "m1": {"1": "95", "2": "16", "3": "4", "4": "85"},
    "m2": {"1": "90", "2": "15", "3": "5", "4": "80"},
    "m3": {"1": "100", "2": "12", "3": "5", "4": "90"},  # conflicted with the agency: must not count or sign
    "sec": {"1": "92", "2": "17", "3": "4", "4": "82"},
}
PANEL = (
    PanelMember("chair", "ศาสตราจารย์สมชาย ใจดี", Role.CHAIR, "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ", order=1),
    PanelMember("m1", "นางสาวปิยะนุช ศรีสุข", Role.MEMBER, "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน", order=2),
    PanelMember("m2", "นายวิชัย ตั้งมั่น", Role.MEMBER, "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ", order=3),
    PanelMember("m3", "นายขัดแย้ง มีส่วนได้", Role.MEMBER, "อดีตรองอธิบดี", order=4),
    PanelMember("sec", "นางน้ำฝน ปิ่นทอง", Role.SECRETARY, "นักวิชาการคอมพิวเตอร์ชำนาญการ", order=5),
    PanelMember("asst", "นายปรีชา ฟื้นฟู", Role.ASSISTANT_SECRETARY, "เจ้าหน้าที่ระบบงานคอมพิวเตอร์", order=6),
)
CONFLICTED = "นายขัดแย้ง มีส่วนได้"
ADJUST_REASON = "ส่งรายงานล่าช้ากว่ากำหนด 2 สัปดาห์"


def rate(workspace: Workspace, agreement_id: int, results: dict[str, str], evaluator: str = "self",
         round_: int = 12, comment: dict[str, str] | None = None) -> None:
    for code, result in results.items():
        record_rating(workspace, agreement_id, Rating(code, round_, evaluator, result=D(result),
                                                      comment=(comment or {}).get(code)), actor=evaluator)


def accept_all(workspace: Workspace, agreement_id: int, round_: int = 12) -> None:
    """The committee accepts every reported result not yet confirmed (the verifying model's explicit act)."""
    accept_reported(workspace, agreement_id, round_, None, actor="sec")


def self_assessed(workspace: Workspace, agency: str = "กรมตัวอย่าง", year: int = 2569,
                  adjust: bool = True, accept: bool = True) -> int:
    """§9's example with the agency's results; the committee adjusted indicator 1 to 3.2 with a reason and
    accepted the others as reported (`accept=False`: nothing confirmed yet)."""
    stored = add_agreement(workspace, example_agreement(agency, year), actor="sec")
    rate(workspace, stored.id, SELF)
    if adjust:
        record_rating(workspace, stored.id, Rating("1", 12, result=D("92"), adjusted_score=D("3.2"),
                                                   adjust_reason=ADJUST_REASON), actor="sec")
    if accept:
        accept_all(workspace, stored.id)
    return stored.id


def with_panel(workspace: Workspace, agreement_id: int, agency: str = "กรมตัวอย่าง") -> None:
    for member in PANEL:
        save_member(workspace, member, actor="sec")
    declare_conflict(workspace, ConflictOfInterest("m3", agency, ConflictType.FORMER_EMPLOYEE,
                                                   "เคยดำรงตำแหน่งรองอธิบดีของส่วนราชการนี้"), actor="sec")
    for member, results in MEMBERS.items():
        comment = {"2": "ควรปรับปรุงระบบคิวให้ลดระยะเวลารอคอยต่อเนื่อง"} if member == "m1" else None
        rate(workspace, agreement_id, results, member, comment=comment)


def long_agreement(agency: str = "สำนักงานทดสอบรายงานยาว", count: int = 30) -> Agreement:
    """Many long-named indicators over three dimensions: the table runs over several pages."""
    names = (
        "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อคุณภาพการให้บริการของส่วนราชการในภาพรวมทุกช่องทาง",
        "ระดับความสำเร็จของการพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อสนับสนุนการตัดสินใจของผู้บริหาร",
        "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายภาพรวมเทียบกับแผนการใช้จ่ายงบประมาณที่ได้รับอนุมัติ",
    )
    dims = ("ประสิทธิผล", "คุณภาพการให้บริการ", "การพัฒนาองค์การ")
    base = D(100) / count
    weights = [base.quantize(D("0.01")) for _ in range(count)]
    weights[-1] += D(100) - sum(weights)
    indicators = tuple(
        Indicator(str(n + 1), f"{names[n % 3]} (ตัวที่ {n + 1})", weights[n], T(60, 70, 80, 90, 100),
                  dimension=dims[n * 3 // count], unit="ร้อยละ")
        for n in range(count))
    return Agreement(agency, 2569, indicators, framework_id="five-level-2560-onward",
                     parties=(Party(PartySide.RECIPIENT, "นายรับ คำรับรอง", "ปลัดกระทรวง"),
                              Party(PartySide.GIVER, "นางให้ คำรับรอง", "อธิบดี")))


def awkward_agreement(agency: str = "กรมปัดเศษ") -> Agreement:
    """Scores 2 + 1/22 and thirds at weights that make every weighted score need rounding."""
    return Agreement(agency, 2569, (
        Indicator("1", "ตัวชี้วัดสองจุดศูนย์สี่ห้า", D(10), T(0, 22, 44, 66, 88), dimension="มิติก"),
        Indicator("2", "ตัวชี้วัดหนึ่งในสาม", D(30), T(0, 3, 6, 9, 12), dimension="มิติก"),
        Indicator("3", "ตัวชี้วัดสองในสาม", D(30), T(0, 3, 6, 9, 12), dimension="มิติข"),
        Indicator("4", "ตัวชี้วัดแม่", D(30), dimension="มิติข"),
        Indicator("4.1", "ตัวชี้วัดย่อยที่หนึ่ง", D(20), T(0, 7, 14, 21, 28), dimension="มิติข"),
        Indicator("4.2", "ตัวชี้วัดย่อยที่สอง", D(10), T(0, 7, 14, 21, 28), dimension="มิติข"),
    ), framework_id="five-level-2560-onward")


AWKWARD_RESULTS = {"1": "23", "2": "4", "3": "5", "4.1": "8", "4.2": "16"}


def small_agreement(agency: str, year: int = 2569) -> Agreement:
    return Agreement(agency, year, (Indicator("1", "ร้อยละความสำเร็จของงาน", D(100), T(80, 85, 90, 95, 100),
                                              dimension="ประสิทธิผล"),), framework_id="five-level-2560-onward")


# Real agreements: agencies of 60-90 characters, indicators of 100-200, criteria in the thousands with decimals,
# results as Excel stores them.
REAL_AGENCY = "สำนักงานคณะกรรมการพัฒนาระบบราชการและการบริหารจัดการภาครัฐเพื่อประสิทธิผลของการให้บริการประชาชน"
REAL_NAMES = (
    "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อคุณภาพการให้บริการของส่วนราชการในภาพรวมทุกช่องทาง "
    "รวมถึงช่องทางอิเล็กทรอนิกส์และศูนย์บริการแบบเบ็ดเสร็จ ณ จุดเดียว",
    "ระดับความสำเร็จของการพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อสนับสนุนการตัดสินใจของผู้บริหาร "
    "และการเชื่อมโยงข้อมูลระหว่างหน่วยงานภาครัฐตามนโยบายรัฐบาลดิจิทัล พ.ศ. 2569",
    "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายภาพรวมเทียบกับแผนการใช้จ่ายงบประมาณที่ได้รับอนุมัติ "
    "ตามมติคณะรัฐมนตรีเพื่อเพิ่มประสิทธิภาพและประสิทธิผลของการบริหารงบประมาณ",
    "จำนวนเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จภายในระยะเวลาที่กำหนดตามมาตรฐานการให้บริการ "
    "ของส่วนราชการ",
)
WIDE_CRITERIA = (D("1150.40"), D("1176.87"), D("1203.33"), D("1229.80"), D("1256.27"))


def real_agreement(count: int = 10, agency: str = REAL_AGENCY, wide: bool = True) -> Agreement:
    """``count`` indicators with long names over two dimensions; every other one with criteria in the thousands."""
    weights = [D(100) / count] * count
    weights = [w.quantize(D("0.01")) for w in weights]
    weights[-1] += D(100) - sum(weights)
    dims = ("ด้านประสิทธิผลตามพันธกิจ", "ด้านคุณภาพการให้บริการและการพัฒนาองค์การ")
    indicators = []
    for n in range(count):
        thresholds = T(*WIDE_CRITERIA) if wide and n % 2 else T(80, 85, 90, 95, 100)
        indicators.append(Indicator(str(n + 1), REAL_NAMES[n % len(REAL_NAMES)], weights[n], thresholds,
                                    dimension=dims[n * 2 // count], unit="ร้อยละ" if n % 2 == 0 else "ล้านบาท",
                                    target="8000" if n % 2 else "ร้อยละ 90"))
    return Agreement(agency, 2569, tuple(indicators), framework_id="five-level-2560-onward",
                     parties=(Party(PartySide.RECIPIENT, "นายรับ คำรับรอง", "ปลัดกระทรวง"),
                              Party(PartySide.GIVER, "นางให้ คำรับรอง", "อธิบดี")))


def real_results(count: int = 10, wide: bool = True) -> dict[str, str]:
    """Results as Excel stores them: =277/3 and figures in the thousands."""
    return {str(n + 1): ("1259.86" if wide and n % 2 else "92.33333333333333") for n in range(count)}


# Banded criteria; criteria and results in the millions (with the percent cells); the longest Thai names.
AWKWARD_CORPUS = ("06_department_2564_banded.xlsx", "11_finance_2567_percent_cells_millions.xlsx",
                  "15_regional_2562_long_names.xlsx")


def awkward_pages_workspace(path: Path) -> list[int]:
    """A workspace of agreements chosen for their awkward pages, for tests that draw reports two ways and compare
    them: the corpus files above, a table that runs over pages, criteria in the thousands; their ids."""
    from tests.corpus import CORPUS_DIR, import_into

    for name in AWKWARD_CORPUS:
        import_into(path, CORPUS_DIR / name)
    with Workspace.open(path) as workspace:
        ids = [row[0] for row in workspace.conn.execute("SELECT id FROM agreements ORDER BY id")]
        long = add_agreement(workspace, long_agreement(count=40), actor="sec")  # the table runs over pages
        rate(workspace, long.id, {str(n): str(55 + n) for n in range(1, 41)})
        real = add_agreement(workspace, real_agreement(10), actor="sec")  # criteria in the thousands
        rate(workspace, real.id, real_results(10))
    return [*ids, long.id, real.id]
