#!/usr/bin/env python3
"""Extract the English Brown clusters the entity tagger uses as features.

Source: PyPI package `spacy-lookups-data` (MIT licence), file
`spacy_lookups_data/data/en_lexeme_cluster.json.gz`: 1,000,001 English words
with Brown-cluster bit paths stored as integers (the path reversed, so that a
prefix of k bits is `value & ((1 << k) - 1)`), copied from spaCy v2.2's models.
Words whose value is 0 carry no cluster and are left out.

usage: pip download --no-deps -d /tmp/slk spacy-lookups-data==1.0.5
       python3 scripts/build-clusters.py /tmp/slk/spacy_lookups_data-1.0.5-py2.py3-none-any.whl \
           > data/entities/brown_clusters.tsv
"""
import gzip
import io
import json
import sys
import zipfile

MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main() -> None:
    with zipfile.ZipFile(sys.argv[1]) as whl:
        raw = whl.read(MEMBER)
    clusters = json.load(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), "utf-8"))
    out = sys.stdout
    out.write("# word<TAB>Brown cluster path (reversed bits), from spacy-lookups-data 1.0.5 (MIT)\n")
    for word, path in sorted(clusters.items()):
        if path and word.strip() == word and word and "\t" not in word and "\n" not in word:
            out.write(f"{word}\t{path}\n")


if __name__ == "__main__":
    main()
