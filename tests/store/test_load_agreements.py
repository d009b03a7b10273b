"""load_agreements_in_force reads exactly what load_agreement reads, for many agreements at once."""

from dataclasses import replace

from evaluator_app.domain.agreement import Party, PartySide
from evaluator_app.domain.negotiation import VersionStatus
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.store.agreements import add_agreement, list_agreements, load_agreement, load_agreements_in_force
from evaluator_app.store.versions import save_version
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement


def test_many_at_once_equal_one_by_one(tmp_path):
    with Workspace.open(demo_workspace_copy(tmp_path)) as workspace:
        parties = (Party(PartySide.RECIPIENT, "นายกรัฐมนตรี", "ผู้รับคำรับรอง"), Party(PartySide.GIVER, "อธิบดี"))
        add_agreement(workspace, replace(example_agreement(), agency="กรมที่มีคู่สัญญา", parties=parties), actor="t")
        ids = [a.id for a in list_agreements(workspace)]
        first = load_agreement(workspace, ids[0]).agreement
        # a later draft does not displace the agreed version; an agreed revision does
        save_version(workspace, ids[0], first.indicators[:-1], status=VersionStatus.DRAFT, author="committee",
                     actor="t")
        save_version(workspace, ids[1], load_agreement(workspace, ids[1]).agreement.indicators,
                     status=VersionStatus.AGREED, author="committee", actor="t", reason="แก้ไข", effective_round=9)
        loaded = load_agreements_in_force(workspace, [*ids, ids[0], 10_000])
        assert sorted(loaded) == sorted(ids), "every agreement once; an unknown id is left out"
        for agreement_id in ids:
            assert loaded[agreement_id] == load_agreement(workspace, agreement_id)
        assert loaded[ids[0]].version_number == 1 and loaded[ids[1]].version_number == 2
        assert any(stored.agreement.parties for stored in loaded.values())
        assert load_agreements_in_force(workspace, []) == {}
