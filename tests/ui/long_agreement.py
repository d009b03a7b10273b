"""Real-sized data for the table's screen tests: an agency name of 60-90 Thai characters, indicator names of
100-200 characters, criteria in the millions, a parent with sub-indicators and a milestone."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.session import EVALUATOR_SETTING

T = Thresholds.of
EVALUATOR = "member1"

AGENCY = "สำนักงานคณะกรรมการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมแห่งชาติและการพัฒนาเศรษฐกิจฐานราก"

NAMES = (
    "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของส่วนราชการตามแผนการใช้จ่ายงบประมาณประจำปี"
    "ที่ได้รับความเห็นชอบจากสำนักงบประมาณและคณะรัฐมนตรี",
    "มูลค่าการจำหน่ายผลิตภัณฑ์ชุมชนและวิสาหกิจขนาดย่อมผ่านช่องทางการตลาดออนไลน์และออฟไลน์ที่หน่วยงาน"
    "ให้การส่งเสริมสนับสนุนในปีงบประมาณ พ.ศ. ๒๕๖๙ (บาท)",
    "จำนวนผู้ประกอบการรายใหม่ที่ได้รับการพัฒนาศักยภาพด้านการบริหารจัดการธุรกิจ การเงิน และนวัตกรรม"
    "จนสามารถเข้าถึงแหล่งเงินทุนของสถาบันการเงินของรัฐได้สำเร็จ",
    "ระยะเวลาเฉลี่ยในการพิจารณาคำขอรับการส่งเสริมและสนับสนุนจากกองทุนพัฒนาผู้ประกอบการวิสาหกิจ"
    "ขนาดกลางและขนาดย่อมนับจากวันที่ได้รับเอกสารครบถ้วน (วัน)",
    "ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูลวิสาหกิจขนาดกลางและขนาดย่อมแห่งชาติและการเชื่อมโยงข้อมูล"
    "กับหน่วยงานภาคีเครือข่ายภาครัฐและภาคเอกชนอย่างครบถ้วน",
    "ร้อยละความพึงพอใจของผู้รับบริการต่อการให้บริการของศูนย์ให้บริการผู้ประกอบการแบบเบ็ดเสร็จ"
    "ในส่วนภูมิภาคทุกจังหวัดทั่วประเทศ",
    "ร้อยละของข้อร้องเรียนของผู้รับบริการที่ได้รับการแก้ไขแล้วเสร็จภายในระยะเวลาที่กำหนดในคู่มือ"
    "การปฏิบัติงานของหน่วยงาน",
    "ระดับความสำเร็จของการขับเคลื่อนองค์การสู่ระบบราชการ ๔.๐ และการพัฒนาบุคลากรให้มีสมรรถนะ"
    "ด้านดิจิทัลตามกรอบที่สำนักงาน ก.พ. กำหนด",
)


def long_agreement() -> Agreement:
    millions = T(1_150_000, 1_200_000, 1_250_000, 1_300_000, 1_350_000)
    return Agreement(
        agency=AGENCY,
        fiscal_year=2569,
        framework_id="five-level-2560-onward",
        indicators=(
            Indicator("1", NAMES[0], D(15), T(80, 85, 90, 95, 100), dimension="ด้านประสิทธิผลตามพันธกิจหลัก",
                      unit="ร้อยละ"),
            Indicator("2", NAMES[1], D(25), None, dimension="ด้านประสิทธิผลตามพันธกิจหลัก", unit="บาท"),
            Indicator("2.1", NAMES[1] + " ส่วนกลาง", D(15), millions, dimension="ด้านประสิทธิผลตามพันธกิจหลัก",
                      unit="บาท"),
            Indicator("2.2", NAMES[1] + " ส่วนภูมิภาค", D(10), T(950_000, 1_000_000, 1_050_000, 1_100_000,
                                                                  1_150_000),
                      dimension="ด้านประสิทธิผลตามพันธกิจหลัก", unit="บาท"),
            Indicator("3", NAMES[2], D(10), T(1_000, 1_250, 1_500, 1_750, 2_000),
                      dimension="ด้านประสิทธิผลตามพันธกิจหลัก", unit="ราย"),
            Indicator("4", NAMES[3], D(10), T(45, 40, 35, 30, 25), dimension="ด้านคุณภาพการให้บริการ", unit="วัน"),
            Indicator("5", NAMES[4], D(10), T(1, 2, 3, 4, 5), kind=IndicatorKind.MILESTONE,
                      dimension="ด้านการพัฒนาองค์การ", unit="ระดับ",
                      level_descriptions=("แต่งตั้งคณะทำงาน", "จัดทำแผน", "ดำเนินการครึ่งหนึ่ง", "ครบถ้วน",
                                          "ประเมินผลและรายงาน")),
            Indicator("6", NAMES[5], D(10), T(70, 75, 80, 85, 90), dimension="ด้านคุณภาพการให้บริการ",
                      unit="ร้อยละ"),
            Indicator("7", NAMES[6], D(10), T(80, 85, 90, 95, 100), dimension="ด้านคุณภาพการให้บริการ",
                      unit="ร้อยละ"),
            Indicator("8", NAMES[7], D(10), T(1, 2, 3, 4, 5), kind=IndicatorKind.MILESTONE,
                      dimension="ด้านการพัฒนาองค์การ", unit="ระดับ"),
        ),
    )


def build_long_workspace(path: Path) -> tuple[Path, int]:
    """The long agreement with the agency's self-assessment of most indicators, and the evaluator chosen."""
    with Workspace.open(path) as workspace:
        stored = add_agreement(workspace, long_agreement(), actor="test")
        for code, result in (("1", "92.33333333333333"), ("2.1", "1287500"), ("2.2", "1012345.5"),
                             ("3", "1640"), ("4", "31"), ("5", "4"), ("6", "88.25")):
            record_rating(workspace, stored.id, Rating(code, 12, result=D(result)), actor="test")
        workspace.set_setting(EVALUATOR_SETTING, EVALUATOR)
    return path, stored.id
