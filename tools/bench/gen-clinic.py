#!/usr/bin/env python3
"""Generates clinic descriptions (urn:ahaki-check:clinic:1) for the benchmarks.

  gen-clinic.py year  OUT.xml            one clinic's year: 50 patients, ~7,000 visits, monthly claims
  gen-clinic.py batch OUTDIR [FILES]     an insurer's monthly batch: FILES clinics (default 2,000) of 50
                                         patients each, one month: 100,000 claims in all

Deterministic (fixed seed). The claims' totals are computed with the fee edition of 2024-10 for the
common cases (visits at the clinic, sudden home visits), so most claims are compliant; every 50th
claim is off by 10 yen so that findings are written too.
"""
import os
import random
import sys

T1, T2, FE1, FE2, ELECTRO, TRAVEL = 1610, 1770, 1950, 2230, 100, 2300
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
RECORDS = ('  <records retention-years="5" items="eligibility card-checked consent-doctor disease dates outcome count '
           'content fees findings"/>\n')
DISEASES = ["neuralgia", "rheumatism", "cervicobrachial", "frozen-shoulder", "lumbago", "whiplash"]


def month_days(y, m):
    return [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def clinic(rng, name, months, patients, visits_per_month):
    out = [HEAD, f'<clinic xmlns="urn:ahaki-check:clinic:1" name="{name}">\n', RECORDS]
    claims = []
    for p in range(patients):
        pid = f"p{p + 1}"
        y0, m0 = months[0]
        consents, visits = [], []
        # An initial consent before the first month, renewals every 6 months (on the 1st: 6 months cover them).
        consents.append(f'    <consent id="{pid}-c0" kind="initial" date="{y0:04d}-{m0:02d}-01" doctor="医師{p % 7}" '
                        f'disease="{DISEASES[p % 6]}"/>\n')
        first = True
        for i, (y, m) in enumerate(months):
            if i and i % 5 == 0:
                consents.append(f'    <consent id="{pid}-c{i}" kind="renewal" date="{y:04d}-{m:02d}-01" doctor="医師{p % 7}" '
                                f'disease="{DISEASES[p % 6]}"/>\n')
            cur = f"{pid}-c{(i // 5) * 5}" if i >= 5 else f"{pid}-c0"
            n = max(1, min(15, int(rng.gauss(visits_per_month, 2))))
            days = sorted(rng.sample(range(2, month_days(y, m) + 1), n))
            total = 0
            last_sudden = -100
            for d in days:
                two = rng.random() < 0.6
                electro = rng.random() < 0.3
                attrs = f'date="{y:04d}-{m:02d}-{d:02d}" consent="{cur}" techniques="{"hari kyu" if two else "hari"}"'
                fee = T2 if two else T1
                if first:
                    attrs += ' first-exam="true"'
                    fee += FE2 if two else FE1
                    first = False
                if electro:
                    attrs += ' electro="true"'
                    fee += ELECTRO
                day_index = i * 31 + d
                if rng.random() < 0.05 and day_index - last_sudden > 14:
                    attrs += ' place="home" home-visit="sudden" distance-km="%.1f" reason="急性の疼痛で歩行困難"' % rng.uniform(0.5, 12)
                    fee += TRAVEL
                    last_sudden = day_index
                visits.append(f"    <visit {attrs}/>\n")
                total += fee
            claims.append((pid, y, m, total))
        out.append(f'  <patient id="{pid}" name="患者{p + 1}">\n')
        out.extend(consents)
        out.extend(visits)
        out.append("  </patient>\n")
    for k, (pid, y, m, total) in enumerate(claims):
        if k % 50 == 49:
            total += 10
        out.append(f'  <claim patient="{pid}" month="{y:04d}-{m:02d}" total="{total}"/>\n')
    out.append("</clinic>\n")
    return "".join(out)


def main():
    rng = random.Random(13)
    if len(sys.argv) >= 3 and sys.argv[1] == "year":
        months = [(2024 + (10 + i - 1) // 12, (10 + i - 1) % 12 + 1) for i in range(12)]  # 2024-10 .. 2025-09
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(clinic(rng, "一年分の鍼灸院", months, 50, 12.3))
    elif len(sys.argv) >= 3 and sys.argv[1] == "batch":
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
        os.makedirs(sys.argv[2], exist_ok=True)
        for i in range(n):
            with open(os.path.join(sys.argv[2], f"clinic-{i:05d}.xml"), "w", encoding="utf-8") as f:
                f.write(clinic(rng, f"鍼灸院{i}", [(2025, 1)], 50, 7))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
