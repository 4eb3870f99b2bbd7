"""The checks' figures on the corpus, per part:  .venv/bin/python -m tests.corpus.report [check_name ...]

right: correct answers; rejected: of those, failed by the visible or a hidden call; wrong: mistakes;
accepted: of those, passed by every call; ✓ then ✗: passed the visible call, failed a hidden one; named,
misleading, described, unnamed: of the caught mistakes, named by their own hint, by another's, by a hint on
how the numbers differ (no catalogue mistake), by none.
"""

import sys

from tests.corpus import figures


def main(names):
    rows = figures()
    header = (
        f"{'check':32} {'right':>5} {'rej':>4} {'wrong':>5} {'acc':>4} {'✓✗':>3} {'named':>5} {'misl':>4} "
        f"{'desc':>4} {'none':>4}"
    )
    print(header)
    totals = [0] * 9
    for name, row in sorted(rows.items()):
        if names and name not in names:
            continue
        values = [
            row["correct"],
            len(row["rejected"]),
            row["wrong"],
            len(row["accepted"]),
            len(row["disagree"]),
            row["right"],
            len(row["misleading"]),
            len(row["described"]),
            len(row["unnamed"]),
        ]
        totals = [t + v for t, v in zip(totals, values)]
        print(f"{name:32} " + " ".join(f"{v:>{w}}" for v, w in zip(values, (5, 4, 5, 4, 3, 5, 4, 4, 4))))
        for source, failure in row["rejected"]:
            print(f"    rejected: {failure}\n{source}")
        for key, source in row["accepted"]:
            print(f"    accepted ({key}):\n{source}")
        for key, named, source, failure in row["misleading"]:
            print(f"    misleading (is {key}, named {named}): {failure}\n{source}")
    print(f"{'all':32} " + " ".join(f"{v:>{w}}" for v, w in zip(totals, (5, 4, 5, 4, 3, 5, 4, 4, 4))))
    caught = totals[2] - totals[3]
    if caught:
        print(
            f"named {totals[5] / caught:.1%} of {caught} caught mistakes; misleading {totals[6] / caught:.1%}; "
            f"described {totals[7] / caught:.1%}; named or described {(totals[5] + totals[7]) / caught:.1%}"
        )


if __name__ == "__main__":
    main(set(sys.argv[1:]))
