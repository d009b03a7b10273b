<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>About</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/about.py" line="17"/>
        <source>Scoring yearly performance agreements for the independent evaluation committees of Thai government agencies.</source>
        <translation>ประเมินผลคำรับรองการปฏิบัติราชการประจำปี สำหรับคณะผู้ประเมินอิสระของส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/about.py" line="20"/>
        <source>The app&apos;s code is under the MIT licence.</source>
        <translation>ซอร์สโค้ดของโปรแกรมใช้สัญญาอนุญาต MIT</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/about.py" line="21"/>
        <source>Font: Sarabun, © The Sarabun Project Authors, under the SIL Open Font License 1.1:</source>
        <translation>แบบอักษร: Sarabun © The Sarabun Project Authors ใช้สัญญาอนุญาต SIL Open Font License 1.1:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/about.py" line="23"/>
        <source>Qt {0} and Qt for Python (PySide6) {1}, under the GNU LGPL version 3.</source>
        <translation>Qt {0} และ Qt for Python (PySide6) {1} ใช้สัญญาอนุญาต GNU LGPL รุ่น 3</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/about.py" line="32"/>
        <source>About evaluator-app</source>
        <translation>เกี่ยวกับโปรแกรม evaluator-app</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="96"/>
        <source>Agreements by fiscal year</source>
        <translation>คำรับรองตามปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="97"/>
        <source>Indicators and results</source>
        <translation>ตัวชี้วัดและผลการประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="98"/>
        <source>Details of the indicator</source>
        <translation>รายละเอียดตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="99"/>
        <source>Indicators of the version on screen</source>
        <translation>ตัวชี้วัดของฉบับที่แสดง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="100"/>
        <source>Scores of every member of the panel</source>
        <translation>คะแนนของกรรมการทุกคนในคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="101"/>
        <source>History of the chosen score</source>
        <translation>ประวัติของคะแนนที่เลือก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="102"/>
        <source>Pages of the paper</source>
        <translation>หน้าของเอกสาร</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="103"/>
        <source>Conflicting edits</source>
        <translation>รายการแก้ไขที่ขัดกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/accessibility.py" line="104"/>
        <source>Problems found</source>
        <translation>ปัญหาที่พบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_names.py" line="15"/>
        <source>empty</source>
        <translation>ว่าง</translation>
    </message>
