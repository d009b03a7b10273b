"""A deterministic national workload: 300 agencies x 25 indicators, as a workbook a secretary would receive.

Realistic Thai names, both directions of indicator, milestones with level descriptions, and parents with
children. The same seed always gives the same bytes of data (the xlsx container itself carries a timestamp).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HEADERS = ["ส่วนราชการ", "ปีงบประมาณ", "มิติ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก",
           "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "เป้าหมาย", "ข้อมูลพื้นฐาน", "ประเภท",
           "ผลการดำเนินงาน", "รอบ", "คำอธิบาย"]

_PREFIXES = ["กรม", "สำนักงาน", "กรม", "สถาบัน", "กรม"]
_SUBJECTS = ["ส่งเสริมการเกษตร", "พัฒนาฝีมือแรงงาน", "สถิติแห่งชาติ", "ทรัพยากรน้ำ", "ควบคุมโรค", "การค้าภายใน",
             "ส่งเสริมสหกรณ์", "ป่าไม้", "ชลประทาน", "อุตุนิยมวิทยา", "พัฒนาชุมชน", "การจัดหางาน", "ศุลกากร",
             "สรรพากร", "ธนารักษ์", "บัญชีกลาง", "ทางหลวงชนบท", "เจ้าท่า", "ส่งเสริมการลงทุน", "ปศุสัตว์",
             "ประมง", "วิชาการเกษตร", "พัฒนาที่ดิน", "ทรัพยากรธรณี", "อนามัย", "สุขภาพจิต", "การแพทย์",
             "วิทยาศาสตร์บริการ", "ทรัพย์สินทางปัญญา", "พัฒนาธุรกิจการค้า"]
_REGIONS = ["", "ภาคเหนือ", "ภาคกลาง", "ภาคใต้", "ภาคตะวันออก", "ภาคตะวันออกเฉียงเหนือ", "ภาคตะวันตก",
            "เขต 1", "เขต 2", "เขต 3"]
_INCREASING = ["ร้อยละของผู้รับบริการที่พึงพอใจต่อการให้บริการ", "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณ",
               "จำนวนผู้ได้รับการพัฒนาทักษะตามมาตรฐาน", "ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามแผน",
               "ร้อยละของข้อมูลที่ได้รับการปรับปรุงให้เป็นปัจจุบัน", "มูลค่าการลงทุนที่ได้รับการส่งเสริม"]
_DECREASING = ["ระยะเวลาเฉลี่ยในการให้บริการ", "จำนวนเรื่องร้องเรียนที่ค้างดำเนินการ",
               "ร้อยละของค่าใช้จ่ายที่เกินประมาณการ", "จำนวนวันเฉลี่ยในการพิจารณาอนุมัติ"]
_MILESTONES = ["ระดับความสำเร็จของการพัฒนาระบบเทคโนโลยีดิจิทัล", "ระดับความสำเร็จของการจัดการความรู้",
               "ระดับความสำเร็จของการพัฒนาบุคลากร", "ระดับความสำเร็จของการบริหารความเสี่ยง"]
_STEPS = ["แต่งตั้งคณะทำงาน", "จัดทำแผนปฏิบัติการ", "ดำเนินการตามแผนร้อยละ 50", "ดำเนินการตามแผนครบถ้วน",
          "ประเมินผลและรายงานผู้บริหาร"]
_DIMENSIONS = ["ประสิทธิผล", "คุณภาพการให้บริการ", "ประสิทธิภาพของการปฏิบัติราชการ", "การพัฒนาองค์การ"]


@dataclass(frozen=True)
class Workload:
    agencies: int = 300
    indicators: int = 25  # rows per agency, parents included
    fiscal_year: int = 2569
    seed: int = 2569


NATIONAL = Workload()


def agency_names(count: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    for n in range(count):
        subject = _SUBJECTS[n % len(_SUBJECTS)]
        region = _REGIONS[(n // len(_SUBJECTS)) % len(_REGIONS)]
        names.append(f"{_PREFIXES[n % len(_PREFIXES)]}{subject}{(' ' + region) if region else ''}".strip())
    rng.shuffle(names)
    return names


def _weights(count: int, rng: random.Random) -> list[int]:
    """`count` whole weights of at least 2 that sum to 100."""
    cuts = sorted(rng.sample(range(1, 100 - 2 * count + 1), count - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 100 - 2 * count], strict=True)]
    return [p + 2 for p in parts]


def agreement_rows(workload: Workload = NATIONAL) -> list[list[object]]:
    """Every row of the national workbook, in order."""
    rng = random.Random(workload.seed)
    rows: list[list[object]] = []
    # 25 rows per agency: 5 parents with 2 children each (15 rows) and 10 stand-alone indicators.
    parents, singles = 5, workload.indicators - 15
    for agency in agency_names(workload.agencies, rng):
        tops = _weights(parents + singles, rng)
        code = 0
        for index, top_weight in enumerate(tops):
            code += 1
            dimension = _DIMENSIONS[index % len(_DIMENSIONS)]
            if index < parents and top_weight >= 4:
                first = top_weight // 2
                rows.append([agency, workload.fiscal_year, dimension, str(code), rng.choice(_INCREASING) + " (รวม)",
                             "ร้อยละ", top_weight, *[""] * 5, "", "", "", "", 12, ""])
                for child, weight in ((1, first), (2, top_weight - first)):
                    rows.append(_indicator_row(rng, agency, workload, dimension, f"{code}.{child}", weight))
            else:
                rows.append(_indicator_row(rng, agency, workload, dimension, str(code), top_weight))
    return rows


def _indicator_row(rng: random.Random, agency: str, workload: Workload, dimension: str, code: str,
                   weight: int) -> list[object]:
    kind = rng.random()
    if kind < 0.2:
        level = rng.randint(1, 5)
        return [agency, workload.fiscal_year, dimension, code, rng.choice(_MILESTONES), "ระดับความสำเร็จ", weight,
                *_STEPS, "ระดับ 3", "", "milestone", level, 12, "ขั้นตอนการดำเนินงาน 5 ระดับ"]
    if kind < 0.5:
        best = rng.randint(5, 30)
        step = rng.choice([1, 2, 5])
        thresholds = [best + step * (4 - k) for k in range(5)]
        result = Decimal(rng.randint(best * 10 - 20, thresholds[0] * 10 + 20)) / 10
        return [agency, workload.fiscal_year, dimension, code, rng.choice(_DECREASING), "วัน", weight,
                *thresholds, thresholds[2], thresholds[0] + step, "numeric", str(result), 12, "ยิ่งน้อยยิ่งดี"]
    low = rng.choice([60, 70, 75, 80, 85])
    step = rng.choice([2, 2.5, 5])
    thresholds = [low + step * k for k in range(5)]
    result = round(rng.uniform(low - 8, thresholds[-1] + 3), 2)
    return [agency, workload.fiscal_year, dimension, code, rng.choice(_INCREASING), "ร้อยละ", weight,
            *thresholds, thresholds[2], low - 3, "numeric", result, 12, ""]


def write_workbook(path: Path, workload: Workload = NATIONAL) -> Path:
    """The national workbook as Excel would save it (write-only mode keeps 7,500 rows quick)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("คำรับรอง")
    sheet.append([f"คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. {workload.fiscal_year}"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in agreement_rows(workload):
        sheet.append(row)
    book.save(path)
    return path
