<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>About</name>
    <message>
        <location filename="../../evaluator_app/ui/about.py" line="17" />
        <source>Scoring yearly performance agreements for the independent evaluation committees of Thai government agencies.</source>
        <translation>ประเมินผลคำรับรองการปฏิบัติราชการประจำปี สำหรับคณะผู้ประเมินอิสระของส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/about.py" line="20" />
        <source>The app's code is under the MIT licence.</source>
        <translation>ซอร์สโค้ดของโปรแกรมใช้สัญญาอนุญาต MIT</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/about.py" line="21" />
        <source>Font: Sarabun, © The Sarabun Project Authors, under the SIL Open Font License 1.1:</source>
        <translation>แบบอักษร: Sarabun © The Sarabun Project Authors ใช้สัญญาอนุญาต SIL Open Font License 1.1:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/about.py" line="23" />
        <source>Qt {0} and Qt for Python (PySide6) {1}, under the GNU LGPL version 3.</source>
        <translation>Qt {0} และ Qt for Python (PySide6) {1} ใช้สัญญาอนุญาต GNU LGPL รุ่น 3</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/about.py" line="32" />
        <source>About evaluator-app</source>
        <translation>เกี่ยวกับโปรแกรม evaluator-app</translation>
    </message>
</context>
<context>
    <name>AdjustScoreDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="29" />
        <source>Adjust score of indicator {0}</source>
        <translation>ปรับคะแนนตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="39" />
        <source>0 to {0}</source>
        <translation>0 ถึง {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="44" />
        <source>Why the committee sets this score (required)</source>
        <translation>เหตุผลที่คณะกรรมการกำหนดคะแนนนี้ (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="52" />
        <source>Score from the result:</source>
        <translation>คะแนนจากผลการดำเนินงาน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="53" />
        <source>Adjusted &amp;score:</source>
        <translation>คะแนนที่&amp;ปรับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="54" />
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="59" />
        <source>Remove adjustment</source>
        <translation>ยกเลิกการปรับคะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="79" />
        <source>Type the adjusted score.</source>
        <translation>พิมพ์คะแนนที่ปรับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="83" />
        <source>The score must be a number, got '{0}'.</source>
        <translation>คะแนนต้องเป็นตัวเลข ได้ '{0}'</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="85" />
        <source>The score must lie between 0 and {0}.</source>
        <translation>คะแนนต้องอยู่ระหว่าง 0 ถึง {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/adjust_dialog.py" line="87" />
        <source>An adjusted score needs a reason.</source>
        <translation>คะแนนที่ปรับต้องระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="278" />
        <source>Basic</source>
        <translation>ขั้นต้น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="278" />
        <source>Standard</source>
        <translation>มาตรฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="278" />
        <source>Advanced</source>
        <translation>ขั้นสูง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="279" />
        <source>Criteria</source>
        <translation>เกณฑ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="282" />
        <source>Evaluator</source>
        <translation>ผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="282" />
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="283" />
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="283" />
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="284" />
        <source>Weighted</source>
        <translation>ถ่วงน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="285" />
        <source>Code</source>
        <translation>ที่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="285" />
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="285" />
        <source>Unit</source>
        <translation>หน่วยวัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="286" />
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="291" />
        <source>The agency's self-assessment report (SAR)</source>
        <translation>รายงานการประเมินตนเองของส่วนราชการ (SAR)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="293" />
        <source>Your own rating as evaluator {0}</source>
        <translation>ผลการประเมินของท่านในฐานะผู้ประเมิน {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="295" />
        <source>Criteria level {0}</source>
        <translation>เกณฑ์การให้คะแนนระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="359" />
        <source>Indicators</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="376" />
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="396" />
        <source>Not counted in the {0}-month round</source>
        <translation>ไม่นับในรอบ {0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="402" />
        <source>Adjusted by the committee (score from the result: {0}). Reason: {1}</source>
        <translation>คณะกรรมการปรับคะแนน (คะแนนจากผลการดำเนินงาน: {0}) เหตุผล: {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="407" />
        <source>Type the level reached, 0 to {0}, then Enter</source>
        <translation>พิมพ์ระดับที่ทำได้ 0 ถึง {0} แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="408" />
        <source>Type the result, then Enter</source>
        <translation>พิมพ์ผลการดำเนินงาน แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="461" />
        <source>Result of indicator {0}</source>
        <translation>ผลตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="462" />
        <source>Self-assessed result of indicator {0}</source>
        <translation>ผลประเมินตนเองตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="487" />
        <source>Remove adjusted score of indicator {0}</source>
        <translation>ยกเลิกคะแนนที่ปรับของตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_model.py" line="489" />
        <source>Adjusted score of indicator {0}: {1}</source>
        <translation>ปรับคะแนนตัวชี้วัด {0}: {1}</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="95" />
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="104" />
        <source>Choose an agreement in the list on the left.</source>
        <translation>เลือกคำรับรองจากรายการทางซ้าย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="108" />
        <source>fiscal year {0}</source>
        <translation>ปีงบประมาณ พ.ศ. {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="109" />
        <source>version {0}</source>
        <translation>ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="118" />
        <source>Evaluator {0}</source>
        <translation>ผู้ประเมิน {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="119" />
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="128" />
        <source>incomplete: {0} of {1} indicators have no result yet</source>
        <translation>ยังไม่ครบ: ยังไม่มีผล {0} จาก {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="132" />
        <source>eligible (at least {0})</source>
        <translation>ผ่านเกณฑ์ได้รับสิ่งจูงใจ (ตั้งแต่ {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="135" />
        <source>not eligible (below {0})</source>
        <translation>ไม่ผ่านเกณฑ์ (ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="137" />
        <source>(over weight {0})</source>
        <translation>(จากน้ำหนักที่นับ {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="154" />
        <source>&amp;Round:</source>
        <translation>&amp;รอบ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/agreement_panel.py" line="155" />
        <source>Reporting round: 6, 9 or 12 months (Ctrl+6, Ctrl+9, Ctrl+2)</source>
        <translation>รอบการรายงาน 6, 9 หรือ 12 เดือน (Ctrl+6, Ctrl+9, Ctrl+2)</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="107" />
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="107" />
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="107" />
        <source>Before</source>
        <translation>เดิม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="108" />
        <source>After</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="108" />
        <source>Change</source>
        <translation>เปลี่ยน</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="206" />
        <source>Comment and note on indicator {0}</source>
        <translation>ความเห็นและบันทึกส่วนตัว ตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="208" />
        <source>Comment on indicator {0}</source>
        <translation>ความเห็นตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="210" />
        <source>Private note on indicator {0}</source>
        <translation>บันทึกส่วนตัว ตัวชี้วัด {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="241" />
        <source>Select an indicator to see its details.</source>
        <translation>เลือกตัวชี้วัดเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="244" />
        <source>Unit</source>
        <translation>หน่วยวัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="245" />
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="246" />
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="247" />
        <source>Baseline</source>
        <translation>ข้อมูลพื้นฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="248" />
        <source>Criteria</source>
        <translation>เกณฑ์การให้คะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="249" />
        <source>Description</source>
        <translation>คำอธิบาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="250" />
        <source>Formula</source>
        <translation>สูตรการคำนวณ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="251" />
        <source>Conditions</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="252" />
        <source>Data source</source>
        <translation>แหล่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="253" />
        <source>KPI supervisor</source>
        <translation>ผู้กำกับดูแลตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="254" />
        <source>Data collector</source>
        <translation>ผู้จัดเก็บข้อมูล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="263" />
        <source>Milestone levels</source>
        <translation>ขั้นตอนของระดับความสำเร็จ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="267" />
        <source>Not counted in this round.</source>
        <translation>ไม่นับในรอบนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="270" />
        <source>Last saved {0} by {1} (edit {2})</source>
        <translation>บันทึกล่าสุด {0} โดย {1} (ครั้งที่ {2})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="280" />
        <source>result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="280" />
        <source>adjusted score</source>
        <translation>คะแนนที่ปรับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="281" />
        <source>reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="281" />
        <source>comment</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="295" />
        <source>private note</source>
        <translation>บันทึกส่วนตัว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="304" />
        <source>History</source>
        <translation>ประวัติการแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="308" />
        <source>scored through its sub-indicators</source>
        <translation>คิดคะแนนจากตัวชี้วัดย่อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="311" />
        <source>milestone levels {0}</source>
        <translation>ระดับความสำเร็จ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="313" />
        <source>{0} (lower is better)</source>
        <translation>{0} (ยิ่งน้อยยิ่งดี)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="314" />
        <source>{0} (higher is better)</source>
        <translation>{0} (ยิ่งมากยิ่งดี)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="321" />
        <source>Attach evidence</source>
        <translation>แนบหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="322" />
        <source>All files (*)</source>
        <translation>ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="345" />
        <source>Evidence missing</source>
        <translation>ไม่พบแฟ้มหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="346" />
        <source>The kept copy of {0} is missing from the evidence folder.</source>
        <translation>ไม่พบสำเนาของ {0} ในโฟลเดอร์หลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="350" />
        <source>Evidence changed</source>
        <translation>แฟ้มหลักฐานถูกแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="351" />
        <source>The kept copy of {0} has changed since it was attached: its SHA-256 is no longer {1}. Open it anyway?</source>
        <translation>สำเนาของ {0} ถูกแก้ไขหลังจากแนบ: ค่า SHA-256 ไม่ใช่ {1} อีกต่อไป ต้องการเปิดหรือไม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="369" />
        <source>Detach evidence</source>
        <translation>ถอดหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="370" />
        <source>Detach {0} from indicator {1}? The kept copy stays in the evidence folder.</source>
        <translation>ถอด {0} ออกจากตัวชี้วัด {1} หรือไม่ สำเนายังเก็บอยู่ในโฟลเดอร์หลักฐาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="388" />
        <source>&amp;Comment (printed in the report):</source>
        <translation>&amp;ความเห็น (พิมพ์ในรายงาน):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="389" />
        <source>Private &amp;note (never exported):</source>
        <translation>บันทึก&amp;ส่วนตัว (ไม่ส่งออก):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="390" />
        <source>What the committee should read about this indicator</source>
        <translation>สิ่งที่คณะกรรมการควรทราบเกี่ยวกับตัวชี้วัดนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="391" />
        <source>For yourself only: stays in this workspace</source>
        <translation>สำหรับท่านเท่านั้น เก็บไว้ในพื้นที่ทำงานนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="392" />
        <source>Evidence files:</source>
        <translation>แฟ้มหลักฐาน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="393" />
        <source>&amp;Attach…</source>
        <translation>แ&amp;นบ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="394" />
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/details_pane.py" line="395" />
        <source>Detach</source>
        <translation>ถอด</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="97" />
        <source>No difference between version {0} and version {1}.</source>
        <translation>ฉบับที่ {0} และฉบับที่ {1} ไม่แตกต่างกัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="101" />
        <source>From version {0} to version {1}: {2} cell(s) changed, {3} indicator(s) added, {4} removed.</source>
        <translation>จากฉบับที่ {0} เป็นฉบับที่ {1}: เปลี่ยน {2} ช่อง เพิ่มตัวชี้วัด {3} ตัว ตัดออก {4} ตัว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="111" />
        <source>Compare versions</source>
        <translation>เปรียบเทียบฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="112" />
        <source>&amp;Compare version:</source>
        <translation>เ&amp;ปรียบเทียบฉบับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="113" />
        <source>&amp;with version:</source>
        <translation>&amp;กับฉบับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="114" />
        <source>Yellow with a blue corner: changed (before → after). Green: added. Grey, struck through: removed.</source>
        <translation>สีเหลืองมีมุมสีน้ำเงิน: เปลี่ยนแปลง (เดิม → ใหม่) สีเขียว: เพิ่มใหม่ สีเทาขีดฆ่า: ตัดออก</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="75" />
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="75" />
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="75" />
        <source>Attached by</source>
        <translation>ผู้แนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="76" />
        <source>Attached</source>
        <translation>วันที่แนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="76" />
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="103" />
        <source>intact</source>
        <translation>ครบถ้วน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="105" />
        <source>changed since attached</source>
        <translation>ถูกแก้ไขหลังแนบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/evidence_model.py" line="106" />
        <source>missing</source>
        <translation>ไม่พบแฟ้ม</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="83" />
        <source>Import agreements</source>
        <translation>นำเข้าคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="92" />
        <source>No files chosen.</source>
        <translation>ยังไม่ได้เลือกแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="94" />
        <source>&amp;Choose files…</source>
        <translation>เ&amp;ลือกแฟ้ม…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="115" />
        <source>&amp;Import</source>
        <translation>&amp;นำเข้า</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="127" />
        <source>Rows as they will be read:</source>
        <translation>แถวตามที่จะอ่าน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="132" />
        <source>Problems (nothing is imported while there are any):</source>
        <translation>ปัญหาที่พบ (จะไม่นำเข้าใดๆ จนกว่าจะไม่มีปัญหา):</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="153" />
        <source>Choose agreement files</source>
        <translation>เลือกแฟ้มคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="154" />
        <source>Agreement workbooks (*.xlsx *.csv);;All files (*)</source>
        <translation>แฟ้มคำรับรอง (*.xlsx *.csv);;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="163" />
        <source>Reading {0} file(s)…</source>
        <translation>กำลังอ่าน {0} แฟ้ม…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="180" />
        <source>{0} problem(s) found. Correct the files and choose them again; nothing will be imported.</source>
        <translation>พบปัญหา {0} รายการ โปรดแก้ไขแฟ้มแล้วเลือกใหม่ จะไม่มีการนำเข้าใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="183" />
        <source>No agreements were found in these files.</source>
        <translation>ไม่พบคำรับรองในแฟ้มเหล่านี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="185" />
        <source>Ready to import {0} agreement(s) with {1} indicators.</source>
        <translation>พร้อมนำเข้าคำรับรอง {0} ฉบับ รวม {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="197" />
        <source>Importing… (Cancel leaves the workspace as it was)</source>
        <translation>กำลังนำเข้า… (กดยกเลิกแล้วพื้นที่ทำงานจะคงเดิม)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="211" />
        <source>Import cancelled. Nothing was written.</source>
        <translation>ยกเลิกการนำเข้าแล้ว ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="215" />
        <source>The import was refused ({0} problem(s)). Nothing was written.</source>
        <translation>ไม่สามารถนำเข้าได้ (พบปัญหา {0} รายการ) ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="218" />
        <source>The import failed: {0}. Nothing was written.</source>
        <translation>การนำเข้าล้มเหลว: {0} ไม่มีการบันทึกข้อมูลใดๆ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_dialog.py" line="238" />
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="150" />
        <source>Cannot open workspace</source>
        <translation>เปิดพื้นที่ทำงานไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="167" />
        <source>Open workspace</source>
        <translation>เปิดพื้นที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="168" />
        <source>Workspaces ({0});;All files (*)</source>
        <translation>พื้นที่ทำงาน ({0});;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="175" />
        <location filename="../../evaluator_app/ui/main_window.py" line="182" />
        <source>New workspace</source>
        <translation>สร้างพื้นที่ทำงานใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="175" />
        <source>Workspaces ({0})</source>
        <translation>พื้นที่ทำงาน ({0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="183" />
        <source>{0} already exists. Use File → Open workspace… to open it.</source>
        <translation>มีแฟ้ม {0} อยู่แล้ว ใช้เมนู แฟ้ม → เปิดพื้นที่ทำงาน… เพื่อเปิด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="200" />
        <source>Imported {0} new agreement(s); updated results of {1}.</source>
        <translation>นำเข้าคำรับรองใหม่ {0} ฉบับ ปรับผลการดำเนินงาน {1} ฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="271" />
        <source>Select an indicator that is scored to adjust its score.</source>
        <translation>เลือกตัวชี้วัดที่มีการให้คะแนนก่อนปรับคะแนน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="391" />
        <source>&amp;File</source>
        <translation>แ&amp;ฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="392" />
        <source>&amp;Edit</source>
        <translation>แ&amp;ก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="393" />
        <source>&amp;View</source>
        <translation>&amp;มุมมอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="394" />
        <source>&amp;Help</source>
        <translation>&amp;ช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="395" />
        <source>&amp;New workspace…</source>
        <translation>สร้างพื้นที่ทำงาน&amp;ใหม่…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="396" />
        <source>&amp;Open workspace…</source>
        <translation>เ&amp;ปิดพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="397" />
        <source>&amp;Recent workspaces</source>
        <translation>พื้นที่ทำงานที่ใช้&amp;ล่าสุด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="398" />
        <source>&amp;Import agreements…</source>
        <translation>&amp;นำเข้าคำรับรอง…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="399" />
        <source>&amp;Quit</source>
        <translation>&amp;ออกจากโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="400" />
        <source>&amp;Adjust score…</source>
        <translation>&amp;ปรับคะแนน…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="401" />
        <source>&amp;Find agreement</source>
        <translation>ค้น&amp;หาคำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="402" />
        <source>&amp;Settings…</source>
        <translation>&amp;ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="403" />
        <source>&amp;Round</source>
        <translation>&amp;รอบการประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="405" />
        <source>{0} months</source>
        <translation>{0} เดือน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="406" />
        <source>&amp;Language</source>
        <translation>&amp;ภาษา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="407" />
        <source>&amp;About evaluator-app</source>
        <translation>&amp;เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="408" />
        <source>About &amp;Qt</source>
        <translation>เกี่ยวกับ &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="423" />
        <source>read-only</source>
        <translation>อ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="425" />
        <source>not saved yet</source>
        <translation>ยังไม่บันทึก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="427" />
        <source>NOT SAVED: the last change could not be written</source>
        <translation>บันทึกไม่สำเร็จ: การแก้ไขล่าสุดยังไม่ถูกบันทึก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="429" />
        <source>saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="430" />
        <source>saved {0}</source>
        <translation>บันทึกแล้ว {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="436" />
        <source>Performance agreement evaluation</source>
        <translation>ประเมินผลคำรับรองการปฏิบัติราชการ</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="668" />
        <source>&amp;Meeting mode</source>
        <translation>โหมด&amp;ประชุม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="669" />
        <source>Negotiate weights, targets and criteria on a projector (F11)</source>
        <translation>เจรจาน้ำหนัก เป้าหมาย และเกณฑ์ บนจอโปรเจกเตอร์ (F11)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="675" />
        <source>Choose an agreement first.</source>
        <translation>โปรดเลือกคำรับรองก่อน</translation>
    </message>
</context>
<context>
    <name>MeetingDocument</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_document.py" line="198" />
        <source>Started draft {0} from version {1}; the changes go into the draft.</source>
        <translation>เริ่มร่างฉบับที่ {0} จากฉบับที่ {1} การแก้ไขจะบันทึกในร่างนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_document.py" line="203" />
        <source>The workspace is open read-only.</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="283" />
        <source>fiscal year {0}</source>
        <translation>ปีงบประมาณ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="287" />
        <source>Highlighted: what differs from version {0} ({1}).</source>
        <translation>ช่องที่เน้นสี: ต่างจากฉบับที่ {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="307" />
        <source>{0}: locked, read-only</source>
        <translation>{0}: ล็อกแล้ว อ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="310" />
        <source>{0}: the workspace is read-only</source>
        <translation>{0}: พื้นที่ทำงานอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="313" />
        <source>{0}: being edited</source>
        <translation>{0}: กำลังแก้ไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="316" />
        <source>{0}: an edit starts a draft from it</source>
        <translation>{0}: การแก้ไขจะเริ่มร่างใหม่จากฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="359" />
        <source>Weight sum {0} of 100 · every constraint is met</source>
        <translation>น้ำหนักรวม {0} จาก 100 · ถูกต้องครบทุกเงื่อนไข</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="362" />
        <source>Weight sum {0} of 100 · {1} constraint(s) broken: it can be kept as a draft, not proposed or agreed</source>
        <translation>น้ำหนักรวม {0} จาก 100 · ไม่ผ่าน {1} เงื่อนไข: เก็บเป็นร่างได้ แต่ยังเสนอหรือตกลงไม่ได้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="379" />
        <source>Mend the broken constraints first; a draft keeps the work meanwhile.</source>
        <translation>โปรดแก้เงื่อนไขที่ไม่ผ่านก่อน ระหว่างนี้งานถูกเก็บไว้ในร่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="381" />
        <source>This version is agreed and locked.</source>
        <translation>ฉบับนี้ตกลงแล้วและถูกล็อก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="404" />
        <source>The workspace is open read-only.</source>
        <translation>พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="414" />
        <source>To negotiate changes, start a new draft from it (Ctrl+N).</source>
        <translation>หากจะเจรจาแก้ไข ให้เริ่มร่างใหม่จากฉบับนี้ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="443" />
        <source>Draft {0} started from version {1}.</source>
        <translation>เริ่มร่างฉบับที่ {0} จากฉบับที่ {1} แล้ว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="458" />
        <source>Select the indicator whose weight changes first.</source>
        <translation>โปรดเลือกตัวชี้วัดที่จะเปลี่ยนน้ำหนักก่อน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="473" />
        <source>{0} weight(s) changed; Undo (Ctrl+Z) restores them in one step.</source>
        <translation>เปลี่ยนน้ำหนัก {0} ตัว เลิกทำ (Ctrl+Z) จะคืนค่าเดิมทั้งหมดในขั้นเดียว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="495" />
        <source>Version {0} put forward ({1}).</source>
        <translation>เสนอฉบับที่ {0} แล้ว ({1})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="502" />
        <source>Agree version {0} as it stands? It is locked from then on; a later change is a new version.</source>
        <translation>ตกลงฉบับที่ {0} ตามที่เป็นอยู่หรือไม่? ฉบับนี้จะถูกล็อก การเปลี่ยนแปลงภายหลังต้องทำเป็นฉบับใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="505" />
        <source>No decision text has been typed for the minutes.</source>
        <translation>ยังไม่ได้พิมพ์มติที่ประชุมสำหรับบันทึกการเจรจา</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="506" />
        <source>Agree version</source>
        <translation>ตกลงฉบับ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="516" />
        <source>Version {0} is agreed and locked. The decision is its minute.</source>
        <translation>ตกลงฉบับที่ {0} และล็อกแล้ว มติที่พิมพ์ไว้บันทึกเป็นมติของฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="536" />
        <source>Save the minutes as PDF</source>
        <translation>บันทึกบันทึกการเจรจาเป็น PDF</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="549" />
        <source>Writing the minutes…</source>
        <translation>กำลังจัดทำบันทึกการเจรจา…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="559" />
        <source>The minutes of {0} version(s) are saved in {1}.</source>
        <translation>บันทึกการเจรจา {0} ฉบับ บันทึกไว้ที่ {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="566" />
        <source>The minutes were not written: {0}</source>
        <translation>ไม่ได้จัดทำบันทึกการเจรจา: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="610" />
        <source>Meeting mode — {0} {1}</source>
        <translation>โหมดประชุม — {0} {1}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="612" />
        <source>&amp;Meeting:</source>
        <translation>การ&amp;ประชุม:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="613" />
        <source>e.g. No. 1/2569</source>
        <translation>เช่น ครั้งที่ 1/2569</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="614" />
        <source>&amp;Version:</source>
        <translation>ฉ&amp;บับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="615" />
        <source>Put forward &amp;by:</source>
        <translation>เสนอ&amp;โดย:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="616" />
        <source>&amp;Reason:</source>
        <translation>เ&amp;หตุผล:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="617" />
        <source>why this proposal (for the minutes)</source>
        <translation>เหตุผลของข้อเสนอ (สำหรับบันทึกการเจรจา)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="618" />
        <source>&amp;Decision:</source>
        <translation>&amp;มติ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="619" />
        <source>The decision of the meeting; it becomes the minute of the version when it is agreed</source>
        <translation>มติที่ประชุม จะบันทึกเป็นมติของฉบับเมื่อตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="621" />
        <source>&amp;Propose</source>
        <translation>เ&amp;สนอ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="622" />
        <source>Co&amp;unter-propose</source>
        <translation>เสนอ&amp;โต้ตอบ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="623" />
        <source>A&amp;gree</source>
        <translation>&amp;ตกลง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="624" />
        <source>New draft</source>
        <translation>ร่างใหม่</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="625" />
        <source>A working copy of the version on screen (Ctrl+N)</source>
        <translation>ร่างสำหรับแก้ไขจากฉบับบนจอ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="626" />
        <source>Redistribute…</source>
        <translation>กระจายน้ำหนัก…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="627" />
        <source>Change one weight and spread the difference (Ctrl+R)</source>
        <translation>เปลี่ยนน้ำหนักหนึ่งตัวและกระจายส่วนต่าง (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="628" />
        <source>Compare versions…</source>
        <translation>เปรียบเทียบฉบับ…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="629" />
        <source>Print minutes…</source>
        <translation>พิมพ์บันทึกการเจรจา…</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="630" />
        <source>The minutes of the negotiation as a PDF (Ctrl+P)</source>
        <translation>บันทึกการเจรจาเป็นไฟล์ PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="631" />
        <source>Full screen</source>
        <translation>เต็มจอ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_window.py" line="632" />
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../evaluator_app/ui/navigator_model.py" line="127" />
        <source>Agreements</source>
        <translation>คำรับรอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/navigator_model.py" line="149" />
        <source>Fiscal year {0}</source>
        <translation>ปีงบประมาณ พ.ศ. {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/navigator_model.py" line="154" />
        <source>Version {0} · {1} indicators</source>
        <translation>ฉบับที่ {0} · {1} ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/navigator_model.py" line="160" />
        <source>{0}, fiscal year {1}, framework {2}</source>
        <translation>{0} ปีงบประมาณ พ.ศ. {1} กรอบการประเมิน {2}</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/navigator.py" line="104" />
        <source>Search agency or indicator (Ctrl+F)</source>
        <translation>ค้นหาส่วนราชการหรือตัวชี้วัด (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>PrintSupport</name>
    <message>
        <location filename="../../evaluator_app/ui/print_support.py" line="32" />
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProblemsListModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="460" />
        <source>Broken constraints</source>
        <translation>เงื่อนไขที่ไม่ผ่าน</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="111" />
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="111" />
        <source>Sheet</source>
        <translation>ชีต</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="111" />
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="111" />
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="111" />
        <source>Problem</source>
        <translation>ปัญหา</translation>
    </message>
</context>
<context>
    <name>ReadRowsModel</name>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="49" />
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="49" />
        <source>Sheet</source>
        <translation>ชีต</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="49" />
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="49" />
        <source>Read as</source>
        <translation>อ่านเป็น</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="82" />
        <source>indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="82" />
        <source>dimension heading</source>
        <translation>หัวข้อมิติ</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="83" />
        <source>blank</source>
        <translation>แถวว่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/import_models.py" line="83" />
        <source>title</source>
        <translation>หัวเรื่อง</translation>
    </message>
</context>
<context>
    <name>RedistributeDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="220" />
        <source>Redistribute weights</source>
        <translation>กระจายน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="221" />
        <source>Indicator {0}: {1} (weight now {2})</source>
        <translation>ตัวชี้วัด {0}: {1} (น้ำหนักปัจจุบัน {2})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="223" />
        <source>&amp;New weight:</source>
        <translation>น้ำหนัก&amp;ใหม่:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="224" />
        <source>Spread the difference:</source>
        <translation>กระจายส่วนต่าง:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="225" />
        <source>&amp;In proportion to their weights</source>
        <translation>&amp;ตามสัดส่วนน้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="226" />
        <source>&amp;Equally</source>
        <translation>เท่า&amp;กัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="227" />
        <source>Over:</source>
        <translation>ให้กับ:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="228" />
        <source>&amp;All indicators at the same level</source>
        <translation>ตัวชี้วัดระดับเดียวกัน&amp;ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="229" />
        <source>&amp;Only the ticked indicators</source>
        <translation>เ&amp;ฉพาะตัวชี้วัดที่เลือก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="230" />
        <source>These weights will change:</source>
        <translation>น้ำหนักที่จะเปลี่ยน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="231" />
        <source>&amp;Apply</source>
        <translation>&amp;ใช้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="246" />
        <source>Type the new weight as a number, such as 35 or 12.5.</source>
        <translation>พิมพ์น้ำหนักใหม่เป็นตัวเลข เช่น 35 หรือ 12.5</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="250" />
        <source>Tick the indicators that take or give the difference.</source>
        <translation>โปรดเลือกตัวชี้วัดที่จะรับหรือให้ส่วนต่าง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="266" />
        <source>equally</source>
        <translation>เท่ากัน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="266" />
        <source>proportionally</source>
        <translation>ตามสัดส่วน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_redistribute.py" line="272" />
        <source>Redistribute from {0}: {1} → {2} ({3})</source>
        <translation>กระจายน้ำหนักจาก {0}: {1} → {2} ({3})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="15" />
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="23" />
        <source>Your results are recorded under this evaluator id in this workspace. The agency's own results use the id "{0}".</source>
        <translation>ผลการประเมินของท่านจะบันทึกในชื่อผู้ประเมินนี้ในพื้นที่ทำงานนี้ ผลประเมินตนเองของส่วนราชการใช้ชื่อ "{0}"</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="29" />
        <source>&amp;Evaluator id:</source>
        <translation>&amp;ชื่อผู้ประเมิน:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="31" />
        <source>&amp;Language:</source>
        <translation>&amp;ภาษา:</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="50" />
        <source>The evaluator id cannot be empty.</source>
        <translation>ต้องระบุชื่อผู้ประเมิน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/settings_dialog.py" line="52" />
        <source>"{0}" is reserved for the agency's self-assessment.</source>
        <translation>"{0}" สงวนไว้สำหรับผลประเมินตนเองของส่วนราชการ</translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="261" />
        <source>Level {0}</source>
        <translation>ระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="262" />
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="262" />
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="262" />
        <source>Weight</source>
        <translation>น้ำหนัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="263" />
        <source>Subtotal</source>
        <translation>รวมย่อย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="263" />
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="266" />
        <source>The sum of the sub-indicators' weights; it must equal the weight of their parent</source>
        <translation>ผลรวมน้ำหนักของตัวชี้วัดย่อย ต้องเท่ากับน้ำหนักของตัวชี้วัดหลัก</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="268" />
        <source>Criteria level {0}</source>
        <translation>เกณฑ์ระดับ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="308" />
        <source>Total weight</source>
        <translation>น้ำหนักรวม</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="341" />
        <source>Removed in this version</source>
        <translation>ตัดออกในฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="343" />
        <source>Added in this version</source>
        <translation>เพิ่มในฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="347" />
        <source>Before: {0}</source>
        <translation>เดิม: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="387" />
        <source>Target of {0}: {1} → {2}</source>
        <translation>เป้าหมายของ {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="392" />
        <source>{0} of indicator {1} must be a number (such as 12.5), got '{2}'</source>
        <translation>{0} ของตัวชี้วัด {1} ต้องเป็นตัวเลข (เช่น 12.5) ได้ '{2}'</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="396" />
        <source>Weight of {0}: {1} → {2}</source>
        <translation>น้ำหนักของ {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_model.py" line="407" />
        <source>Level {0} of {1}: {2} → {3}</source>
        <translation>เกณฑ์ระดับ {0} ของ {1}: {2} → {3}</translation>
    </message>
</context>
<context>
    <name>VersionTitle</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_diff.py" line="23" />
        <source>Version {0}</source>
        <translation>ฉบับที่ {0}</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="93" />
        <source>Self-assessment</source>
        <translation>ประเมินตนเอง</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="118" />
        <source>On screen: version {0}</source>
        <translation>บนจอ: ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="119" />
        <source>Agreed: version {0}</source>
        <translation>ที่ตกลง: ฉบับที่ {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="120" />
        <source>Agreed: none yet</source>
        <translation>ที่ตกลง: ยังไม่มี</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="121" />
        <source>Results of the {0}-month round ({1} result(s))</source>
        <translation>ผลรอบ {0} เดือน ({1} ผล)</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="130" />
        <source>Difference: {0}</source>
        <translation>ผลต่าง: {0}</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="132" />
        <source>eligibility changes</source>
        <translation>ผลการผ่านเกณฑ์เปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="146" />
        <source>incomplete: {0} indicator(s) without a result</source>
        <translation>ยังไม่ครบ: {0} ตัวชี้วัดยังไม่มีผล</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="149" />
        <source>eligible (at least {0})</source>
        <translation>ผ่านเกณฑ์ (ไม่ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="151" />
        <source>not eligible (below {0})</source>
        <translation>ไม่ผ่านเกณฑ์ (ต่ำกว่า {0})</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="162" />
        <source>What-if: total and eligibility</source>
        <translation>จำลองผล: คะแนนรวมและการผ่านเกณฑ์</translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/meeting_whatif.py" line="163" />
        <source>&amp;Results of:</source>
        <translation>ผล&amp;ของ:</translation>
    </message>
</context>
</TS>