</context>
<context>
    <name>AdjustScoreDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="20"/>
        <source>Adjust score of indicator {0}</source>
        <translation>ปรับคะแนนตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="29"/>
        <source>Why the committee sets this score (required)</source>
        <translation>เหตุผลที่คณะกรรมการกำหนดคะแนนนี้ (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="34"/>
        <source>Score from the result:</source>
        <translation>คะแนนจากผลการดำเนินงาน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="35"/>
        <source>Adjusted &amp;score:</source>
        <translation>คะแนนที่&amp;ปรับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="36"/>
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="39"/>
        <source>Remove adjustment</source>
        <translation>ยกเลิกการปรับคะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="50"/>
        <source>Type the adjusted score.</source>
        <translation>พิมพ์คะแนนที่ปรับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/adjust_dialog.py" line="53"/>
        <source>An adjusted score needs a reason.</source>
        <translation>คะแนนที่ปรับต้องระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="411"/>
        <source>Basic</source>
        <translation>ขั้นต้น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="411"/>
        <source>Standard</source>
        <translation>มาตรฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="411"/>
        <source>Advanced</source>
        <translation>ขั้นสูง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="412"/>
        <source>Criteria</source>
        <translation>เกณฑ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="415"/>
        <source>Evaluator</source>
        <translation>ผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="415"/>
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="416"/>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="416"/>
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="417"/>
        <source>Weighted</source>
        <translation>ถ่วงน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="418"/>
        <source>Code</source>
        <translation>ที่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="418"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="418"/>
        <source>Unit</source>
        <translation>หน่วยวัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="419"/>
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="424"/>
        <source>The agency&apos;s self-assessment report (SAR)</source>
        <translation>รายงานการประเมินตนเองของส่วนราชการ (SAR)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="426"/>
        <source>Your own rating as evaluator {0}</source>
        <translation>ผลการประเมินของท่านในฐานะผู้ประเมิน {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="428"/>
        <source>Criteria level {0}</source>
        <translation>เกณฑ์การให้คะแนนระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="127"/>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="174"/>
        <source>Indicators</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="127"/>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="174"/>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="556"/>
        <source>Not counted in the {0}-month round</source>
        <translation>ไม่นับในรอบ {0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="562"/>
        <source>Adjusted by the committee (score from the result: {0}). Reason: {1}</source>
        <translation>คณะกรรมการปรับคะแนน (คะแนนจากผลการดำเนินงาน: {0}) เหตุผล: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="575"/>
        <source>Kept as typed despite the warning:</source>
        <translation>บันทึกตามที่พิมพ์ แม้มีคำเตือน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="579"/>
        <source>Type the level reached, 0 to {0}, then Enter</source>
        <translation>พิมพ์ระดับที่ทำได้ 0 ถึง {0} แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="580"/>
        <source>Type the result, then Enter</source>
        <translation>พิมพ์ผลการดำเนินงาน แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="656"/>
        <source>Result of indicator {0}</source>
        <translation>ผลตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="657"/>
        <source>Self-assessed result of indicator {0}</source>
        <translation>ผลประเมินตนเองตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="700"/>
        <source>Remove adjusted score of indicator {0}</source>
        <translation>ยกเลิกคะแนนที่ปรับของตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="702"/>
        <source>Adjusted score of indicator {0}: {1}</source>
        <translation>ปรับคะแนนตัวชี้วัด {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="568"/>
        <source>Accepted by the committee as reported ({0}, {1})</source>
        <translation>คณะกรรมการรับรองผลตามที่รายงานแล้ว ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_model.py" line="570"/>
        <source>Changed since the committee accepted {0}: to be accepted again</source>
        <translation>แก้ไขหลังคณะกรรมการรับรองผล {0} ต้องรับรองใหม่</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="219"/>
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="236"/>
        <source>Choose an agreement in the list on the left.</source>
        <translation>เลือกคำรับรองจากรายการทางซ้าย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="240"/>
        <source>fiscal year {0}</source>
        <translation>ปีงบประมาณ พ.ศ. {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="241"/>
        <source>version {0}</source>
        <translation>ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="254"/>
        <source>Evaluator {0}</source>
        <translation>ผู้ประเมิน {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="256"/>
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="265"/>
        <source>incomplete: {0} of {1} indicators have no result yet</source>
        <translation>ยังไม่ครบ: ยังไม่มีผล {0} จาก {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="269"/>
        <source>eligible (at least {0})</source>
        <translation>ผ่านเกณฑ์ได้รับสิ่งจูงใจ (ตั้งแต่ {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="272"/>
        <source>not eligible (below {0})</source>
        <translation>ไม่ผ่านเกณฑ์ (ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="274"/>
        <source>(over weight {0})</source>
        <translation>(จากน้ำหนักที่นับ {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="303"/>
        <source>&amp;Round:</source>
        <translation>&amp;รอบ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="305"/>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="306"/>
        <source>Dismiss</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="307"/>
        <source>All self-assessment columns</source>
        <translation>คอลัมน์ประเมินตนเองทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="308"/>
        <source>Show the self-assessment&apos;s weighted column too, or only its result and score (narrow screens)</source>
        <translation>แสดงคอลัมน์ถ่วงน้ำหนักของผลประเมินตนเองด้วย หรือแสดงเฉพาะผลและคะแนน (สำหรับจอแคบ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/agreement_panel.py" line="310"/>
        <source>Reporting round in months, as the framework allows (Ctrl+6, Ctrl+9, Ctrl+2)</source>
        <translation>รอบการประเมิน (เดือน) ตามที่กรอบการประเมินกำหนด (Ctrl+6, Ctrl+9, Ctrl+2)</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="46"/>
        <source>on opening</source>
        <translation>เมื่อเปิดไฟล์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="47"/>
        <source>before an upgrade of the file</source>
        <translation>ก่อนปรับรุ่นไฟล์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="48"/>
        <source>after changes</source>
        <translation>หลังมีการแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="49"/>
        <source>backed up by hand</source>
        <translation>สั่งสำรองเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="50"/>
        <source>before a restore</source>
        <translation>ก่อนกู้คืน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="54"/>
        <source>Taken</source>
        <translation>เวลาที่สำรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="54"/>
        <source>Why</source>
        <translation>เหตุที่สำรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="54"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="55"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="64"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="213"/>
        <source>Folder for the reports</source>
        <translation>โฟลเดอร์สำหรับรายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="217"/>
        <source>One combined PDF</source>
        <translation>PDF รวมเล่มไฟล์เดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="224"/>
        <source>{0} agreement(s) of this fiscal year</source>
        <translation>คำรับรอง {0} ฉบับในปีงบประมาณนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="230"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="230"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="273"/>
        <source>Printing {0} report(s)…</source>
        <translation>กำลังพิมพ์รายงาน {0} ฉบับ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="309"/>
        <source>{0} of {1} report(s) done…</source>
        <translation>เสร็จแล้ว {0} จาก {1} ฉบับ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="314"/>
        <source>Cancelling after the report in hand…</source>
        <translation>กำลังยกเลิกหลังรายงานฉบับที่ทำอยู่…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="324"/>
        <source>Cancelled after {0} of {1}: {2} report(s) written.</source>
        <translation>ยกเลิกแล้วหลังจาก {0} จาก {1} ฉบับ: เขียนรายงานแล้ว {2} ฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="327"/>
        <source>The combined PDF is not written when cancelled.</source>
        <translation>เมื่อยกเลิก จะไม่เขียน PDF รวมเล่ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="329"/>
        <source>Done: {0} report(s) in one PDF, {1}.</source>
        <translation>เสร็จแล้ว: รายงาน {0} ฉบับใน PDF เดียว {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="331"/>
        <source>Done: {0} report(s) written to {1}.</source>
        <translation>เสร็จแล้ว: เขียนรายงาน {0} ฉบับไว้ที่ {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="337"/>
        <source>{0} could not be made (listed below).</source>
        <translation>จัดทำไม่ได้ {0} ฉบับ (ดูรายการด้านล่าง)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="346"/>
        <source>The batch stopped: {0}</source>
        <translation>การพิมพ์ชุดหยุดลง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="364"/>
        <source>Batch print</source>
        <translation>พิมพ์ทั้งชุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="365"/>
        <source>&amp;Fiscal year:</source>
        <translation>ปี&amp;งบประมาณ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="366"/>
        <source>&amp;Round:</source>
        <translation>&amp;รอบ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="368"/>
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="369"/>
        <source>A &amp;folder, one PDF per agreement</source>
        <translation>&amp;โฟลเดอร์ หนึ่ง PDF ต่อคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="370"/>
        <source>One &amp;combined PDF</source>
        <translation>PDF &amp;รวมเล่มไฟล์เดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="371"/>
        <source>&amp;Save to:</source>
        <translation>&amp;บันทึกที่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="372"/>
        <source>C&amp;hoose…</source>
        <translation>เ&amp;ลือก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="373"/>
        <source>&amp;Drafts (nothing is issued)</source>
        <translation>ฉบับ&amp;ร่าง (ไม่ออกรายงาน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="374"/>
        <source>&amp;Print all</source>
        <translation>&amp;พิมพ์ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="244"/>
        <source>Checking which reports can be issued…</source>
        <translation>กำลังตรวจว่ารายงานใดออกได้…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="294"/>
        <source>No report of this selection can be issued (listed below); print drafts instead.</source>
        <translation>ไม่มีรายงานใดในชุดนี้ที่ออกได้ (ตามรายการด้านล่าง) พิมพ์เป็นฉบับร่างแทนได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="298"/>
        <source>Some reports cannot be issued</source>
        <translation>มีรายงานที่ยังออกไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="299"/>
        <source>{0} report(s) cannot be issued yet and will be skipped:

{1}

Issue the other {2}?</source>
        <translation>รายงาน {0} ฉบับยังออกไม่ได้และจะข้ามไป:

{1}

ออกรายงานอีก {2} ฉบับที่เหลือหรือไม่?</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="302"/>
        <source>Nothing printed.</source>
        <translation>ไม่ได้พิมพ์รายงานใด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_batch.py" line="335"/>
        <source>{0} skipped: they cannot be issued yet (listed below).</source>
        <translation>ข้ามไป {0} ฉบับ เพราะยังออกรายงานไม่ได้ (ตามรายการด้านล่าง)</translation>
    </message>
</context>
<context>
    <name>CellEditing</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="142"/>
        <source>beyond the end of the table</source>
        <translation>เลยแถวสุดท้ายของตาราง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="154"/>
        <source>one column of results at a time: the self-assessment&apos;s and yours are pasted separately</source>
        <translation>วางได้ทีละคอลัมน์ผล: ผลประเมินตนเองและผลของท่านต้องวางแยกกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="159"/>
        <source>not a number: &apos;{0}&apos;</source>
        <translation>ไม่ใช่ตัวเลข: &apos;{0}&apos;</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="189"/>
        <source>Paste {0} result(s)</source>
        <translation>วางผล {0} รายการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="204"/>
        <source>the workspace is read-only</source>
        <translation>พื้นที่ทำงานนี้เปิดแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="206"/>
        <source>not a result column</source>
        <translation>ไม่ใช่คอลัมน์ผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="208"/>
        <source>a heading or total row, not an indicator</source>
        <translation>แถวหัวข้อหรือแถวรวม ไม่ใช่ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="210"/>
        <source>scored through its sub-indicators</source>
        <translation>คิดคะแนนจากตัวชี้วัดย่อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="212"/>
        <source>not counted in the {0}-month round</source>
        <translation>ไม่นับในรอบ {0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="213"/>
        <source>this indicator has no criteria to score against</source>
        <translation>ตัวชี้วัดนี้ไม่มีเกณฑ์ให้คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="217"/>
        <source>Pasted {0} result(s).</source>
        <translation>วางผลแล้ว {0} รายการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="219"/>
        <source>Pasted with a warning, indicator {0}: {1}</source>
        <translation>วางแล้วแม้มีคำเตือน ตัวชี้วัด {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="221"/>
        <source>Not pasted ({0}):</source>
        <translation>วางไม่ได้ ({0} ช่อง):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="226"/>
        <source>line {0}, column {1}</source>
        <translation>บรรทัด {0} คอลัมน์ {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="227"/>
        <source>line {0}</source>
        <translation>บรรทัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="229"/>
        <source>(indicator {0})</source>
        <translation>(ตัวชี้วัด {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="232"/>
        <source>… and {0} more</source>
        <translation>… และอีก {0} รายการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/cell_editing.py" line="252"/>
        <source>Clear {0} result(s)</source>
        <translation>ล้างผล {0} รายการ</translation>
    </message>
</context>
<context>
    <name>CellHistory</name>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="50"/>
        <source>result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="51"/>
        <source>adjusted score</source>
        <translation>คะแนนที่ปรับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="52"/>
        <source>reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="53"/>
        <source>comment</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="70"/>
        <source>private note</source>
        <translation>บันทึกส่วนตัว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="74"/>
        <source>(from the member&apos;s package, imported by {0})</source>
        <translation>(จากชุดผลการประเมินของกรรมการ นำเข้าโดย {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/cell_history.py" line="88"/>
        <source>consensus {0} → {1}, reason {2}</source>
        <translation>มติที่ประชุม {0} → {1} เหตุผล {2}</translation>
    </message>
</context>
<context>
    <name>CellMenu</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="24"/>
        <source>&amp;Copy</source>
        <translation>&amp;คัดลอก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="26"/>
        <source>&amp;Paste</source>
        <translation>&amp;วาง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="29"/>
        <source>C&amp;lear result</source>
        <translation>&amp;ล้างผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="34"/>
        <source>&amp;Adjust score…</source>
        <translation>&amp;ปรับคะแนน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="37"/>
        <source>&amp;History of the rating</source>
        <translation>&amp;ประวัติการให้คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/context_menu.py" line="40"/>
        <source>Attach &amp;evidence…</source>
        <translation>แนบ&amp;หลักฐาน…</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="100"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="100"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="100"/>
        <source>Before</source>
        <translation>เดิม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="101"/>
        <source>After</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="101"/>
        <source>Change</source>
        <translation>เปลี่ยน</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="180"/>
        <source>Conflict of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="197"/>
        <source>e.g. worked at the agency until 2566 (required)</source>
        <translation>เช่น เคยทำงานที่ส่วนราชการนี้จนถึงปี 2566 (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="199"/>
        <source>&amp;Member:</source>
        <translation>&amp;กรรมการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="200"/>
        <source>&amp;Agency:</source>
        <translation>&amp;ส่วนราชการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="201"/>
        <source>&amp;Type:</source>
        <translation>&amp;ประเภท:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="202"/>
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="203"/>
        <source>The member&apos;s ratings of this agency will not count, and they will not see the other members&apos; ratings of it.</source>
        <translation>ผลการประเมินส่วนราชการนี้ของกรรมการท่านนี้จะไม่นำมานับ และท่านจะไม่เห็นผลการประเมินของกรรมการท่านอื่นสำหรับส่วนราชการนี้</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="30"/>
        <source>Edit conflicts</source>
        <translation>รายการแก้ไขที่ขัดกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="36"/>
        <source>No.</source>
        <translation>ที่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="36"/>
        <source>Agency</source>
        <translation>ส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="36"/>
        <source>Round</source>
        <translation>รอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="36"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="37"/>
        <source>Member</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="37"/>
        <source>Here (mine)</source>
        <translation>ค่าในพื้นที่ทำงานนี้ (ของฉัน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="37"/>
        <source>Changed here by</source>
        <translation>แก้ไขที่นี่โดย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="38"/>
        <source>In the package (theirs)</source>
        <translation>ค่าในชุดข้อมูล (ของกรรมการ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="38"/>
        <source>Based on</source>
        <translation>แก้ไขจากค่า</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="38"/>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="46"/>
        <source>&amp;Keep mine</source>
        <translation>คงค่าของฉั&amp;น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="48"/>
        <source>&amp;Take theirs</source>
        <translation>ใ&amp;ช้ค่าของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="81"/>
        <source>{0} edit conflict(s) wait for your decision. Nothing was overwritten: keep the value here, or take the member&apos;s.</source>
        <translation>มีรายการแก้ไขที่ขัดกัน {0} รายการรอการตัดสิน ไม่มีการเขียนทับค่าใด: คงค่าในพื้นที่ทำงานนี้ หรือใช้ค่าของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="83"/>
        <source>No edit conflicts wait for a decision.</source>
        <translation>ไม่มีรายการแก้ไขที่ขัดกันรอการตัดสิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/conflicts_dialog.py" line="107"/>
        <source>Not resolved</source>
        <translation>ยังไม่ได้ตัดสิน</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="67"/>
        <source>Member</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="67"/>
        <source>Agency</source>
        <translation>ส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="67"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="68"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="25"/>
        <source>Consensus of indicator {0}</source>
        <translation>มติที่ประชุม ตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="31"/>
        <source>no member has rated it yet</source>
        <translation>ยังไม่มีกรรมการให้คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="32"/>
        <source>mean {0} · median {1} · min {2} · max {3} · spread {4}</source>
        <translation>ค่าเฉลี่ย {0} · มัธยฐาน {1} · ต่ำสุด {2} · สูงสุด {3} · ส่วนต่าง {4}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="38"/>
        <source>What the meeting agreed, and why (required)</source>
        <translation>ที่ประชุมตกลงอย่างไร และด้วยเหตุผลใด (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="46"/>
        <source>Members&apos; scores:</source>
        <translation>คะแนนของกรรมการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="48"/>
        <source>Summary:</source>
        <translation>สรุป:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="49"/>
        <source>Panel figure by:</source>
        <translation>คะแนนของคณะใช้:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="50"/>
        <source>Consensus &amp;score:</source>
        <translation>&amp;คะแนนตามมติ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="51"/>
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="56"/>
        <source>The panel figure follows the rule above; the consensus value is recorded, and counts if the rule is set to consensus.</source>
        <translation>คะแนนของคณะเป็นไปตามวิธีข้างต้น ค่าตามมติจะถูกบันทึกไว้ และจะนำมาใช้เมื่อกำหนดวิธีเป็นมติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="71"/>
        <source>Type the score the meeting agreed.</source>
        <translation>พิมพ์คะแนนที่ที่ประชุมตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/consensus_dialog.py" line="74"/>
        <source>A consensus value needs a reason.</source>
        <translation>มติที่ประชุมต้องระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="210"/>
        <source>Comment and note on indicator {0}</source>
        <translation>ความเห็นและบันทึกส่วนตัว ตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="212"/>
        <source>Comment on indicator {0}</source>
        <translation>ความเห็นตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="214"/>
        <source>Private note on indicator {0}</source>
        <translation>บันทึกส่วนตัว ตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="248"/>
        <source>Select an indicator to see its details.</source>
        <translation>เลือกตัวชี้วัดเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="251"/>
        <source>Unit</source>
        <translation>หน่วยวัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="252"/>
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="253"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="254"/>
        <source>Baseline</source>
        <translation>ข้อมูลพื้นฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="255"/>
        <source>Criteria</source>
        <translation>เกณฑ์การให้คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="256"/>
        <source>Description</source>
        <translation>คำอธิบาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="257"/>
        <source>Formula</source>
        <translation>สูตรการคำนวณ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="258"/>
        <source>Conditions</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="259"/>
        <source>Data source</source>
        <translation>แหล่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="260"/>
        <source>KPI supervisor</source>
        <translation>ผู้กำกับดูแลตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="261"/>
        <source>Data collector</source>
        <translation>ผู้จัดเก็บข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="265"/>
        <source>Milestone levels</source>
        <translation>ขั้นตอนของระดับความสำเร็จ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="269"/>
        <source>Not counted in this round.</source>
        <translation>ไม่นับในรอบนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="272"/>
        <source>Last saved {0} by {1} (edit {2})</source>
        <translation>บันทึกล่าสุด {0} โดย {1} (ครั้งที่ {2})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="315"/>
        <source>the agency&apos;s self-assessment</source>
        <translation>การประเมินตนเองของส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="317"/>
        <source>History of the rating by {0}, round {1} months</source>
        <translation>ประวัติการแก้ไขผลการประเมินของ {0} รอบ {1} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="322"/>
        <source>scored through its sub-indicators</source>
        <translation>คิดคะแนนจากตัวชี้วัดย่อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="327"/>
        <source>milestone levels {0}</source>
        <translation>ระดับความสำเร็จ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="329"/>
        <source>{0} (lower is better)</source>
        <translation>{0} (ยิ่งน้อยยิ่งดี)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="330"/>
        <source>{0} (higher is better)</source>
        <translation>{0} (ยิ่งมากยิ่งดี)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="337"/>
        <source>Attach evidence</source>
        <translation>แนบหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="338"/>
        <source>All files (*)</source>
        <translation>ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="363"/>
        <source>Evidence missing</source>
        <translation>ไม่พบแฟ้มหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="364"/>
        <source>The kept copy of {0} is missing from the evidence folder.</source>
        <translation>ไม่พบสำเนาของ {0} ในโฟลเดอร์หลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="368"/>
        <source>Evidence changed</source>
        <translation>แฟ้มหลักฐานถูกแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="369"/>
        <source>The kept copy of {0} has changed since it was attached: its SHA-256 is no longer {1}. Open it anyway?</source>
        <translation>สำเนาของ {0} ถูกแก้ไขหลังจากแนบ: ค่า SHA-256 ไม่ใช่ {1} อีกต่อไป ต้องการเปิดหรือไม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="387"/>
        <source>Detach evidence</source>
        <translation>ถอดหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="388"/>
        <source>Detach {0} from indicator {1}? The kept copy stays in the evidence folder.</source>
        <translation>ถอด {0} ออกจากตัวชี้วัด {1} หรือไม่ สำเนายังเก็บอยู่ในโฟลเดอร์หลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="401"/>
        <source>&amp;Comment (printed in the report):</source>
        <translation>&amp;ความเห็น (พิมพ์ในรายงาน):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="402"/>
        <source>Private &amp;note (never exported):</source>
        <translation>บันทึก&amp;ส่วนตัว (ไม่ส่งออก):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="403"/>
        <source>What the committee should read about this indicator</source>
        <translation>สิ่งที่คณะกรรมการควรทราบเกี่ยวกับตัวชี้วัดนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="404"/>
        <source>For yourself only: stays in this workspace</source>
        <translation>สำหรับท่านเท่านั้น เก็บไว้ในพื้นที่ทำงานนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="405"/>
        <source>Evidence files:</source>
        <translation>แฟ้มหลักฐาน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="406"/>
        <source>&amp;Attach…</source>
        <translation>แ&amp;นบ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="407"/>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="408"/>
        <source>Detach</source>
        <translation>ถอด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/details_pane.py" line="325"/>
        <source>{0} (banded: the whole level whose band holds the result)</source>
        <translation>{0} (คิดแบบช่วง: ได้คะแนนเต็มระดับของช่วงที่ผลอยู่)</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="135"/>
        <source>No difference between version {0} and version {1}.</source>
        <translation>ฉบับที่ {0} และฉบับที่ {1} ไม่แตกต่างกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="139"/>
        <source>From version {0} to version {1}: {2} cell(s) changed, {3} indicator(s) added, {4} removed.</source>
        <translation>จากฉบับที่ {0} เป็นฉบับที่ {1}: เปลี่ยน {2} ช่อง เพิ่มตัวชี้วัด {3} ตัว ตัดออก {4} ตัว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="144"/>
        <source>Compare versions</source>
        <translation>เปรียบเทียบฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="145"/>
        <source>&amp;Compare version:</source>
        <translation>เ&amp;ปรียบเทียบฉบับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="146"/>
        <source>&amp;with version:</source>
        <translation>&amp;กับฉบับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="147"/>
        <source>Yellow with a blue corner: changed (before → after). Green: added. Grey, struck through: removed.</source>
        <translation>สีเหลืองมีมุมสีน้ำเงิน: เปลี่ยนแปลง (เดิม → ใหม่) สีเขียว: เพิ่มใหม่ สีเทาขีดฆ่า: ตัดออก</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="75"/>
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="75"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="75"/>
        <source>Attached by</source>
        <translation>ผู้แนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="76"/>
        <source>Attached</source>
        <translation>วันที่แนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="76"/>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="103"/>
        <source>intact</source>
        <translation>ครบถ้วน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="105"/>
        <source>changed since attached</source>
        <translation>ถูกแก้ไขหลังแนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/evidence_model.py" line="106"/>
        <source>missing</source>
        <translation>ไม่พบแฟ้ม</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="49"/>
        <source>Who are you?</source>
        <translation>ท่านคือใคร</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="58"/>
        <source>Choose yourself among the panel&apos;s members. The results you type in this workspace are recorded under your name; you choose only once.</source>
        <translation>เลือกชื่อของท่านจากรายชื่อกรรมการในคณะผู้ประเมิน ผลที่ท่านพิมพ์ในพื้นที่ทำงานนี้จะบันทึกในนามของท่าน โดยเลือกเพียงครั้งเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="66"/>
        <source>This workspace has no panel. Type your name: the results you type are recorded under it; you choose only once.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน พิมพ์ชื่อของท่าน ผลที่ท่านพิมพ์จะบันทึกในนามนี้ โดยระบุเพียงครั้งเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="74"/>
        <source>Your name, e.g. นางสาวมาลี ศรีสุข</source>
        <translation>ชื่อของท่าน เช่น นางสาวมาลี ศรีสุข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="77"/>
        <source>Who are you</source>
        <translation>ท่านคือใคร</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="87"/>
        <source>&amp;You are:</source>
        <translation>&amp;ท่านคือ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="87"/>
        <source>&amp;Your name:</source>
        <translation>&amp;ชื่อของท่าน:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="124"/>
        <source>Import agreements</source>
        <translation>นำเข้าคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="134"/>
        <source>No files chosen.</source>
        <translation>ยังไม่ได้เลือกแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="136"/>
        <source>&amp;Choose files…</source>
        <translation>เ&amp;ลือกแฟ้ม…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="161"/>
        <source>&amp;Import</source>
        <translation>&amp;นำเข้า</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="173"/>
        <source>Rows as they will be read:</source>
        <translation>แถวตามที่จะอ่าน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="200"/>
        <source>Choose agreement files</source>
        <translation>เลือกแฟ้มคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="201"/>
        <source>Agreement workbooks (*.xlsx *.csv);;All files (*)</source>
        <translation>แฟ้มคำรับรอง (*.xlsx *.csv);;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="210"/>
        <source>Reading {0} file(s)…</source>
        <translation>กำลังอ่าน {0} แฟ้ม…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="230"/>
        <source>{0} problem(s) found. Correct the files and choose them again; nothing will be imported.</source>
        <translation>พบปัญหา {0} รายการ โปรดแก้ไขแฟ้มแล้วเลือกใหม่ จะไม่มีการนำเข้าใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="233"/>
        <source>No agreements were found in these files.</source>
        <translation>ไม่พบคำรับรองในแฟ้มเหล่านี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="236"/>
        <source>{0} agreement(s) with {1} indicators read: importing them will change nothing.</source>
        <translation>อ่านคำรับรอง {0} ฉบับ รวม {1} ตัวชี้วัด การนำเข้าจะไม่เปลี่ยนแปลงข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="243"/>
        <source>Ready to import {0} agreement(s) with {1} indicators.</source>
        <translation>พร้อมนำเข้าคำรับรอง {0} ฉบับ รวม {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="262"/>
        <source>{0} {1}: new agreement.</source>
        <translation>{0} {1}: คำรับรองใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="263"/>
        <source>{0} {1}: {2} result(s) will be updated.</source>
        <translation>{0} {1}: จะปรับผลการดำเนินงาน {2} รายการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="267"/>
        <source>{0} {1}: no change; its indicators are already draft version {2}.</source>
        <translation>{0} {1}: ไม่มีการเปลี่ยนแปลง ตัวชี้วัดตามไฟล์นี้มีอยู่แล้วในฉบับร่างที่ {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="270"/>
        <source>{0} {1}: the indicators differ from the agreed ones: they become draft version {2}, to be negotiated.</source>
        <translation>{0} {1}: ตัวชี้วัดต่างจากฉบับที่ตกลงไว้ จะบันทึกเป็นฉบับร่างที่ {2} เพื่อเจรจาต่อ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="272"/>
        <source>{0} {1}: the parties will be updated.</source>
        <translation>{0} {1}: จะปรับรายชื่อคู่สัญญา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="274"/>
        <source>{0} {1}: no change; it is already in the workspace as in these files.</source>
        <translation>{0} {1}: ไม่มีการเปลี่ยนแปลง มีอยู่ในพื้นที่ทำงานตรงตามไฟล์นี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="303"/>
        <source>Importing… (Cancel leaves the workspace as it was)</source>
        <translation>กำลังนำเข้า… (กดยกเลิกแล้วพื้นที่ทำงานจะคงเดิม)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="318"/>
        <source>Import cancelled. Nothing was written.</source>
        <translation>ยกเลิกการนำเข้าแล้ว ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="322"/>
        <source>The import was refused ({0} problem(s)). Nothing was written.</source>
        <translation>ไม่สามารถนำเข้าได้ (พบปัญหา {0} รายการ) ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="325"/>
        <source>The import failed: {0}. Nothing was written.</source>
        <translation>การนำเข้าล้มเหลว: {0} ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="345"/>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="178"/>
        <source>Problems (nothing is imported while there are any) and warnings (imported as written):</source>
        <translation>ปัญหา (ถ้ามีจะไม่นำเข้าเลย) และคำเตือน (นำเข้าตามที่เขียน):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_dialog.py" line="240"/>
        <source>Ready to import {0} agreement(s) with {1} indicators; {2} warning(s): imported as written, and kept with the agreement.</source>
        <translation>พร้อมนำเข้าคำรับรอง {0} ฉบับ รวม {1} ตัวชี้วัด มีคำเตือน {2} รายการ: นำเข้าตามที่เขียนและเก็บไว้กับคำรับรอง</translation>
    </message>
</context>
<context>
    <name>IndicatorInfo</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/indicator_info.py" line="87"/>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="299"/>
        <source>Cannot open workspace</source>
        <translation>เปิดพื้นที่ทำงานไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="332"/>
        <source>Open workspace</source>
        <translation>เปิดพื้นที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="333"/>
        <source>Workspaces ({0});;All files (*)</source>
        <translation>พื้นที่ทำงาน ({0});;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="342"/>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="349"/>
        <source>New workspace</source>
        <translation>สร้างพื้นที่ทำงานใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="342"/>
        <source>Workspaces ({0})</source>
        <translation>พื้นที่ทำงาน ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="350"/>
        <source>{0} already exists. Use File → Open workspace… to open it.</source>
        <translation>มีแฟ้ม {0} อยู่แล้ว ใช้เมนู แฟ้ม → เปิดพื้นที่ทำงาน… เพื่อเปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="368"/>
        <source>Imported {0} new agreement(s); updated results of {1}.</source>
        <translation>นำเข้าคำรับรองใหม่ {0} ฉบับ ปรับผลการดำเนินงาน {1} ฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="464"/>
        <source>Select an indicator that is scored to adjust its score.</source>
        <translation>เลือกตัวชี้วัดที่มีการให้คะแนนก่อนปรับคะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="542"/>
        <source>Not chosen yet</source>
        <translation>ยังไม่ได้เลือก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="560"/>
        <source>This workspace is read-only: who you are cannot be recorded.</source>
        <translation>พื้นที่ทำงานนี้เปิดแบบอ่านอย่างเดียว จึงบันทึกว่าท่านคือใครไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="590"/>
        <source>Your results are recorded under {0}.</source>
        <translation>ผลของท่านจะบันทึกในนาม {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="601"/>
        <source>You: {0}</source>
        <translation>ผู้ใช้งาน: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="601"/>
        <source>Who are you? Choose…</source>
        <translation>ท่านคือใคร? เลือก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="602"/>
        <source>Your results are recorded under this name. Click to change.</source>
        <translation>ผลของท่านบันทึกในนามนี้ คลิกเพื่อเปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="604"/>
        <source>&amp;Who are you…</source>
        <translation>ท่าน&amp;คือใคร…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="605"/>
        <source>&amp;Who are you ({0})…</source>
        <translation>ท่าน&amp;คือใคร ({0})…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="709"/>
        <source>{0} is no longer there.</source>
        <translation>ไม่พบ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="722"/>
        <source>&amp;File</source>
        <translation>แ&amp;ฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="723"/>
        <source>&amp;Edit</source>
        <translation>แ&amp;ก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="724"/>
        <source>&amp;View</source>
        <translation>&amp;มุมมอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="725"/>
        <source>&amp;Help</source>
        <translation>&amp;ช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="726"/>
        <source>&amp;New workspace…</source>
        <translation>สร้างพื้นที่ทำงาน&amp;ใหม่…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="727"/>
        <source>&amp;Open workspace…</source>
        <translation>เ&amp;ปิดพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="728"/>
        <source>&amp;Recent workspaces</source>
        <translation>พื้นที่ทำงานที่ใช้&amp;ล่าสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="729"/>
        <source>&amp;Clear recent workspaces</source>
        <translation>&amp;ล้างรายการพื้นที่ทำงานล่าสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="730"/>
        <source>&amp;Import agreements…</source>
        <translation>&amp;นำเข้าคำรับรอง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="731"/>
        <source>&amp;Quit</source>
        <translation>&amp;ออกจากโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="732"/>
        <source>&amp;Adjust score…</source>
        <translation>&amp;ปรับคะแนน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="734"/>
        <source>&amp;Find agreement</source>
        <translation>ค้น&amp;หาคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="735"/>
        <source>&amp;Settings…</source>
        <translation>&amp;ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="736"/>
        <source>&amp;Round</source>
        <translation>&amp;รอบการประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="738"/>
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="739"/>
        <source>&amp;Language</source>
        <translation>&amp;ภาษา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="740"/>
        <source>&amp;About evaluator-app</source>
        <translation>&amp;เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="741"/>
        <source>About &amp;Qt</source>
        <translation>เกี่ยวกับ &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="749"/>
        <source>opening…</source>
        <translation>กำลังเปิด…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="755"/>
        <source>read-only</source>
        <translation>อ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="757"/>
        <source>not saved yet</source>
        <translation>ยังไม่บันทึก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="759"/>
        <source>NOT SAVED: the last change could not be written</source>
        <translation>บันทึกไม่สำเร็จ: การแก้ไขล่าสุดยังไม่ถูกบันทึก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="761"/>
        <source>saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="762"/>
        <source>saved {0}</source>
        <translation>บันทึกแล้ว {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="769"/>
        <source>Performance agreement evaluation</source>
        <translation>ประเมินผลคำรับรองการปฏิบัติราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="495"/>
        <source>Select an indicator with a reported result to accept it.</source>
        <translation>เลือกตัวชี้วัดที่ส่วนราชการรายงานผลแล้วเพื่อรับรองผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="509"/>
        <source>The committee accepted the reported result of indicator {0}.</source>
        <translation>คณะกรรมการรับรองผลที่รายงานของตัวชี้วัด {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="733"/>
        <source>Accept the reported result</source>
        <translation>รับรองผลตามที่รายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/main_window.py" line="504"/>
        <source>Accept the reported result of indicator {0}</source>
        <translation>รับรองผลที่รายงานของตัวชี้วัด {0}</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_actions.py" line="39"/>
        <source>&amp;Meeting mode</source>
        <translation>โหมด&amp;ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_actions.py" line="40"/>
        <source>Negotiate weights, targets and criteria on a projector (F11)</source>
        <translation>เจรจาน้ำหนัก เป้าหมาย และเกณฑ์ บนจอโปรเจกเตอร์ (F11)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_actions.py" line="46"/>
        <source>Choose an agreement first.</source>
        <translation>โปรดเลือกคำรับรองก่อน</translation>
    </message>
</context>
<context>
    <name>MeetingDocument</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_document.py" line="188"/>
        <source>Started draft {0} from version {1}; the changes go into the draft.</source>
        <translation>เริ่มร่างฉบับที่ {0} จากฉบับที่ {1} การแก้ไขจะบันทึกในร่างนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_document.py" line="206"/>
        <source>The workspace is open read-only.</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_document.py" line="269"/>
        <source>Version {0} is agreed and locked, so Undo cannot go back past it. A later change is a new version (Ctrl+N).</source>
        <translation>ฉบับที่ {0} ตกลงแล้วและถูกล็อก จึงย้อนกลับ (Undo) ไปก่อนหน้านั้นไม่ได้ การเปลี่ยนแปลงต่อจากนี้เป็นฉบับใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_document.py" line="271"/>
        <source>Version {0} has been put forward and is kept as it was put forward, so Undo cannot go back past it. To change it, type in the table: a new draft starts from it.</source>
        <translation>ฉบับที่ {0} เสนอแล้ว และคงไว้ตามที่เสนอ จึงย้อนกลับ (Undo) ไปก่อนหน้านั้นไม่ได้ หากต้องการแก้ไข ให้พิมพ์ในตาราง ระบบจะเริ่มฉบับร่างใหม่จากฉบับนี้</translation>
    </message>
</context>
<context>
    <name>MeetingUndo</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="49"/>
        <source>Undo {0}</source>
        <translation>เลิกทำ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="52"/>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="54"/>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="55"/>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="58"/>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="57"/>
        <source>Redo {0}</source>
        <translation>ทำซ้ำ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="67"/>
        <source>Undone: {0}</source>
        <translation>เลิกทำแล้ว: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_undo.py" line="75"/>
        <source>Redone: {0}</source>
        <translation>ทำซ้ำแล้ว: {0}</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="262"/>
        <source>fiscal year {0}</source>
        <translation>ปีงบประมาณ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="267"/>
        <source>Highlighted: what differs from version {0} ({1}).</source>
        <translation>ช่องที่เน้นสี: ต่างจากฉบับที่ {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="313"/>
        <source>{0}: locked, read-only</source>
        <translation>{0}: ล็อกแล้ว อ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="316"/>
        <source>{0}: the workspace is read-only</source>
        <translation>{0}: พื้นที่ทำงานอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="319"/>
        <source>{0}: being edited</source>
        <translation>{0}: กำลังแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="322"/>
        <source>{0}: an edit starts a draft from it</source>
        <translation>{0}: การแก้ไขจะเริ่มร่างใหม่จากฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="363"/>
        <source>Weight sum {0} of 100 · every constraint is met</source>
        <translation>น้ำหนักรวม {0} จาก 100 · ถูกต้องครบทุกเงื่อนไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="366"/>
        <source>Weight sum {0} of 100 · {1} constraint(s) broken: it can be kept as a draft, not proposed or agreed</source>
        <translation>น้ำหนักรวม {0} จาก 100 · ไม่ผ่าน {1} เงื่อนไข: เก็บเป็นร่างได้ แต่ยังเสนอหรือตกลงไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="369"/>
        <source>Redistribute (Ctrl+R) brings the total back to 100</source>
        <translation>กระจายน้ำหนัก (Ctrl+R) ทำให้น้ำหนักรวมกลับเป็น 100</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="437"/>
        <source>Mend the broken constraints first; a draft keeps the work meanwhile.</source>
        <translation>โปรดแก้เงื่อนไขที่ไม่ผ่านก่อน ระหว่างนี้งานถูกเก็บไว้ในร่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="439"/>
        <source>This version is agreed and locked.</source>
        <translation>ฉบับนี้ตกลงแล้วและถูกล็อก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="463"/>
        <source>The workspace is open read-only.</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="473"/>
        <source>To negotiate changes, start a new draft from it (Ctrl+N).</source>
        <translation>หากจะเจรจาแก้ไข ให้เริ่มร่างใหม่จากฉบับนี้ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="502"/>
        <source>Draft {0} started from version {1}.</source>
        <translation>เริ่มร่างฉบับที่ {0} จากฉบับที่ {1} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="517"/>
        <source>Select the indicator whose weight changes first.</source>
        <translation>โปรดเลือกตัวชี้วัดที่จะเปลี่ยนน้ำหนักก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="532"/>
        <source>{0} weight(s) changed; Undo (Ctrl+Z) restores them in one step.</source>
        <translation>เปลี่ยนน้ำหนัก {0} ตัว เลิกทำ (Ctrl+Z) จะคืนค่าเดิมทั้งหมดในขั้นเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="556"/>
        <source>Version {0} put forward ({1}).</source>
        <translation>เสนอฉบับที่ {0} แล้ว ({1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="563"/>
        <source>Agree version {0} as it stands? It is locked from then on; a later change is a new version.</source>
        <translation>ตกลงฉบับที่ {0} ตามที่เป็นอยู่หรือไม่? ฉบับนี้จะถูกล็อก การเปลี่ยนแปลงภายหลังต้องทำเป็นฉบับใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="566"/>
        <source>No decision text has been typed for the minutes.</source>
        <translation>ยังไม่ได้พิมพ์มติที่ประชุมสำหรับบันทึกการเจรจา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="567"/>
        <source>Agree version</source>
        <translation>ตกลงฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="578"/>
        <source>Version {0} is agreed and locked. The decision is its minute.</source>
        <translation>ตกลงฉบับที่ {0} และล็อกแล้ว มติที่พิมพ์ไว้บันทึกเป็นมติของฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="644"/>
        <source>Meeting mode — {0} {1}</source>
        <translation>โหมดประชุม — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="646"/>
        <source>&amp;Meeting:</source>
        <translation>การ&amp;ประชุม:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="647"/>
        <source>e.g. No. 1/2569</source>
        <translation>เช่น ครั้งที่ 1/2569</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="648"/>
        <source>&amp;Version:</source>
        <translation>ฉ&amp;บับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="649"/>
        <source>Put forward &amp;by:</source>
        <translation>เสนอ&amp;โดย:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="650"/>
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="651"/>
        <source>why this proposal (for the minutes)</source>
        <translation>เหตุผลของข้อเสนอ (สำหรับบันทึกการเจรจา)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="652"/>
        <source>&amp;Decision:</source>
        <translation>&amp;มติ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="653"/>
        <source>Put forward and agree</source>
        <translation>เสนอและตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="654"/>
        <source>The decision of the meeting; it becomes the minute of the version when it is agreed</source>
        <translation>มติที่ประชุม จะบันทึกเป็นมติของฉบับเมื่อตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="656"/>
        <source>&amp;Propose</source>
        <translation>เ&amp;สนอ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="657"/>
        <source>Co&amp;unter-propose</source>
        <translation>เสนอ&amp;โต้ตอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="658"/>
        <source>A&amp;gree</source>
        <translation>&amp;ตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="659"/>
        <source>New draft</source>
        <translation>ร่างใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="660"/>
        <source>A working copy of the version on screen (Ctrl+N)</source>
        <translation>ร่างสำหรับแก้ไขจากฉบับบนจอ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="661"/>
        <source>Redistribute…</source>
        <translation>กระจายน้ำหนัก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="662"/>
        <source>Change one weight and spread the difference (Ctrl+R)</source>
        <translation>เปลี่ยนน้ำหนักหนึ่งตัวและกระจายส่วนต่าง (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="663"/>
        <source>Compare versions…</source>
        <translation>เปรียบเทียบฉบับ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="664"/>
        <source>Print minutes…</source>
        <translation>พิมพ์บันทึกการเจรจา…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="665"/>
        <source>The minutes of the negotiation as a PDF (Ctrl+P)</source>
        <translation>บันทึกการเจรจาเป็นไฟล์ PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="666"/>
        <source>Full screen</source>
        <translation>เต็มจอ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_window.py" line="667"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="45"/>
        <source>Panel member</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="45"/>
        <source>Panel member {0}</source>
        <translation>กรรมการ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="51"/>
        <source>short id in Latin letters, e.g. m1 or somchai</source>
        <translation>รหัสสั้นเป็นอักษรภาษาอังกฤษ เช่น m1 หรือ somchai</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="64"/>
        <source>by role</source>
        <translation>ตามตำแหน่งในคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="68"/>
        <source>&amp;Load public key file…</source>
        <translation>&amp;เปิดไฟล์กุญแจสาธารณะ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="70"/>
        <source>Use the key made on this &amp;computer</source>
        <translation>ใช้กุญแจที่สร้างบน&amp;เครื่องนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="81"/>
        <source>&amp;Id:</source>
        <translation>&amp;รหัส:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="82"/>
        <source>&amp;Name:</source>
        <translation>&amp;ชื่อ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="83"/>
        <source>&amp;Position:</source>
        <translation>ตำ&amp;แหน่ง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="84"/>
        <source>&amp;Role:</source>
        <translation>&amp;บทบาทในคณะ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="85"/>
        <source>Signing &amp;order:</source>
        <translation>&amp;ลำดับการลงนาม:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="86"/>
        <source>Key fingerprint:</source>
        <translation>ลายนิ้วมือกุญแจ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="112"/>
        <source>no public key yet</source>
        <translation>ยังไม่มีกุญแจสาธารณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="122"/>
        <source>The member&apos;s public key</source>
        <translation>กุญแจสาธารณะของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="122"/>
        <source>Public keys (*.pub *.pem *.txt);;All files (*)</source>
        <translation>กุญแจสาธารณะ (*.pub *.pem *.txt);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="147"/>
        <source>Type the member&apos;s id.</source>
        <translation>พิมพ์รหัสกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_member_dialogs.py" line="152"/>
        <source>Type the member&apos;s name.</source>
        <translation>พิมพ์ชื่อกรรมการ</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="28"/>
        <source>Order</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="28"/>
        <source>Id</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="28"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="29"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="29"/>
        <source>Role</source>
        <translation>บทบาทในคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="30"/>
        <source>Key fingerprint (compare aloud)</source>
        <translation>ลายนิ้วมือกุญแจ (อ่านเทียบกันในที่ประชุม)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="40"/>
        <source>no public key yet</source>
        <translation>ยังไม่มีกุญแจสาธารณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="47"/>
        <source>Signing order on the report</source>
        <translation>ลำดับการลงนามในรายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup_models.py" line="48"/>
        <source>Signing order on the report (by role: no order set)</source>
        <translation>ลำดับการลงนามในรายงาน (ตามบทบาท เพราะไม่ได้กำหนดลำดับ)</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="40"/>
        <source>The meeting in the minutes</source>
        <translation>การประชุมที่บันทึกในรายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="58"/>
        <source>Arabic digits (123) instead of Thai (๑๒๓)</source>
        <translation>ใช้เลขอารบิก (123) แทนเลขไทย (๑๒๓)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="66"/>
        <source>&amp;Meeting number:</source>
        <translation>การประชุม&amp;ครั้งที่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="67"/>
        <source>&amp;Date:</source>
        <translation>&amp;วันที่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="68"/>
        <source>&amp;Place:</source>
        <translation>&amp;สถานที่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="69"/>
        <source>&amp;Attendees:</source>
        <translation>&amp;ผู้มาประชุม:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/minutes_dialog.py" line="70"/>
        <source>One attendee a line: name | role | position. The chair and the secretary sign the minutes.</source>
        <translation>บรรทัดละหนึ่งคน: ชื่อ | บทบาท | ตำแหน่ง ประธานและเลขานุการลงนามในรายงานการประชุม</translation>
    </message>
</context>
<context>
    <name>MinutesPrinter</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="45"/>
        <source>Save the minutes as PDF</source>
        <translation>บันทึกบันทึกการเจรจาเป็น PDF</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="58"/>
        <source>Writing the minutes…</source>
        <translation>กำลังจัดทำบันทึกการเจรจา…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="68"/>
        <source>The minutes of {0} version(s) are saved in {1}.</source>
        <translation>บันทึกการเจรจา {0} ฉบับ บันทึกไว้ที่ {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="71"/>
        <source>Minutes not opened</source>
        <translation>เปิดบันทึกการเจรจาไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="72"/>
        <source>The minutes are saved in {0}, but they could not be opened: no program for PDF files was found. Open the file from its folder, or install a PDF viewer.</source>
        <translation>บันทึกการเจรจาบันทึกไว้ที่ {0} แล้ว แต่เปิดไม่ได้ เพราะไม่พบโปรแกรมสำหรับเปิดไฟล์ PDF กรุณาเปิดไฟล์จากโฟลเดอร์ที่บันทึกไว้ หรือติดตั้งโปรแกรมอ่าน PDF</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_minutes.py" line="79"/>
        <source>The minutes were not written: {0}</source>
        <translation>ไม่ได้จัดทำบันทึกการเจรจา: {0}</translation>
    </message>
</context>
<context>
    <name>MyKeyDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="202"/>
        <source>My signing key</source>
        <translation>กุญแจลงนามของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="219"/>
        <source>&amp;Save public key as…</source>
        <translation>&amp;บันทึกกุญแจสาธารณะเป็น…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="221"/>
        <source>&amp;Make my key pair…</source>
        <translation>&amp;สร้างคู่กุญแจของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="224"/>
        <source>Member:</source>
        <translation>กรรมการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="225"/>
        <source>Fingerprint:</source>
        <translation>ลายนิ้วมือกุญแจ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="243"/>
        <source>You have no signing key on this computer yet. Make one: it signs the ratings you send to the secretary, and its passphrase protects it.</source>
        <translation>เครื่องนี้ยังไม่มีกุญแจลงนามของท่าน โปรดสร้าง กุญแจใช้ลงนามผลการประเมินที่ส่งให้เลขานุการ และมีรหัสผ่านป้องกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="249"/>
        <source>Private key (never leaves this computer): {0}
Public key: {1}</source>
        <translation>กุญแจส่วนตัว (ไม่ออกจากเครื่องนี้): {0}
กุญแจสาธารณะ: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="256"/>
        <source>Read this fingerprint aloud to the secretary when you hand over your public key.</source>
        <translation>อ่านลายนิ้วมือนี้ให้เลขานุการฟังเมื่อส่งมอบกุญแจสาธารณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="259"/>
        <source>The panel has no public key recorded for you yet: hand your public key to the secretary.</source>
        <translation>คณะผู้ประเมินยังไม่ได้บันทึกกุญแจสาธารณะของท่าน โปรดส่งกุญแจสาธารณะให้เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="262"/>
        <source>This is the key the panel recorded for you: the fingerprints match.</source>
        <translation>เป็นกุญแจเดียวกับที่คณะผู้ประเมินบันทึกไว้ ลายนิ้วมือตรงกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="263"/>
        <source>WARNING: the panel recorded another key for you. Your packages will be refused until the secretary records this one.</source>
        <translation>คำเตือน: คณะผู้ประเมินบันทึกกุญแจอื่นไว้ในชื่อของท่าน ชุดผลการประเมินของท่านจะถูกปฏิเสธจนกว่าเลขานุการจะบันทึกกุญแจนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="272"/>
        <source>Save public key</source>
        <translation>บันทึกกุญแจสาธารณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="273"/>
        <source>Public keys (*.pub)</source>
        <translation>กุญแจสาธารณะ (*.pub)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="277"/>
        <source>Saved a copy: {0}</source>
        <translation>บันทึกสำเนาแล้ว: {0}</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator_model.py" line="138"/>
        <source>Agreements</source>
        <translation>คำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator_model.py" line="162"/>
        <source>Fiscal year {0}</source>
        <translation>ปีงบประมาณ พ.ศ. {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator_model.py" line="167"/>
        <source>Version {0} · {1} indicators</source>
        <translation>ฉบับที่ {0} · {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator_model.py" line="173"/>
        <source>{0}, fiscal year {1}, framework {2}</source>
        <translation>{0} ปีงบประมาณ พ.ศ. {1} กรอบการประเมิน {2}</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="161"/>
        <source>This workspace has no agreements yet.

Import the agreement workbooks (Excel or CSV) with File → Import agreements… (Ctrl+I), or try the app on the demo workspace first.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคำรับรอง

นำเข้าไฟล์คำรับรอง (Excel หรือ CSV) ด้วยเมนู แฟ้ม → นำเข้าคำรับรอง… (Ctrl+I) หรือทดลองใช้โปรแกรมกับพื้นที่ทำงานตัวอย่างก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="164"/>
        <source>No agreement matches &quot;{0}&quot;.
Search looks in agency names and indicator names.</source>
        <translation>ไม่พบคำรับรองที่ตรงกับ &quot;{0}&quot;
การค้นหาดูจากชื่อส่วนราชการและชื่อตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="221"/>
        <source>Search agency or indicator (Ctrl+F)</source>
        <translation>ค้นหาส่วนราชการหรือตัวชี้วัด (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="222"/>
        <source>&amp;Import agreements…</source>
        <translation>&amp;นำเข้าคำรับรอง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="223"/>
        <source>Open the &amp;demo workspace</source>
        <translation>เปิดพื้นที่ทำงาน&amp;ตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/navigator.py" line="224"/>
        <source>Clear the search</source>
        <translation>ล้างคำค้นหา</translation>
    </message>
</context>
<context>
    <name>PackageFlows</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="140"/>
        <source>Export panel package</source>
        <translation>ส่งออกชุดข้อมูลคณะผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="141"/>
        <source>Panel packages (*{0})</source>
        <translation>ชุดข้อมูลคณะผู้ประเมิน (*{0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="146"/>
        <source>Signing and writing the panel package…</source>
        <translation>กำลังลงนามและบันทึกชุดข้อมูลคณะผู้ประเมิน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="157"/>
        <source>Export my ratings</source>
        <translation>ส่งออกผลการประเมินของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="158"/>
        <source>Evaluator packages (*{0})</source>
        <translation>ชุดผลการประเมิน (*{0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="162"/>
        <source>Signing and writing your ratings…</source>
        <translation>กำลังลงนามและเขียนผลการประเมินของท่าน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="171"/>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="185"/>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="206"/>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="366"/>
        <source>Import package</source>
        <translation>นำเข้าชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="172"/>
        <source>Packages (*{0} *{1});;All files (*)</source>
        <translation>ชุดข้อมูล (*{0} *{1});;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="186"/>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="207"/>
        <source>Another package is being handled; try again when it is done.</source>
        <translation>กำลังดำเนินการกับชุดข้อมูลอื่นอยู่ โปรดลองใหม่เมื่อเสร็จแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="191"/>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="212"/>
        <source>The workspace is open read-only.</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="196"/>
        <source>Checking and importing {0} packages…</source>
        <translation>กำลังตรวจสอบและนำเข้าชุดข้อมูล {0} ชุด…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="217"/>
        <source>Checking and importing {0}…</source>
        <translation>กำลังตรวจสอบและนำเข้า {0}…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="227"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="229"/>
        <source>Package</source>
        <translation>ชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="326"/>
        <source>Cancelled: nothing was written ({0}).</source>
        <translation>ยกเลิกแล้ว ไม่มีการบันทึกใด ๆ ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/packages_dialog.py" line="359"/>
        <source>The member&apos;s ratings are encrypted to the secretary&apos;s key. Type its passphrase to open them.</source>
        <translation>ผลการประเมินของกรรมการเข้ารหัสไว้ถึงกุญแจของเลขานุการ พิมพ์รหัสผ่านของกุญแจเพื่อเปิด</translation>
    </message>
</context>
<context>
    <name>PackageResultDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="54"/>
        <source>adjusted {0}</source>
        <translation>ปรับเป็น {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="57"/>
        <source>edit {0}</source>
        <translation>แก้ไขครั้งที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="100"/>
        <source>Package</source>
        <translation>ชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="113"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="115"/>
        <source>Agency</source>
        <translation>ส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="113"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="115"/>
        <source>Year</source>
        <translation>ปี</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="113"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="115"/>
        <source>Round</source>
        <translation>รอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="113"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="116"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="114"/>
        <source>Before</source>
        <translation>เดิม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="114"/>
        <source>After</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="116"/>
        <source>Why it was not applied</source>
        <translation>เหตุที่ไม่นำมาใช้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="117"/>
        <source>Stored here</source>
        <translation>ที่บันทึกไว้ที่นี่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="117"/>
        <source>In the package</source>
        <translation>ในชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="126"/>
        <source>&amp;Resolve conflicts…</source>
        <translation>ตัดสินรายการที่ขัดกั&amp;น…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="163"/>
        <source>Package exported</source>
        <translation>ส่งออกชุดข้อมูลแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="165"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="323"/>
        <source>File: {0}</source>
        <translation>ไฟล์: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="167"/>
        <source>{0} rating(s) of {1} agreement(s), signed by {2}.</source>
        <translation>ผลการประเมิน {0} รายการ ของคำรับรอง {1} ฉบับ ลงนามโดย {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="169"/>
        <source>Fingerprint of the signing key: {0}</source>
        <translation>ลายนิ้วมือของกุญแจที่ลงนาม: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="170"/>
        <source>Encrypted to the secretary&apos;s key, with {0} evidence file(s): only she can open it.</source>
        <translation>เข้ารหัสถึงกุญแจของเลขานุการ พร้อมไฟล์หลักฐาน {0} ไฟล์ เลขานุการเท่านั้นที่เปิดได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="172"/>
        <source>Send this file to the secretary (e-mail or USB stick); private notes never travel.</source>
        <translation>ส่งไฟล์นี้ให้เลขานุการ (ทางอีเมลหรือแฟลชไดรฟ์) บันทึกส่วนตัวไม่ถูกส่งไปด้วย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="174"/>
        <source>Your ratings are exported and signed.</source>
        <translation>ส่งออกและลงนามผลการประเมินของท่านแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="176"/>
        <source>{0} agreement(s), the members and their public keys, conflicts of interest and the declaration.</source>
        <translation>คำรับรอง {0} ฉบับ รายชื่อกรรมการและกุญแจสาธารณะ การมีส่วนได้เสีย และคำรับรองความเป็นอิสระ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="178"/>
        <source>Signed with the secretary&apos;s key, fingerprint: {0}</source>
        <translation>ลงนามด้วยกุญแจของเลขานุการ ลายนิ้วมือ: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="179"/>
        <source>Send this file to every member; they open it with File → Import package…, and on the first one compare this fingerprint aloud with you.</source>
        <translation>ส่งไฟล์นี้ให้กรรมการทุกคน กรรมการเปิดด้วย แฟ้ม → นำเข้าชุดข้อมูล… และในครั้งแรกให้เทียบลายนิ้วมือนี้กับท่านด้วยวาจา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="221"/>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="307"/>
        <source>Merged: {0} edit conflict(s) wait for your decision; nothing here was overwritten.</source>
        <translation>รวมผลแล้ว มี {0} รายการที่ขัดกันรอท่านตัดสิน ไม่มีการเขียนทับค่าในพื้นที่ทำงานนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="181"/>
        <source>The panel package is exported.</source>
        <translation>ส่งออกชุดข้อมูลคณะผู้ประเมินแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="186"/>
        <source>Panel package imported</source>
        <translation>นำเข้าชุดข้อมูลคณะผู้ประเมินแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="190"/>
        <source>This is the panel&apos;s master workspace, which made this package: nothing changed.</source>
        <translation>นี่คือพื้นที่ทำงานหลักของคณะผู้ประเมินที่สร้างชุดข้อมูลนี้เอง ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="193"/>
        <source>This panel package was imported before: nothing changed.</source>
        <translation>เคยนำเข้าชุดข้อมูลคณะผู้ประเมินนี้แล้ว ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="196"/>
        <source>Panel: {0} ({1} member(s))</source>
        <translation>คณะผู้ประเมิน: {0} (กรรมการ {1} ท่าน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="198"/>
        <source>Agreements added: {0}</source>
        <translation>คำรับรองที่เพิ่ม: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="201"/>
        <source>Agreements already here, unchanged: {0}</source>
        <translation>คำรับรองที่มีอยู่แล้ว ไม่เปลี่ยนแปลง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="204"/>
        <source>Self-assessment results updated: {0}</source>
        <translation>ผลการประเมินตนเองที่ปรับปรุง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="205"/>
        <source>State: {0}</source>
        <translation>สถานะ: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="206"/>
        <source>The panel package is imported: you can rate now.</source>
        <translation>นำเข้าชุดข้อมูลคณะผู้ประเมินแล้ว เริ่มประเมินได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="211"/>
        <source>Merge report: {0}</source>
        <translation>รายงานการรวมผล: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="215"/>
        <source>This package of {0} was imported before: nothing changed.</source>
        <translation>เคยนำเข้าชุดข้อมูลนี้ของ {0} แล้ว ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="253"/>
        <source>submission</source>
        <translation>การส่งผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="262"/>
        <source>Edit conflicts to review ({0})</source>
        <translation>ผลที่ขัดกัน ต้องตรวจสอบ ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="263"/>
        <source>Applied changes ({0})</source>
        <translation>การเปลี่ยนแปลงที่นำมาใช้ ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="230"/>
        <source>Ratings of {0}: {1} applied, {2} unchanged, {3} edit conflict(s) not applied; {4} submission(s); {5} evidence hash(es) recorded.</source>
        <translation>ผลการประเมินของ {0}: นำมาใช้ {1} รายการ ไม่เปลี่ยนแปลง {2} รายการ ขัดกันและไม่นำมาใช้ {3} รายการ การส่งผล {4} รายการ บันทึกค่าแฮชหลักฐาน {5} รายการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="219"/>
        <source>Submitted: {0} {1}, round {2} months</source>
        <translation>ส่งผลแล้ว: {0} {1} รอบ {2} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="225"/>
        <source>The ratings of {0} are merged.</source>
        <translation>รวมผลการประเมินของ {0} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="273"/>
        <source>Merge report: {0} packages</source>
        <translation>รายงานการรวมผล: ชุดข้อมูล {0} ชุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="280"/>
        <source>{0}: refused, nothing of it was written:</source>
        <translation>{0}: ปฏิเสธ ไม่ได้บันทึกสิ่งใดจากชุดข้อมูลนี้:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="283"/>
        <source>{0}: imported before, nothing changed.</source>
        <translation>{0}: นำเข้าแล้วก่อนหน้านี้ ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="287"/>
        <source>{0}: panel package imported.</source>
        <translation>{0}: นำเข้าชุดข้อมูลคณะผู้ประเมินแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="296"/>
        <source>None of the {0} packages could be used. Nothing was written.</source>
        <translation>ใช้ชุดข้อมูลทั้ง {0} ชุดไม่ได้เลย ไม่มีการบันทึกใด ๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="300"/>
        <source>{0} of {1} packages were refused and nothing of them was written; the others are imported.</source>
        <translation>ปฏิเสธชุดข้อมูล {0} จาก {1} ชุด และไม่ได้บันทึกสิ่งใดจากชุดเหล่านั้น ชุดอื่นนำเข้าแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="303"/>
        <source>These packages were imported before: nothing changed.</source>
        <translation>ชุดข้อมูลเหล่านี้นำเข้าแล้วก่อนหน้านี้ ไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="310"/>
        <source>All {0} packages are imported.</source>
        <translation>นำเข้าชุดข้อมูลครบทั้ง {0} ชุดแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="315"/>
        <source>Package not exported</source>
        <translation>ไม่ได้ส่งออกชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="315"/>
        <source>Package refused</source>
        <translation>ปฏิเสธชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="321"/>
        <source>No package was written.</source>
        <translation>ไม่ได้เขียนชุดข้อมูลใด ๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="322"/>
        <source>The package was refused. Nothing was written.</source>
        <translation>ปฏิเสธชุดข้อมูลนี้ ไม่มีการบันทึกใด ๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/merge_report.py" line="323"/>
        <source>Why:</source>
        <translation>เหตุผล:</translation>
    </message>
</context>
<context>
    <name>PanelActions</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="77"/>
        <source>&amp;Panel</source>
        <translation>คณะผู้&amp;ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="78"/>
        <source>Panel &amp;setup…</source>
        <translation>&amp;ตั้งค่าคณะผู้ประเมิน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="79"/>
        <source>Panel &amp;matrix</source>
        <translation>&amp;ตารางคะแนนของคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="80"/>
        <source>&amp;Submit my ratings…</source>
        <translation>&amp;ส่งผลการประเมินของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="81"/>
        <source>Enter &amp;consensus… (chair)</source>
        <translation>บันทึก&amp;มติที่ประชุม… (ประธาน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="82"/>
        <source>&amp;Reopen… (chair)</source>
        <translation>เ&amp;ปิดใหม่… (ประธาน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="83"/>
        <source>&amp;Finalise the panel result… (chair)</source>
        <translation>&amp;ยุติผลการประเมินของคณะ… (ประธาน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="84"/>
        <source>Make my &amp;key pair…</source>
        <translation>สร้างคู่&amp;กุญแจของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="85"/>
        <source>My signing key and &amp;fingerprint…</source>
        <translation>กุญแจลงนามและ&amp;ลายนิ้วมือของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="140"/>
        <source>This workspace has no panel yet. The secretary sets it up with Panel → Panel setup…; a member imports the secretary&apos;s panel package with File → Import package….</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน เลขานุการตั้งค่าได้ที่ คณะผู้ประเมิน → ตั้งค่าคณะผู้ประเมิน… ส่วนกรรมการนำเข้าชุดข้อมูลคณะผู้ประเมินจากเลขานุการที่ แฟ้ม → นำเข้าชุดข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="147"/>
        <source>Choose an agreement in the list first.</source>
        <translation>โปรดเลือกคำรับรองในรายการก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="193"/>
        <source>Submit my ratings</source>
        <translation>ส่งผลการประเมินของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="201"/>
        <source>You are rating as {0}, who is not on the panel. Choose your member id in Edit → Settings….</source>
        <translation>ท่านประเมินในนาม {0} ซึ่งไม่ได้เป็นกรรมการในคณะ โปรดเลือกรหัสกรรมการของท่านที่ แก้ไข → ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="208"/>
        <source>Not submitted</source>
        <translation>ยังไม่ได้ส่ง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="212"/>
        <source>Submitted: the ratings of {0} for {1}, round {2} months. Export them with File → Export my ratings….</source>
        <translation>ส่งผลการประเมินของ {0} สำหรับ {1} รอบ {2} เดือนแล้ว ส่งออกได้ที่ แฟ้ม → ส่งออกผลการประเมินของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="221"/>
        <source>The window acts as the evaluator chosen in Edit → Settings….</source>
        <translation>โปรแกรมทำงานในนามผู้ประเมินที่เลือกไว้ใน แก้ไข → ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="231"/>
        <source>Enter consensus</source>
        <translation>บันทึกมติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="251"/>
        <source>Select a scored indicator first.</source>
        <translation>โปรดเลือกตัวชี้วัดที่ให้คะแนนก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="259"/>
        <source>Consensus not saved</source>
        <translation>ไม่ได้บันทึกมติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="263"/>
        <source>Consensus of indicator {0}: {1}</source>
        <translation>มติที่ประชุม ตัวชี้วัด {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="270"/>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="296"/>
        <source>Reopen</source>
        <translation>เปิดใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="280"/>
        <source>The finalised panel result</source>
        <translation>ผลการประเมินของคณะที่ยุติแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="284"/>
        <source>The submitted ratings of {0}</source>
        <translation>ผลการประเมินที่ส่งแล้วของ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="288"/>
        <source>Nothing to reopen for {0}, round {1} months: no ratings are submitted and the panel result is not finalised.</source>
        <translation>ไม่มีสิ่งที่ต้องเปิดใหม่สำหรับ {0} รอบ {1} เดือน: ยังไม่มีผลการประเมินที่ส่ง และผลของคณะยังไม่ยุติ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="294"/>
        <source>Reopen for {0}, round {1} months. The reason is kept in the history.</source>
        <translation>เปิดใหม่สำหรับ {0} รอบ {1} เดือน เหตุผลจะบันทึกไว้ในประวัติ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="308"/>
        <source>Not reopened</source>
        <translation>ไม่ได้เปิดใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="311"/>
        <source>Reopened ({0}).</source>
        <translation>เปิดใหม่แล้ว ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="316"/>
        <source>Finalise the panel result</source>
        <translation>ยุติผลการประเมินของคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="332"/>
        <source>Finalise the panel result of {0}, round {1} months, with the panel total {2}? Afterwards its ratings, consensus values and conflicts of interest are read-only; only the chair can reopen it, with a reason.</source>
        <translation>ยุติผลการประเมินของคณะสำหรับ {0} รอบ {1} เดือน คะแนนรวมของคณะ {2} หรือไม่ หลังจากนี้ผลการประเมิน มติที่ประชุม และการมีส่วนได้เสียจะแก้ไขไม่ได้ เฉพาะประธานเท่านั้นที่เปิดใหม่ได้ พร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="337"/>
        <source>Not finalised</source>
        <translation>ไม่ได้ยุติผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="340"/>
        <source>The panel result of {0}, round {1} months, is finalised: total {2}.</source>
        <translation>ยุติผลการประเมินของคณะสำหรับ {0} รอบ {1} เดือนแล้ว คะแนนรวม {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="356"/>
        <source>Choose a passphrase for your new signing key. You type it each time you export your ratings; nobody can recover it for you.</source>
        <translation>ตั้งรหัสผ่านของกุญแจลงนามใหม่ ท่านต้องพิมพ์ทุกครั้งที่ส่งออกผลการประเมิน และไม่มีผู้ใดกู้คืนรหัสผ่านให้ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="363"/>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="366"/>
        <source>No key made</source>
        <translation>ไม่ได้สร้างกุญแจ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="368"/>
        <source>Your signing key is made. Hand your public key to the secretary.</source>
        <translation>สร้างกุญแจลงนามแล้ว โปรดส่งกุญแจสาธารณะให้เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_actions.py" line="383"/>
        <source>My signing key</source>
        <translation>กุญแจลงนามของฉัน</translation>
    </message>
</context>
<context>
    <name>PanelMatrixModel</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="148"/>
        <source>{0}
excluded</source>
        <translation>{0}
ไม่นับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="150"/>
        <source>Panel figure
({0})</source>
        <translation>คะแนนของคณะ
({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="152"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="152"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="152"/>
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="153"/>
        <source>Mean</source>
        <translation>ค่าเฉลี่ย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="153"/>
        <source>Median</source>
        <translation>มัธยฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="153"/>
        <source>Min</source>
        <translation>ต่ำสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="153"/>
        <source>Max</source>
        <translation>สูงสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="154"/>
        <source>Consensus</source>
        <translation>มติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="154"/>
        <source>Spread</source>
        <translation>ส่วนต่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="159"/>
        <source>submitted</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="159"/>
        <source>draft</source>
        <translation>ร่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="163"/>
        <source>Spread: the highest member&apos;s score minus the lowest</source>
        <translation>ส่วนต่าง: คะแนนสูงสุดของกรรมการลบคะแนนต่ำสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="169"/>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="264"/>
        <source>Excluded for a conflict of interest: {0}. {1}</source>
        <translation>ไม่นับเพราะมีส่วนได้เสีย: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="223"/>
        <source>not counted</source>
        <translation>ไม่นับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="267"/>
        <source>Consensus {0} entered by {1}: {2}</source>
        <translation>มติที่ประชุม {0} บันทึกโดย {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix_model.py" line="270"/>
        <source>{0} has not rated this indicator yet</source>
        <translation>{0} ยังไม่ได้ประเมินตัวชี้วัดนี้</translation>
    </message>
</context>
<context>
    <name>PanelMatrixWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="165"/>
        <source>Choose an agreement in the main window.</source>
        <translation>โปรดเลือกคำรับรองในหน้าต่างหลัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="169"/>
        <source>This workspace has no panel yet: set it up with Panel → Panel setup…, or import the secretary&apos;s panel package.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน ตั้งค่าได้ที่ คณะผู้ประเมิน → ตั้งค่าคณะผู้ประเมิน… หรือนำเข้าชุดข้อมูลคณะผู้ประเมินจากเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="191"/>
        <source>You declared a conflict of interest with {0}: the other members&apos; ratings of it are hidden from you, and yours do not count.</source>
        <translation>ท่านแจ้งว่ามีส่วนได้เสียกับ {0} จึงไม่แสดงผลการประเมินของกรรมการท่านอื่น และผลของท่านไม่นำมานับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="193"/>
        <source>The other members&apos; ratings of {0} stay hidden until you submit your own (Panel → Submit my ratings…).</source>
        <translation>ผลการประเมิน {0} ของกรรมการคนอื่นจะซ่อนไว้จนกว่าท่านจะส่งผลการประเมินของท่าน (คณะผู้ประเมิน → ส่งผลการประเมินของฉัน…)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="200"/>
        <source>Panel matrix</source>
        <translation>ตารางคะแนนของคณะ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="203"/>
        <source>finalised (read-only)</source>
        <translation>ยุติแล้ว (แก้ไขไม่ได้)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="203"/>
        <source>open</source>
        <translation>ยังไม่ยุติ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="204"/>
        <source>Panel matrix — {0}</source>
        <translation>ตารางคะแนนของคณะ — {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="206"/>
        <source>round {0} months</source>
        <translation>รอบ {0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="219"/>
        <source>(no panel figure yet for {0})</source>
        <translation>(ยังไม่มีคะแนนของคณะสำหรับ {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="221"/>
        <source>Not counted (conflict of interest): {0}</source>
        <translation>ไม่นับ (มีส่วนได้เสีย): {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="222"/>
        <source>Members&apos; totals:</source>
        <translation>คะแนนรวมของกรรมการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="223"/>
        <source>Panel total:</source>
        <translation>คะแนนรวมของคณะ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="258"/>
        <source>Select a member&apos;s score to see its history, or the panel figure for the consensus history.</source>
        <translation>เลือกคะแนนของกรรมการเพื่อดูประวัติการแก้ไข หรือเลือกคะแนนของคณะเพื่อดูประวัติมติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="263"/>
        <source>History of {0}&apos;s rating of indicator {1}, round {2} months</source>
        <translation>ประวัติการแก้ไขผลการประเมินของ {0} ตัวชี้วัด {1} รอบ {2} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="267"/>
        <source>History of the consensus of indicator {0}, round {1} months</source>
        <translation>ประวัติมติที่ประชุม ตัวชี้วัด {0} รอบ {1} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="270"/>
        <source>no changes recorded</source>
        <translation>ไม่มีการแก้ไขที่บันทึกไว้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="303"/>
        <source>Enter &amp;consensus…</source>
        <translation>บันทึก&amp;มติที่ประชุม…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="304"/>
        <source>&amp;Finalise…</source>
        <translation>&amp;ยุติผล…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="305"/>
        <source>&amp;Reopen…</source>
        <translation>เ&amp;ปิดใหม่…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="308"/>
        <source>Spread:</source>
        <translation>ส่วนต่าง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="309"/>
        <source>small</source>
        <translation>น้อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_matrix.py" line="310"/>
        <source>half the score range or more</source>
        <translation>ตั้งแต่ครึ่งหนึ่งของช่วงคะแนน</translation>
    </message>
</context>
<context>
    <name>PanelSetupDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="71"/>
        <source>Panel setup</source>
        <translation>ตั้งค่าคณะผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="81"/>
        <source>&amp;Add member…</source>
        <translation>&amp;เพิ่มกรรมการ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="83"/>
        <source>&amp;Edit…</source>
        <translation>แ&amp;ก้ไข…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="85"/>
        <source>Re&amp;move…</source>
        <translation>&amp;นำออก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="89"/>
        <source>&amp;Declare conflict…</source>
        <translation>แ&amp;จ้งการมีส่วนได้เสีย…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="91"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;ยกเลิก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="99"/>
        <source>&amp;Save declaration</source>
        <translation>&amp;บันทึกคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="101"/>
        <source>Standard text</source>
        <translation>ข้อความมาตรฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="105"/>
        <source>Members</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="106"/>
        <source>Conflicts of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="107"/>
        <source>Rule and declaration</source>
        <translation>วิธีคิดคะแนนและคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="133"/>
        <source>Read the fingerprints aloud in the meeting: each member compares theirs with Panel → My signing key.</source>
        <translation>อ่านลายนิ้วมือกุญแจในที่ประชุม กรรมการแต่ละท่านเทียบกับของตนเองที่ คณะผู้ประเมิน → กุญแจลงนามของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="156"/>
        <source>Panel &amp;figure:</source>
        <translation>&amp;คะแนนของคณะ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="161"/>
        <source>&amp;Declaration each member confirms before submitting (independence and confidentiality):</source>
        <translation>คำ&amp;รับรองที่กรรมการยืนยันก่อนส่งผล (ความเป็นอิสระและการรักษาความลับ):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="183"/>
        <source>This workspace has no panel yet. Adding the first member sets it up; members&apos; laptops get it from the panel package.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน การเพิ่มกรรมการท่านแรกจะตั้งคณะขึ้น เครื่องของกรรมการได้รับจากชุดข้อมูลคณะผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="186"/>
        <source>{0} · {1} member(s) · panel id {2}</source>
        <translation>{0} · กรรมการ {1} ท่าน · รหัสคณะ {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="221"/>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="234"/>
        <source>Not saved</source>
        <translation>ไม่ได้บันทึก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="235"/>
        <source>There is already a member {0}. Select them and choose Edit.</source>
        <translation>มีกรรมการรหัส {0} อยู่แล้ว เลือกแล้วกด แก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="253"/>
        <source>Remove member</source>
        <translation>นำกรรมการออก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="254"/>
        <source>Take {0} ({1}) off the panel? Their recorded ratings stay, but no longer count or sign.</source>
        <translation>นำ {0} ({1}) ออกจากคณะผู้ประเมินหรือไม่ ผลการประเมินที่บันทึกไว้ยังอยู่ แต่จะไม่นำมานับและไม่ลงนาม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="255"/>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="274"/>
        <source>Withdraw conflict of interest</source>
        <translation>ยกเลิกการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="275"/>
        <source>Withdraw the conflict of interest of {0} with {1}? Their ratings of it will count again.</source>
        <translation>ยกเลิกการมีส่วนได้เสียของ {0} กับ {1} หรือไม่ ผลการประเมินจะกลับมานับอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/panel_setup.py" line="276"/>
        <source>Withdraw</source>
        <translation>ยกเลิกการมีส่วนได้เสีย</translation>
    </message>
</context>
<context>
    <name>PanelTexts</name>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="13"/>
        <source>Chair</source>
        <translation>ประธานกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="14"/>
        <source>Member</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="15"/>
        <source>Member and secretary</source>
        <translation>กรรมการและเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="16"/>
        <source>Assistant secretary</source>
        <translation>ผู้ช่วยเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="23"/>
        <source>Former employee of the agency</source>
        <translation>เคยเป็นบุคลากรของส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="24"/>
        <source>Relative of the agency&apos;s executives or indicator owners</source>
        <translation>เป็นญาติกับผู้บริหารหรือผู้รับผิดชอบของส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="25"/>
        <source>Financial interest</source>
        <translation>มีส่วนได้เสียทางการเงิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="26"/>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="33"/>
        <source>Mean of the members&apos; scores</source>
        <translation>ค่าเฉลี่ยของคะแนนกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="34"/>
        <source>Median of the members&apos; scores</source>
        <translation>มัธยฐานของคะแนนกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="35"/>
        <source>Consensus value entered by the chair</source>
        <translation>มติที่ประชุม บันทึกโดยประธาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="42"/>
        <source>mean</source>
        <translation>ค่าเฉลี่ย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="43"/>
        <source>median</source>
        <translation>มัธยฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/panel_texts.py" line="44"/>
        <source>consensus</source>
        <translation>มติที่ประชุม</translation>
    </message>
</context>
<context>
    <name>PartiesDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="37"/>
        <source>Parties of the agreement</source>
        <translation>คู่สัญญาของคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="42"/>
        <source>One person a line: name | position. The agreement paper names them in its first clause and gives each a signature block.</source>
        <translation>บรรทัดละหนึ่งคน: ชื่อ | ตำแหน่ง คำรับรองจะระบุชื่อในข้อ ๑ และมีที่ลงนามให้ทุกคน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="53"/>
        <source>&amp;Recipients (ผู้รับคำรับรอง):</source>
        <translation>ผู้&amp;รับคำรับรอง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="54"/>
        <source>&amp;Givers (ผู้ทำคำรับรอง):</source>
        <translation>ผู้&amp;ทำคำรับรอง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="67"/>
        <source>The workspace is open read-only: {0}</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/parties_dialog.py" line="87"/>
        <source>line {0}</source>
        <translation>บรรทัดที่ {0}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="138"/>
        <source>Passphrase of the signing key</source>
        <translation>รหัสผ่านของกุญแจลงนาม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="154"/>
        <source>Member:</source>
        <translation>กรรมการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="155"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;รหัสผ่าน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="157"/>
        <source>&amp;Again:</source>
        <translation>&amp;อีกครั้ง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="178"/>
        <source>At least {0} characters.</source>
        <translation>อย่างน้อย {0} ตัวอักษร</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/identity_dialogs.py" line="180"/>
        <source>The two passphrases differ.</source>
        <translation>รหัสผ่านสองครั้งไม่ตรงกัน</translation>
    </message>
</context>
<context>
    <name>PrintSupport</name>
    <message>
        <location filename="../../evaluator_app/ui/common/print_support.py" line="34"/>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProblemsListModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="456"/>
        <source>Broken constraints</source>
        <translation>เงื่อนไขที่ไม่ผ่าน</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="124"/>
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="124"/>
        <source>Sheet</source>
        <translation>ชีต</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="124"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="125"/>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="125"/>
        <source>Problem</source>
        <translation>ปัญหา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="134"/>
        <source>Warning: {0}</source>
        <translation>คำเตือน: {0}</translation>
    </message>
</context>
<context>
    <name>ReadRowsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="60"/>
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="60"/>
        <source>Sheet</source>
        <translation>ชีต</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="60"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="60"/>
        <source>Read as</source>
        <translation>อ่านเป็น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="108"/>
        <source>indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="108"/>
        <source>dimension heading</source>
        <translation>หัวข้อมิติ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="109"/>
        <source>blank</source>
        <translation>แถวว่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/import_models.py" line="109"/>
        <source>title</source>
        <translation>หัวเรื่อง</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/common/reason_dialog.py" line="40"/>
        <source>Why (required; it is kept in the history)</source>
        <translation>เหตุผล (ต้องระบุ และจะบันทึกไว้ในประวัติ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/reason_dialog.py" line="44"/>
        <source>&amp;Which:</source>
        <translation>&amp;รายการ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/reason_dialog.py" line="47"/>
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
</context>
<context>
    <name>RedistributeDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="216"/>
        <source>Redistribute weights</source>
        <translation>กระจายน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="217"/>
        <source>Indicator {0}: {1} (weight now {2})</source>
        <translation>ตัวชี้วัด {0}: {1} (น้ำหนักปัจจุบัน {2})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="219"/>
        <source>&amp;New weight:</source>
        <translation>น้ำหนัก&amp;ใหม่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="220"/>
        <source>Spread the difference:</source>
        <translation>กระจายส่วนต่าง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="221"/>
        <source>&amp;In proportion to their weights</source>
        <translation>&amp;ตามสัดส่วนน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="222"/>
        <source>&amp;Equally</source>
        <translation>เท่า&amp;กัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="223"/>
        <source>Over:</source>
        <translation>ให้กับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="224"/>
        <source>&amp;All indicators at the same level</source>
        <translation>ตัวชี้วัดระดับเดียวกัน&amp;ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="225"/>
        <source>&amp;Only the ticked indicators</source>
        <translation>เ&amp;ฉพาะตัวชี้วัดที่เลือก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="226"/>
        <source>These weights will change:</source>
        <translation>น้ำหนักที่จะเปลี่ยน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="228"/>
        <source>The weights at this level sum to {0}, not {1}: applying brings them back to {1}.</source>
        <translation>น้ำหนักในระดับนี้รวมได้ {0} ไม่ใช่ {1} เมื่อกดใช้ น้ำหนักจะกลับมารวมเป็น {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="230"/>
        <source>&amp;Apply</source>
        <translation>&amp;ใช้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="245"/>
        <source>Type the new weight as a number, such as 35 or 12.5.</source>
        <translation>พิมพ์น้ำหนักใหม่เป็นตัวเลข เช่น 35 หรือ 12.5</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="249"/>
        <source>Tick the indicators that take or give the difference.</source>
        <translation>โปรดเลือกตัวชี้วัดที่จะรับหรือให้ส่วนต่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="265"/>
        <source>equally</source>
        <translation>เท่ากัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="265"/>
        <source>proportionally</source>
        <translation>ตามสัดส่วน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_redistribute.py" line="271"/>
        <source>Redistribute from {0}: {1} → {2} ({3})</source>
        <translation>กระจายน้ำหนักจาก {0}: {1} → {2} ({3})</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="60"/>
        <source>&amp;Reports</source>
        <translation>&amp;รายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="61"/>
        <source>Report &amp;preview…</source>
        <translation>&amp;ดูตัวอย่างรายงาน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="62"/>
        <source>&amp;Print report…</source>
        <translation>&amp;พิมพ์รายงาน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="63"/>
        <source>&amp;Save report as PDF…</source>
        <translation>&amp;บันทึกรายงานเป็น PDF…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="64"/>
        <source>&amp;Agreement paper…</source>
        <translation>คำ&amp;รับรองการปฏิบัติราชการ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="66"/>
        <source>Fiscal-year &amp;summary…</source>
        <translation>&amp;สรุปผลทั้งปีงบประมาณ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="67"/>
        <source>&amp;Batch print a fiscal year…</source>
        <translation>พิมพ์&amp;ทั้งปีงบประมาณ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="74"/>
        <source>Choose an agreement first.</source>
        <translation>โปรดเลือกคำรับรองก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="65"/>
        <source>Parties of the agreement (คู่สัญญา)…</source>
        <translation>&amp;คู่สัญญาของคำรับรอง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_actions.py" line="116"/>
        <source>The parties are saved.</source>
        <translation>บันทึกคู่สัญญาแล้ว</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="137"/>
        <source>Evaluation report</source>
        <translation>รายงานผลการประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="138"/>
        <source>Agreement (annex of indicators)</source>
        <translation>คำรับรอง (ภาคผนวกตัวชี้วัด)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="139"/>
        <source>Fiscal-year summary</source>
        <translation>สรุปผลทั้งปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="171"/>
        <source>Drawing the preview…</source>
        <translation>กำลังจัดทำตัวอย่าง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="192"/>
        <source>{0} page(s), A4. The preview is a draft; the saved or printed paper carries the verification code.</source>
        <translation>{0} หน้า ขนาด A4 ตัวอย่างนี้เป็นฉบับร่าง ฉบับที่บันทึกหรือพิมพ์จะมีรหัสตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="195"/>
        <source>Indicators {0} have no committee figure yet: only a draft can be printed.</source>
        <translation>ตัวชี้วัด {0} ยังไม่มีผลของคณะกรรมการ จึงพิมพ์ได้เฉพาะฉบับร่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="198"/>
        <source>Saving or printing issues the report: its figures are frozen, and change only by reopening with a reason.</source>
        <translation>การบันทึกหรือพิมพ์คือการออกรายงาน ตัวเลขจะถูกตรึงไว้ และเปลี่ยนได้เมื่อเปิดใหม่พร้อมเหตุผลเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="201"/>
        <source>Pages cannot be drawn here: their text is shown; use Open in the PDF viewer to see and print them.</source>
        <translation>แสดงภาพหน้าที่นี่ไม่ได้ จึงแสดงข้อความแทน ใช้ปุ่มเปิดในโปรแกรมดู PDF เพื่อดูและพิมพ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="219"/>
        <source>Page {0}</source>
        <translation>หน้า {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="248"/>
        <source>Issue the report</source>
        <translation>ออกรายงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="249"/>
        <source>Issue the evaluation report of {0}, round {1} months? Its figures are frozen with a verification code; they change afterwards only by reopening with a reason.</source>
        <translation>ออกรายงานผลการประเมินของ {0} รอบ {1} เดือน หรือไม่? ตัวเลขจะถูกตรึงไว้พร้อมรหัสตรวจสอบ และเปลี่ยนได้ภายหลังเมื่อเปิดใหม่พร้อมเหตุผลเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="259"/>
        <source>Save PDF</source>
        <translation>บันทึก PDF</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="262"/>
        <source>Writing {0}…</source>
        <translation>กำลังเขียน {0}…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="270"/>
        <source>Saved {0} ({1} page(s)).</source>
        <translation>บันทึก {0} แล้ว ({1} หน้า)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="272"/>
        <source>Verification code: {0}</source>
        <translation>รหัสตรวจสอบ: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="306"/>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="310"/>
        <source>Preparing the pages for the printer…</source>
        <translation>กำลังเตรียมหน้าสำหรับเครื่องพิมพ์…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="324"/>
        <source>The printer refused the pages: {0}</source>
        <translation>เครื่องพิมพ์ไม่รับหน้า: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="326"/>
        <source>Sent {0} page(s) to {1}.</source>
        <translation>ส่ง {0} หน้าไปยัง {1} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="331"/>
        <source>The PDF is open in the system&apos;s viewer: print it from there ({0}).</source>
        <translation>เปิด PDF ในโปรแกรมดูของระบบแล้ว โปรดพิมพ์จากที่นั่น ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="358"/>
        <source>Not done: {0}</source>
        <translation>ไม่สำเร็จ: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="389"/>
        <source>Report — {0} {1}</source>
        <translation>รายงาน — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="390"/>
        <source>&amp;Paper:</source>
        <translation>&amp;เอกสาร:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="391"/>
        <source>&amp;Round:</source>
        <translation>&amp;รอบ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="393"/>
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="394"/>
        <source>&amp;Draft (nothing is issued)</source>
        <translation>ฉบับ&amp;ร่าง (ไม่ออกรายงาน)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="395"/>
        <source>&amp;Print…</source>
        <translation>&amp;พิมพ์…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="396"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;บันทึก PDF…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="397"/>
        <source>&amp;Open in the PDF viewer</source>
        <translation>เ&amp;ปิดในโปรแกรมดู PDF</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/papers/report_dialog.py" line="398"/>
        <source>&amp;Close</source>
        <translation>ปิ&amp;ด</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="79"/>
        <source>Restore from backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="82"/>
        <source>Choose the backup of {0} to go back to. The workspace as it is now is kept as a backup first, so a restore can itself be undone.</source>
        <translation>เลือกไฟล์สำรองของ {0} ที่จะกลับไปใช้ พื้นที่ทำงานปัจจุบันจะถูกสำรองไว้ก่อน จึงย้อนการกู้คืนได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="96"/>
        <source>There are no backups of this workspace yet.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีไฟล์สำรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/backups_dialog.py" line="99"/>
        <source>&amp;Restore</source>
        <translation>&amp;กู้คืน</translation>
    </message>
</context>
<context>
    <name>ResultWarning</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="195"/>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="196"/>
        <source>Close this message</source>
        <translation>ปิดข้อความนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="197"/>
        <source>Check of the typed result</source>
        <translation>ผลการตรวจค่าที่พิมพ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="199"/>
        <source>Enter again keeps it as typed; or correct it, or Esc to discard it.</source>
        <translation>กด Enter อีกครั้งเพื่อยืนยันค่าตามที่พิมพ์ หรือแก้ไขค่า หรือกด Esc เพื่อยกเลิก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="200"/>
        <source>Keep {0}</source>
        <translation>ยืนยัน {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/result_warning.py" line="203"/>
        <source>Correct it, or Esc to discard it.</source>
        <translation>แก้ไขค่า หรือกด Esc เพื่อยกเลิก</translation>
    </message>
</context>
<context>
    <name>ScoreWithReasonDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/common/score_dialog.py" line="29"/>
        <source>0 to {0}</source>
        <translation>0 ถึง {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/score_dialog.py" line="61"/>
        <source>The score must be a number, got &apos;{0}&apos;.</source>
        <translation>คะแนนต้องเป็นตัวเลข ได้ &apos;{0}&apos;</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/common/score_dialog.py" line="64"/>
        <source>The score must lie between 0 and {0}.</source>
        <translation>คะแนนต้องอยู่ระหว่าง 0 ถึง {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="32"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="36"/>
        <source>&amp;Change…</source>
        <translation>&amp;เปลี่ยน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="42"/>
        <source>Your results are recorded under this name in this workspace.</source>
        <translation>ผลของท่านในพื้นที่ทำงานนี้บันทึกในนามนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="58"/>
        <source>Times in the window and on the papers of this workspace are on this clock (Buddhist Era dates).</source>
        <translation>เวลาที่แสดงในหน้าต่างและที่พิมพ์ในเอกสารของพื้นที่ทำงานนี้ใช้เขตเวลานี้ (วันที่เป็นพุทธศักราช)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="64"/>
        <source>You are:</source>
        <translation>ท่านคือ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="67"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;เขตเวลา:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="92"/>
        <source>Unknown time zone &quot;{0}&quot;: choose one from the list, e.g. Asia/Bangkok.</source>
        <translation>ไม่รู้จักเขตเวลา &quot;{0}&quot; เลือกจากรายการ เช่น Asia/Bangkok</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/settings_dialog.py" line="66"/>
        <source>&amp;Language:</source>
        <translation>&amp;ภาษา:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../evaluator_app/ui/shell/app.py" line="90"/>
        <source>The workspace open last time is no longer there ({0}); the default workspace is open.</source>
        <translation>ไม่พบพื้นที่ทำงานที่เปิดครั้งก่อนแล้ว ({0}) จึงเปิดพื้นที่ทำงานเริ่มต้นแทน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/shell/app.py" line="142"/>
        <source>The workspace open last time could not be opened: {0}</source>
        <translation>เปิดพื้นที่ทำงานที่เปิดครั้งก่อนไม่ได้: {0}</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="24"/>
        <source>Submit my ratings</source>
        <translation>ส่งผลการประเมินของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="27"/>
        <source>Submit the ratings of {0} for {1}, round {2} months.</source>
        <translation>ส่งผลการประเมินของ {0} สำหรับ {1} รอบ {2} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="29"/>
        <source>After submitting, only the chair can reopen them, with a reason.</source>
        <translation>เมื่อส่งแล้ว เฉพาะประธานเท่านั้นที่เปิดใหม่ได้ พร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="34"/>
        <source>I have read and &amp;confirm this declaration</source>
        <translation>ข้าพเจ้าได้อ่านและ&amp;ยืนยันคำรับรองนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="37"/>
        <source>&amp;Submit</source>
        <translation>&amp;ส่งผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/panel/submission_dialog.py" line="46"/>
        <source>Declaration of independence and confidentiality:</source>
        <translation>คำรับรองความเป็นอิสระและการรักษาความลับ:</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="68"/>
        <source>Export &amp;panel package…</source>
        <translation>ส่งออกชุดข้อมูล&amp;คณะผู้ประเมิน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="69"/>
        <source>Secretary: the panel, members, keys and agreements, for every member&apos;s laptop</source>
        <translation>สำหรับเลขานุการ: คณะผู้ประเมิน กรรมการ กุญแจ และคำรับรอง ส่งให้เครื่องของกรรมการทุกท่าน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="71"/>
        <source>&amp;Export my ratings…</source>
        <translation>&amp;ส่งออกผลการประเมินของฉัน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="72"/>
        <source>Member: your ratings, signed with your key, for the secretary</source>
        <translation>สำหรับกรรมการ: ผลการประเมินของท่าน ลงนามด้วยกุญแจของท่าน ส่งให้เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="74"/>
        <source>Import pac&amp;kage…</source>
        <translation>นำเข้า&amp;ชุดข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="75"/>
        <source>Edit &amp;conflicts… (secretary)</source>
        <translation>รายการแก้ไขที่ขัดกั&amp;น… (เลขานุการ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="76"/>
        <source>Secretary: ratings a member&apos;s package brought that were changed here too; keep yours or take theirs</source>
        <translation>เลขานุการ: ผลการประเมินจากชุดข้อมูลของกรรมการที่ถูกแก้ไขในพื้นที่ทำงานนี้ด้วย เลือกคงค่าของท่านหรือใช้ค่าของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="78"/>
        <source>&amp;Back up now</source>
        <translation>บันทึก&amp;สำรองเดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="79"/>
        <source>Restore from bac&amp;kup…</source>
        <translation>&amp;กู้คืนจากไฟล์สำรอง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="108"/>
        <source>This workspace has no panel yet. The secretary sets it up with Panel → Panel setup…; a member imports the secretary&apos;s panel package with File → Import package….</source>
        <translation>พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน เลขานุการตั้งค่าได้ที่ คณะผู้ประเมิน → ตั้งค่าคณะผู้ประเมิน… ส่วนกรรมการนำเข้าชุดข้อมูลคณะผู้ประเมินจากเลขานุการที่ แฟ้ม → นำเข้าชุดข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="118"/>
        <source>Export my ratings</source>
        <translation>ส่งออกผลการประเมินของฉัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="125"/>
        <source>You are rating as {0}, who is not on the panel. Choose your member id in Edit → Settings….</source>
        <translation>ท่านประเมินในนาม {0} ซึ่งไม่ได้เป็นกรรมการในคณะ โปรดเลือกรหัสกรรมการของท่านที่ แก้ไข → ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="130"/>
        <source>You have no signing key on this computer yet: make one with Panel → Make my key pair…, and hand your public key to the secretary.</source>
        <translation>เครื่องนี้ยังไม่มีกุญแจลงนามของท่าน สร้างได้ที่ คณะผู้ประเมิน → สร้างคู่กุญแจของฉัน… แล้วส่งกุญแจสาธารณะให้เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="133"/>
        <source>Your ratings are signed with your key. Type its passphrase.</source>
        <translation>ผลการประเมินจะลงนามด้วยกุญแจของท่าน โปรดพิมพ์รหัสผ่านของกุญแจ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="151"/>
        <source>Export panel package</source>
        <translation>ส่งออกชุดข้อมูลคณะผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="161"/>
        <source>The panel package is signed with the secretary&apos;s key. Add the secretary in Panel → Panel setup…, make her key pair on this computer (Panel → Make my key pair…, rating as the secretary) and record its public key for her.</source>
        <translation>ชุดข้อมูลคณะผู้ประเมินลงนามด้วยกุญแจของเลขานุการ เพิ่มเลขานุการใน คณะผู้ประเมิน → ตั้งค่าคณะผู้ประเมิน… สร้างคู่กุญแจของเลขานุการในเครื่องนี้ (คณะผู้ประเมิน → สร้างคู่กุญแจของฉัน… โดยประเมินในนามเลขานุการ) และบันทึกกุญแจสาธารณะให้เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="166"/>
        <source>The panel package is signed with your key, and the members&apos; ratings will be encrypted to you. Type your key&apos;s passphrase.</source>
        <translation>ชุดข้อมูลคณะผู้ประเมินจะลงนามด้วยกุญแจของท่าน และผลการประเมินของกรรมการจะเข้ารหัสถึงท่าน พิมพ์รหัสผ่านของกุญแจ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="196"/>
        <source>No backup made</source>
        <translation>ไม่ได้สำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="196"/>
        <source>The backup could not be written: {0}</source>
        <translation>เขียนไฟล์สำรองไม่ได้: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="198"/>
        <source>Backed up: {0} ({1})</source>
        <translation>สำรองข้อมูลแล้ว: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="212"/>
        <source>Restore from backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="213"/>
        <source>Go back to the workspace as it was on {0}? Everything changed since then is kept in a backup of the workspace as it is now, taken first.</source>
        <translation>กลับไปใช้พื้นที่ทำงานตามที่เป็นเมื่อ {0} หรือไม่ ทุกสิ่งที่แก้ไขหลังจากนั้นจะเก็บไว้ในไฟล์สำรองของพื้นที่ทำงานปัจจุบัน ซึ่งสำรองไว้ก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="244"/>
        <source>Not restored</source>
        <translation>ไม่ได้กู้คืน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="244"/>
        <source>The backup was not restored: {0}</source>
        <translation>ไม่ได้กู้คืนไฟล์สำรอง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/transfer_actions.py" line="247"/>
        <source>Restored the backup of {0}. The workspace as it was is kept as {1}.</source>
        <translation>กู้คืนไฟล์สำรองเมื่อ {0} แล้ว พื้นที่ทำงานก่อนกู้คืนเก็บไว้เป็น {1}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/transfer/trust_dialog.py" line="17"/>
        <source>Confirm the secretary&apos;s key</source>
        <translation>ยืนยันกุญแจของเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/trust_dialog.py" line="20"/>
        <source>{0} is the first panel package on this computer. It is signed by the secretary ({1}). Read the fingerprint below aloud with the secretary, in person or by telephone; import only if it matches hers. From then on, only packages signed by this key are accepted.</source>
        <translation>{0} เป็นชุดข้อมูลคณะผู้ประเมินชุดแรกในเครื่องนี้ ลงนามโดยเลขานุการ ({1}) อ่านลายนิ้วมือด้านล่างทวนกับเลขานุการด้วยวาจา ต่อหน้าหรือทางโทรศัพท์ นำเข้าเฉพาะเมื่อตรงกับของเลขานุการ หลังจากนี้จะรับเฉพาะชุดข้อมูลที่ลงนามด้วยกุญแจนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/trust_dialog.py" line="25"/>
        <source>{0} is signed by another key than the secretary&apos;s key trusted on this computer ({1}), and the old key did not vouch for it. Trust the new key only if the secretary tells you she changed it and the fingerprint below matches hers.</source>
        <translation>{0} ลงนามด้วยกุญแจอื่น ไม่ใช่กุญแจของเลขานุการที่เครื่องนี้เชื่อถือ ({1}) และกุญแจเดิมไม่ได้รับรองกุญแจใหม่ เชื่อถือกุญแจใหม่เฉพาะเมื่อเลขานุการแจ้งว่าเปลี่ยนกุญแจแล้ว และลายนิ้วมือด้านล่างตรงกับของเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/trust_dialog.py" line="37"/>
        <source>I compared it aloud with the secretary: it matches</source>
        <translation>ข้าพเจ้าเทียบกับเลขานุการด้วยวาจาแล้ว ตรงกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/transfer/trust_dialog.py" line="40"/>
        <source>Trust and import</source>
        <translation>เชื่อถือและนำเข้า</translation>
    </message>
</context>
<context>
    <name>TypingHint</name>
    <message>
        <location filename="../../evaluator_app/ui/rating/typing_hint.py" line="118"/>
        <source>Check of the result being typed</source>
        <translation>การตรวจผลที่กำลังพิมพ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/rating/typing_hint.py" line="120"/>
        <source>When you press Enter: {0}</source>
        <translation>เมื่อกด Enter: {0}</translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="274"/>
        <source>Level {0}</source>
        <translation>ระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="275"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="275"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="275"/>
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="276"/>
        <source>Subtotal</source>
        <translation>รวมย่อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="276"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="279"/>
        <source>The sum of the sub-indicators&apos; weights; it must equal the weight of their parent</source>
        <translation>ผลรวมน้ำหนักของตัวชี้วัดย่อย ต้องเท่ากับน้ำหนักของตัวชี้วัดหลัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="281"/>
        <source>Criteria level {0}</source>
        <translation>เกณฑ์ระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="323"/>
        <source>Total weight</source>
        <translation>น้ำหนักรวม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="356"/>
        <source>Removed in this version</source>
        <translation>ตัดออกในฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="358"/>
        <source>Added in this version</source>
        <translation>เพิ่มในฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="362"/>
        <source>Before: {0}</source>
        <translation>เดิม: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="402"/>
        <source>Target of {0}: {1} → {2}</source>
        <translation>เป้าหมายของ {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="407"/>
        <source>{0} of indicator {1} must be a number (such as 12.5), got &apos;{2}&apos;</source>
        <translation>{0} ของตัวชี้วัด {1} ต้องเป็นตัวเลข (เช่น 12.5) ได้ &apos;{2}&apos;</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="411"/>
        <source>Weight of {0}: {1} → {2}</source>
        <translation>น้ำหนักของ {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_model.py" line="422"/>
        <source>Level {0} of {1}: {2} → {3}</source>
        <translation>เกณฑ์ระดับ {0} ของ {1}: {2} → {3}</translation>
    </message>
</context>
<context>
    <name>VersionTitle</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_diff.py" line="36"/>
        <source>Version {0}</source>
        <translation>ฉบับที่ {0}</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="93"/>
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="118"/>
        <source>On screen: version {0}</source>
        <translation>บนจอ: ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="119"/>
        <source>Agreed: version {0}</source>
        <translation>ที่ตกลง: ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="120"/>
        <source>Agreed: none yet</source>
        <translation>ที่ตกลง: ยังไม่มี</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="121"/>
        <source>Results of the {0}-month round ({1} result(s))</source>
        <translation>ผลรอบ {0} เดือน ({1} ผล)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="130"/>
        <source>Difference: {0}</source>
        <translation>ผลต่าง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="132"/>
        <source>eligibility changes</source>
        <translation>ผลการผ่านเกณฑ์เปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="146"/>
        <source>incomplete: {0} indicator(s) without a result</source>
        <translation>ยังไม่ครบ: {0} ตัวชี้วัดยังไม่มีผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="149"/>
        <source>eligible (at least {0})</source>
        <translation>ผ่านเกณฑ์ (ไม่ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="151"/>
        <source>not eligible (below {0})</source>
        <translation>ไม่ผ่านเกณฑ์ (ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="158"/>
        <source>What-if: total and eligibility</source>
        <translation>จำลองผล: คะแนนรวมและการผ่านเกณฑ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting/meeting_whatif.py" line="159"/>
        <source>&amp;Results of:</source>
        <translation>ผล&amp;ของ:</translation>
    </message>
</context>
<context>
    <name>WorkspaceSession</name>
    <message>
        <location filename="../../evaluator_app/ui/common/session.py" line="111"/>
        <source>Choose who you are first (Edit → Who are you…): your results are recorded under your name.</source>
        <translation>เลือกก่อนว่าท่านคือใคร (แก้ไข → ท่านคือใคร…) ผลของท่านจะบันทึกในนามของท่าน</translation>
    </message>
</context>
</TS>
