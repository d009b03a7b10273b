"""Records ratings in a loop through the store API, printing one acknowledgement line after each commit.

Run by the crash harness and killed at random: `python -m tests.safety.rating_driver DB RUN SEED`. Single ratings
go to panel members m1..m3 with the comment "RUN:SEQ" (a later write to the same key has a higher RUN:SEQ);
every seventh step records a batch of five under a fresh evaluator id, which must be all there or all absent.
Backups are taken every 25 changes, so kills also land in the middle of backups.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta
from decimal import Decimal

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import list_agreements, load_agreement
from evaluator_app.store.backups import BackupPolicy
from evaluator_app.store.ratings import record_rating, record_ratings
from evaluator_app.store.workspace import Workspace

BATCH = 5
# The harness's own test: acknowledging before the commit is the bug it must catch.
ACK_EARLY = os.environ.get("EVALUATOR_DRIVER_ACK_EARLY") == "1"


def main(db: str, run: int, seed: int) -> None:
    rng = random.Random(seed)
    policy = BackupPolicy(every_changes=25, on_open_after=timedelta(0))
    workspace = Workspace.open(db, create=False, backup_policy=policy)
    agreements = [(a.id, [i.code for i in load_agreement(workspace, a.id).agreement.indicators])
                  for a in list_agreements(workspace)]
    print("READY", flush=True)
    seq = 0
    while True:
        seq += 1
        agreement_id, codes = rng.choice(agreements)
        if seq % 7 == 0:
            evaluator = f"b{run}-{seq}"
            items = [(Rating(code, 12, evaluator, result=Decimal(rng.randint(60, 110))), None, None)
                     for code in rng.sample(codes, BATCH)]
            record_ratings(workspace, agreement_id, items, actor="driver")
            print(f"BATCH {agreement_id} {evaluator}", flush=True)
            continue
        code = rng.choice(codes)
        evaluator = rng.choice(("m1", "m2", "m3"))
        result = Decimal(rng.randint(600, 1100)) / 10
        ack = f"ACK {agreement_id} {code} {evaluator} {result} {run}:{seq}"
        if ACK_EARLY:
            print(ack, flush=True)
        record_rating(workspace, agreement_id, Rating(code, 12, evaluator, result=result, comment=f"{run}:{seq}"),
                      actor="driver")
        if not ACK_EARLY:
            print(ack, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
