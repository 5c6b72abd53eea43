#!/usr/bin/env python3
"""Build byline's runtime image without a Docker engine or a registry.

    scripts/build-image.py --binary target/release/byline --out target/image

`deploy/Dockerfile` is the image's definition and stays the way to build it
where an engine and a registry are at hand. On machines with neither (CI
here), this script carries out the Dockerfile's runtime stage itself and
writes an OCI image layout (`oci-layout`, `index.json`, `blobs/sha256/...`)
that `skopeo copy oci:target/image docker-daemon:byline:0.1.0`, `podman load`
or any registry push takes as it is.

What differs from `docker build`, and only this:
- **The base.** The Dockerfile's runtime base is distroless/cc-debian12
  (glibc, libgcc, OpenSSL 3, CA certificates), pinned by digest, which only a
  registry can serve. Here the base is the same content taken from the build
  host's Debian packages: exactly the shared libraries the binary loads
  (`ldd`), the dynamic loader and the CA bundle. Each file's package and
  version are recorded in the image's labels (`org.byline.base.packages`), so
  the base is pinned by package version instead of by digest. The host must
  be the Debian release the Dockerfile names (`DEBIAN_RELEASE`), or the
  binary would be linked against other libraries than it finds.
- **The binary** is the one given (`--binary`), stripped as the builder
  stage's `install --strip` does, not one the builder stage compiles.
  `docker build` links zlib statically (`rdkafka/libz-static`); a
  binary built with the default features loads `libz.so.1`, which then comes
  along like any other library `ldd` lists.

Every other instruction of the runtime stage (WORKDIR, COPY, USER, ENV,
EXPOSE, HEALTHCHECK, ENTRYPOINT, CMD) is read from the Dockerfile and done as
`docker build` would; an instruction this script does not know is an error,
so the Dockerfile cannot grow a step that this build silently drops.

The image is reproducible: files sorted, owners 0, times 0, gzip without a
timestamp. The same binary and tree give the same digest.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(msg):
    sys.exit(f"build-image: {msg}")


def runtime_stage(dockerfile):
    """The Dockerfile's global ARG defaults and the runtime stage's
    instructions, continuation lines joined, comments dropped."""
    text = open(dockerfile).read()
    lines, cur = [], ""
    for raw in text.splitlines():
        s = raw.strip()
        if not cur and (not s or s.startswith("#")):
            continue
        if s.endswith("\\"):
            cur += s[:-1] + " "
            continue
        lines.append((cur + s).strip())
        cur = ""
    args, stage, in_runtime = {}, [], False
    for line in lines:
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            in_runtime = rest.split()[-1] == "runtime"
            continue
        if word == "ARG" and not in_runtime:
            k, _, v = rest.partition("=")
            args[k.strip()] = v.strip().strip('"')
            continue
        if in_runtime:
            stage.append((word, rest.strip()))
    if not stage:
        fail(f"{dockerfile}: no stage named 'runtime'")
    return args, stage


def expand(s, args):
    return re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), s)


def deb_package(path):
    """(package, version) of the Debian package that ships `path`."""
    real = os.path.realpath(path)
    for candidate in (path, real, real.replace("/usr/lib/", "/lib/", 1)):
        r = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if r.returncode == 0:
            pkg = r.stdout.split(":", 1)[0].strip()
            ver = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", pkg],
                capture_output=True, text=True, check=True,
            ).stdout.strip()
            return pkg, ver
    fail(f"no Debian package ships {path}: the base must come from packages")


def shared_libraries(binary):
    """Paths of the libraries and loader the binary loads (ldd)."""
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    paths = []
    for line in out.splitlines():
        m = re.search(r"(/\S+) \(0x", line)
        if m and "vdso" not in line:
            paths.append(m.group(1))
        elif "not found" in line:
            fail(f"ldd: {line.strip()}")
    return paths


def stripped(binary):
    """The binary without symbols, as the builder stage's `install --strip`
    leaves it."""
    tmp = binary + ".image-stripped"
    try:
        subprocess.run(["strip", "-o", tmp, binary], check=True)
        return open(tmp, "rb").read()
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


class Layer:
    """A reproducible tar layer."""

    def __init__(self):
        self.buf = io.BytesIO()
        self.tar = tarfile.open(fileobj=self.buf, mode="w", format=tarfile.PAX_FORMAT)
        self.entries = {}

    def _dirs(self, path, mode=0o755):
        parts = path.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            self.entries.setdefault(d, ("dir", None, mode))

    def dir(self, path):
        self._dirs(path + "/x")

    def file(self, path, data, mode=0o644):
        path = os.path.normpath(path)
        self._dirs(path)
        self.entries[path.strip("/")] = ("file", data, mode)

    def symlink(self, path, target):
        path = os.path.normpath(path)
        self._dirs(path)
        self.entries[path.strip("/")] = ("link", target, 0o777)

    def finish(self):
        for name in sorted(self.entries):
            kind, data, mode = self.entries[name]
            info = tarfile.TarInfo(name)
            info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
            info.mode = mode
            if kind == "dir":
                info.type = tarfile.DIRTYPE
                self.tar.addfile(info)
            elif kind == "link":
                info.type, info.linkname = tarfile.SYMTYPE, data
                self.tar.addfile(info)
            else:
                info.size = len(data)
                self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        return self.buf.getvalue()


def build(binary, out, dockerfile):
    args, stage = runtime_stage(dockerfile)
    layer = Layer()
    config = {"Env": [], "Labels": {}}
    workdir = "/"
    packages = {}

    # The base: the binary's libraries and loader, the CA bundle, /tmp.
    for lib in shared_libraries(binary):
        # Paths as the image's own merged /usr lays them out: the real file
        # in its real directory, the name ldd gave as a link next to it.
        real = os.path.realpath(lib)
        libdir = os.path.realpath(os.path.dirname(lib))
        layer.file(real, open(real, "rb").read(), 0o755)
        alias = os.path.join(libdir, os.path.basename(lib))
        if alias != real:
            layer.symlink(alias, os.path.relpath(real, libdir))
        packages.update([deb_package(lib)])
    # Debian 12 merges /lib, /lib64, /bin and /sbin into /usr: the loader
    # path the binary names (/lib64/ld-linux-x86-64.so.2) resolves as on the
    # host.
    for top in ("lib", "lib64", "bin", "sbin"):
        p = "/" + top
        if os.path.islink(p):
            layer.symlink(p, os.readlink(p))
    # The CA bundle: generated by update-ca-certificates from the package.
    ca = "/etc/ssl/certs/ca-certificates.crt"
    layer.file(ca, open(ca, "rb").read())
    packages["ca-certificates"] = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "ca-certificates"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    layer.entries["tmp"] = ("dir", None, 0o1777)

    for word, rest in stage:
        rest = expand(rest, args)
        if word == "ARG":
            k, _, v = rest.partition("=")
            args[k.strip()] = v.strip().strip('"')
        elif word == "WORKDIR":
            workdir = os.path.normpath(rest if rest.startswith("/") else os.path.join(workdir, rest))
            layer.dir(workdir)
        elif word == "COPY":
            parts = shlex.split(rest)
            from_builder = any(p.startswith("--from=") for p in parts)
            parts = [p for p in parts if not p.startswith("--")]
            srcs, dest = parts[:-1], parts[-1]
            if not dest.startswith("/"):
                dest = os.path.join(workdir, dest)
            for src in srcs:
                if from_builder:
                    if src != "/out/byline":
                        fail(f"COPY --from=builder {src}: only the binary is known")
                    layer.file(dest, stripped(binary), 0o755)
                    continue
                path = os.path.join(ROOT, src)
                if os.path.isdir(path):
                    for d, _, files in os.walk(path):
                        for f in files:
                            full = os.path.join(d, f)
                            rel = os.path.relpath(full, path)
                            layer.file(os.path.join(dest, rel), open(full, "rb").read())
                else:
                    target = os.path.join(dest, os.path.basename(src)) if dest.endswith("/") else dest
                    layer.file(target, open(path, "rb").read())
        elif word == "USER":
            config["User"] = rest
        elif word == "ENV":
            k, _, v = rest.partition("=")
            config["Env"].append(f"{k}={v}")
        elif word == "EXPOSE":
            config.setdefault("ExposedPorts", {})[f"{rest}/tcp" if "/" not in rest else rest] = {}
        elif word == "HEALTHCHECK":
            m = re.match(r"(.*?)CMD (\[.*\])$", rest)
            if not m:
                fail(f"HEALTHCHECK {rest!r}: expected options then CMD [...]")
            opts = dict(re.findall(r"--([\w-]+)=(\S+)", m.group(1)))
            ns = {"s": 10**9, "ms": 10**6}
            def dur(v):
                n, unit = re.match(r"(\d+)(ms|s)$", v).groups()
                return int(n) * ns[unit]
            config["Healthcheck"] = {
                "Test": ["CMD"] + json.loads(m.group(2)),
                "Interval": dur(opts.get("interval", "30s")),
                "Timeout": dur(opts.get("timeout", "30s")),
                "StartPeriod": dur(opts.get("start-period", "0s")),
                "Retries": int(opts.get("retries", "3")),
            }
        elif word == "ENTRYPOINT":
            config["Entrypoint"] = json.loads(rest)
        elif word == "CMD":
            config["Cmd"] = json.loads(rest)
        else:
            fail(f"Dockerfile runtime stage: {word} is not supported here; extend this script")
    config["WorkingDir"] = workdir
    config["Env"].insert(0, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    config["Labels"]["org.byline.base.packages"] = " ".join(
        f"{p}={v}" for p, v in sorted(packages.items()))
    config["Labels"]["org.opencontainers.image.source"] = "deploy/Dockerfile (runtime stage, scripts/build-image.py)"

    tar = layer.finish()
    gz = gzip.compress(tar, compresslevel=9, mtime=0)
    blobs = os.path.join(out, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)

    def blob(data, media):
        d = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, d), "wb") as f:
            f.write(data)
        return {"mediaType": media, "digest": f"sha256:{d}", "size": len(data)}

    layer_desc = blob(gz, "application/vnd.oci.image.layer.v1.tar+gzip")
    image_config = {
        "architecture": "amd64",
        "os": "linux",
        "config": config,
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(tar).hexdigest()]},
        "history": [{"created_by": "scripts/build-image.py: deploy/Dockerfile runtime stage"}],
    }
    config_desc = blob(json.dumps(image_config, sort_keys=True).encode(),
                       "application/vnd.oci.image.config.v1+json")
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": config_desc,
        "layers": [layer_desc],
    }
    manifest_desc = blob(json.dumps(manifest, sort_keys=True).encode(),
                         "application/vnd.oci.image.manifest.v1+json")
    manifest_desc["annotations"] = {"org.opencontainers.image.ref.name": "byline"}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [manifest_desc]}, f, sort_keys=True)
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    return {
        "digest": manifest_desc["digest"],
        "compressed_bytes": len(gz),
        "uncompressed_bytes": len(tar),
        "files": sum(1 for e in layer.entries.values() if e[0] == "file"),
        "base_packages": config["Labels"]["org.byline.base.packages"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the byline binary to ship")
    ap.add_argument("--out", required=True, help="OCI image layout directory to write")
    ap.add_argument("--dockerfile", default=os.path.join(ROOT, "deploy", "Dockerfile"))
    a = ap.parse_args()
    info = build(a.binary, a.out, a.dockerfile)
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
