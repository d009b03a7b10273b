"""Real-sized parties for tests: an agency name of 60-90 Thai characters and persons with long titles and
positions, as signed agreements name them."""

from __future__ import annotations

from evaluator_app.domain.agreement import Party, PartySide

# 85 characters: an office named with its ministry, as agreements print it.
LONG_AGENCY = "สำนักงานส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
RECIPIENT = Party(PartySide.RECIPIENT, "ศาสตราจารย์เกียรติคุณ ดร.นายแพทย์ประเสริฐศักดิ์ วงศ์วัฒนาพาณิชย์กุล",
                  "รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์")
GIVER = Party(PartySide.GIVER, "พลตำรวจเอก ดร.สมศักดิ์ศรี เจริญรุ่งเรืองกิจการ",
              "อธิบดีกรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการและผู้ด้อยโอกาส")
SECOND_GIVER = Party(PartySide.GIVER, "นางสาวพรรณนิภา ศรีสุขสวัสดิ์วัฒนา",
                     "รองอธิบดีกรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการและผู้ด้อยโอกาส รักษาราชการแทนอธิบดี")
PARTIES = (RECIPIENT, GIVER, SECOND_GIVER)


def cli_text(party: Party) -> str:
    """A party as the command line takes it."""
    return f"{party.name}|{party.position}"
