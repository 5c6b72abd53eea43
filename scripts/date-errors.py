#!/usr/bin/env python3
"""Date errors of byline output by class, with counts and documents.

usage: scripts/date-errors.py GOLD.jsonl SYSTEM.jsonl [CLASS_REGEX...]

Keep the outputs of a dev run first: BYLINE_EVAL_KEEP=/tmp/run scripts/eval-dev.sh
writes /tmp/run.timebank-dev.out.jsonl. Gold and system dates are paired 1:1 by
best overlap, as score.py's relaxed match does, and each error gets one class:
missed-* / spurious-* (by value shape), span-only (right value, other span), set,
vague (PAST_REF/PRESENT_REF/FUTURE_REF on one side), duration-* (amount, vague,
or a duration on one side only), anchor-underspec-* (X digits on one side),
granularity-* (one value a prefix of the other, or another shape), direction-*
(the two values on either side of the publication date), anchor-* (same shape,
same side). A class is worth a rule only when it occurs in several documents.
With CLASS_REGEX, the matching classes are also listed by pattern (text with
digits as 9, gold value, system text, system value): read them as patterns,
never as material to copy into rules or tests.
"""
import json
import re
import sys
from collections import Counter, defaultdict


def load(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            d = json.loads(line)
            out[d['id']] = d
    return out


def shape(v):
    if not v:
        return 'none'
    if v.endswith('_REF'):
        return 'REF'
    if v.startswith('P'):
        return 'DUR'
    for name, pat in (('TIME', r'[0-9X]{4}-[0-9X]{2}-[0-9X]{2}T.*'),
                      ('DAY', r'[0-9X]{4}-[0-9X]{2}-[0-9X]{2}'),
                      ('WEEK', r'[0-9X]{4}-W[0-9X]{1,2}(-WE)?'),
                      ('MONTH', r'[0-9X]{4}-[0-9X]{2}'),
                      ('PART', r'[0-9X]{4}-(Q[0-9X]|H\d|SP|SU|FA|WI)'),
                      ('YEAR', r'[0-9X]{4}'),
                      ('FY', r'FY\d{4}'),
                      ('DEC', r'[0-9X]{2,3}')):
        if re.fullmatch(pat, v):
            return name
    return 'OTHER'


def classify(g, s, pub):
    gv, sv = g['value'], s['value']
    if gv == sv:
        return None
    gs, ss = shape(gv), shape(sv)
    if g.get('type') == 'SET' or s.get('type') == 'SET':
        if g.get('type') == s.get('type'):
            return 'set'
        return 'set-missed' if g.get('type') == 'SET' else 'set-spurious'
    if 'REF' in (gs, ss):
        if gs == ss:
            return 'vague-ref-kind'
        return 'vague-gold-ref' if gs == 'REF' else 'vague-sys-ref'
    if 'DUR' in (gs, ss):
        if gs == ss:
            return 'duration-vague' if 'X' in gv + sv else 'duration-amount'
        return 'duration-vs-point' if gs == 'DUR' else 'point-vs-duration'
    if 'X' in sv and 'X' not in gv:
        return 'anchor-underspec-sys'
    if 'X' in gv and 'X' not in sv:
        return 'anchor-underspec-gold'
    if gs != ss or len(gv) != len(sv):
        return 'granularity-prefix' if gv.startswith(sv) or sv.startswith(gv) else 'granularity-other'
    if gs == 'TIME' and gv[:10] == sv[:10]:
        return 'time-of-day'
    if not pub:
        return 'anchor-' + gs.lower()
    if gs == 'WEEK':
        near = gv[:4] == sv[:4] and abs(int(gv[6:8]) - int(sv[6:8])) < 3
        return 'direction-week' if near else 'anchor-week'
    k = 10 if gs in ('DAY', 'TIME') else len(gv)
    if gs != 'PART':
        if gv[:k] < pub[:k] < sv[:k]:
            return 'direction-sys-future'
        if sv[:k] < pub[:k] < gv[:k]:
            return 'direction-sys-past'
    return 'anchor-' + gs.lower()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold, system = load(sys.argv[1]), load(sys.argv[2])
    classes = defaultdict(list)
    for did, gd in gold.items():
        if 'dates' not in gd.get('annotated', ['dates']):
            continue
        G = gd.get('dates', [])
        S = system.get(did, {}).get('dates', [])
        cands = []
        for i, g in enumerate(G):
            for j, s in enumerate(S):
                o = min(g['end'], s['end']) - max(g['start'], s['start'])
                if o > 0:
                    cands.append((o / max(g['end'] - g['start'], s['end'] - s['start']), i, j))
        cands.sort(reverse=True)
        gi, sj = set(), set()
        for _, i, j in cands:
            if i in gi or j in sj:
                continue
            gi.add(i)
            sj.add(j)
            g, s = G[i], S[j]
            c = classify(g, s, gd.get('published_at'))
            if c is None and (g['start'], g['end']) != (s['start'], s['end']):
                c = 'span-only'
            if c:
                classes[c].append((did, g.get('text', ''), g['value'], s.get('text', ''), s['value']))
        for i, g in enumerate(G):
            if i not in gi:
                c = 'missed-' + shape(g['value']).lower() + ('-set' if g.get('type') == 'SET' else '')
                classes[c].append((did, g.get('text', ''), g['value'], '', ''))
        for j, s in enumerate(S):
            if j not in sj:
                classes['spurious-' + shape(s['value']).lower()].append((did, '', '', s.get('text', ''), s['value']))
    rows = sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    print(f"{'class':26} {'n':>5} {'docs':>5}")
    for c, items in rows:
        print(f"{c:26} {len(items):5} {len({x[0] for x in items}):5}")
    for want in sys.argv[3:]:
        for c, items in rows:
            if re.fullmatch(want, c):
                print('==', c)
                digits = lambda t: re.sub(r'\d', '9', (t or '').lower())
                pats = Counter((digits(x[1]), x[2], digits(x[3]), x[4]) for x in items)
                for p, n in pats.most_common():
                    print(n, p)


if __name__ == '__main__':
    main()
