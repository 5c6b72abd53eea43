#!/usr/bin/env python3
"""The runtime image, built without a Docker engine (scripts/build-image.py),
holds what the Dockerfile promises and runs.

- The OCI layout is consistent: every blob's name is its sha256, the
  manifest names the config and the layer, the config's diff_id is the
  uncompressed layer's digest; building twice gives the same digest.
- The layer holds nothing but the binary, the libraries it loads and the
  loader, the CA bundle, config/ and the licences (no shell, no package
  manager), and its labels name the Debian package of every base file.
- Unpacked and entered with chroot as the image's user, in its working
  directory and with its environment, the binary starts: `--version`,
  `check-config` on the shipped config, `enrich` of an article on stdin, and
  the main job on the embedded broker (`run --embedded --exit-when-done`),
  which loads librdkafka, OpenSSL and the compiled-in model.

Needs root (chroot). BYLINE_BIN: the binary (default target/release/byline);
BYLINE_DOCKERFILE: the Dockerfile (default deploy/Dockerfile).
"""

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("BYLINE_BIN", os.path.join(ROOT, "target", "release", "byline"))
DOCKERFILE = os.environ.get("BYLINE_DOCKERFILE", os.path.join(ROOT, "deploy", "Dockerfile"))
failures = []


def check(ok, what, detail=""):
    print(("ok    " if ok else "FAIL  ") + what + (f": {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(what)
    return ok


def build(out):
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "build-image.py"),
                        "--binary", BIN, "--out", out, "--dockerfile", DOCKERFILE],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"build-image.py failed: {r.stderr}")
    return json.loads(r.stdout)


def blob(layout, digest):
    return open(os.path.join(layout, "blobs", "sha256", digest.split(":", 1)[1]), "rb").read()


def in_image(rootfs, config, argv, stdin=None, timeout=120):
    """Run argv inside the unpacked image as its user, cwd and env."""
    uid, gid = (int(x) for x in config["User"].split(":"))
    env = dict(e.split("=", 1) for e in config["Env"])

    def enter():
        os.chroot(rootfs)
        os.chdir(config["WorkingDir"])
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)

    return subprocess.run(argv, preexec_fn=enter, env=env, input=stdin, capture_output=True,
                          text=True, timeout=timeout)


def main():
    if os.geteuid() != 0:
        sys.exit("check_image.py: needs root (chroot into the unpacked image)")
    if not os.access(BIN, os.X_OK):
        sys.exit(f"check_image.py: no binary at {BIN} (BYLINE_BIN)")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        info = build(a)
        check(build(b)["digest"] == info["digest"], "the same binary and tree give the same image digest")
        index = json.load(open(os.path.join(a, "index.json")))
        manifest_desc = index["manifests"][0]
        raw = {}
        for name in os.listdir(os.path.join(a, "blobs", "sha256")):
            data = open(os.path.join(a, "blobs", "sha256", name), "rb").read()
            raw[name] = data
            check(hashlib.sha256(data).hexdigest() == name, f"blob {name[:12]} is named by its digest")
        manifest = json.loads(blob(a, manifest_desc["digest"]))
        config = json.loads(blob(a, manifest["config"]["digest"]))
        layer_gz = blob(a, manifest["layers"][0]["digest"])
        tar = gzip.decompress(layer_gz)
        check(config["rootfs"]["diff_ids"] == ["sha256:" + hashlib.sha256(tar).hexdigest()],
              "the config's diff_id is the uncompressed layer's digest")
        c = config["config"]
        check(c.get("Entrypoint") == ["/usr/local/bin/byline"] and c.get("Cmd") == ["run"],
              "entrypoint and command are the Dockerfile's")
        check(c.get("User") == "10001:10001", "runs as the Dockerfile's numeric user", c.get("User"))
        check("Healthcheck" in c and "9464/tcp" in c.get("ExposedPorts", {}),
              "healthcheck and the metrics port are carried over")
        labels = c.get("Labels", {}).get("org.byline.base.packages", "")
        check(all(p in labels for p in ("libc6=", "libssl3=", "ca-certificates=")),
              "the labels pin the base's Debian packages by version", labels)

        rootfs = os.path.join(tmp, "rootfs")
        os.mkdir(rootfs)
        with tarfile.open(fileobj=__import__("io").BytesIO(tar)) as t:
            names = t.getnames()
            t.extractall(rootfs)
        files = sorted(n for n in names if os.path.isfile(os.path.join(rootfs, n))
                       and not os.path.islink(os.path.join(rootfs, n)))
        allowed = ("usr/local/bin/byline", "usr/lib/x86_64-linux-gnu/", "etc/ssl/certs/ca-certificates.crt",
                   "opt/byline/config/", "opt/byline/licences/")
        stray = [f for f in files if not f.startswith(allowed)]
        check(not stray, "the layer holds only the binary, its libraries, CA bundle, config and licences", stray)
        check(not os.path.exists(os.path.join(rootfs, "bin", "sh")) and not os.path.exists(os.path.join(rootfs, "usr", "bin")),
              "no shell and no /usr/bin in the image")

        r = in_image(rootfs, c, ["/usr/local/bin/byline", "--version"])
        check(r.returncode == 0 and "byline" in r.stdout, "`byline --version` runs in the image", r.stderr[-500:])
        r = in_image(rootfs, c, ["/usr/local/bin/byline", "check-config"])
        check(r.returncode == 0, "`byline check-config` accepts the shipped config in the image", (r.stdout + r.stderr)[-500:])
        article = json.dumps({"id": "img-1", "published_at": "2031-05-06",
                              "body": "Mara Quill, the mayor of Eastbridge, said on Tuesday that the harbour "
                                      "would reopen next month. \"We are ready,\" Quill said."})
        r = in_image(rootfs, c, ["/usr/local/bin/byline", "enrich"], stdin=article + "\n")
        ok = r.returncode == 0
        if ok:
            ev = json.loads(r.stdout.splitlines()[0])
            ok = any(e["name"] == "Mara Quill" for e in ev.get("entities", [])) and \
                any((q.get("speaker") or {}).get("name") == "Mara Quill" for q in ev.get("quotes", []))
        check(ok, "`byline enrich` in the image finds the speaker and entity", (r.stdout + r.stderr)[-500:])
        r = in_image(rootfs, c, ["/usr/local/bin/byline", "run", "--embedded", "--exit-when-done"], timeout=300)
        check(r.returncode == 0 and "statements" in r.stdout,
              "the main job runs on the embedded broker in the image (librdkafka, OpenSSL, model)",
              (r.stdout + r.stderr)[-800:])
        print(f"image {info['digest']}: {info['compressed_bytes'] / 1e6:.1f} MB compressed, "
              f"{info['uncompressed_bytes'] / 1e6:.1f} MB unpacked, {info['files']} files "
              f"(binary {BIN})")
    if failures:
        sys.exit(f"{len(failures)} image checks failed")


if __name__ == "__main__":
    main()
