"""The site, the offline zip and the SCORM package stay the same, byte for byte, unless a
change means to change them: a refactor must not move a single byte of what learners get.

The recorded hashes are in ``fixtures/same-output.json``, made from the mini course. After an
intended change to the output, record them again and say in the commit what changed:

    .venv/bin/python tests/test_same_output.py --record
"""

import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import FIXTURES, elearn, mkdocs_build

RECORD = FIXTURES / "same-output.json"
# What varies from one day or one release to the next without anything of ours changing.
NORMAL = [
    (re.compile(rb"<lastmod>[0-9-]+</lastmod>"), b"<lastmod>DATE</lastmod>"),  # the sitemap's build date
    (re.compile(rb'var VERSION = "[0-9a-f]+"'), b'var VERSION = "VERSION"'),  # a hash over every file, the sitemap too
    (re.compile(rb'content="mkdocs-[0-9.]+, mkdocs-material-[0-9.]+"'), b'content="GENERATOR"'),
]
SKIP = (".gz",)  # a compressed copy of the sitemap


def digest(name: str, data: bytes) -> str:
    for pattern, fixed in NORMAL:
        data = pattern.sub(fixed, data)
    return hashlib.sha256(data).hexdigest()[:20]


def folder_digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): digest(p.name, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.endswith(SKIP)}


def zip_digests(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {n: digest(n, archive.read(n)) for n in archive.namelist() if not n.endswith(SKIP)}


def outputs(work: Path) -> dict[str, dict[str, str]]:
    course = work / "course"
    shutil.copytree(FIXTURES / "mini", course)
    mkdocs_build(course, work / "site")
    config = str(course / "mkdocs.yml")
    elearn("export", "offline", "--config", config, "-o", str(work / "offline.zip"), check=True, cwd=course)
    elearn("export", "scorm", "--config", config, "-o", str(work / "scorm.zip"), check=True, cwd=course)
    return {"site": folder_digests(work / "site"), "offline": zip_digests(work / "offline.zip"),
            "scorm": zip_digests(work / "scorm.zip")}


def differences(recorded: dict, now: dict) -> list[str]:
    found = []
    for kind in recorded.keys() | now.keys():
        before, after = recorded.get(kind, {}), now.get(kind, {})
        found += [f"{kind}: {name} is new" for name in sorted(after.keys() - before.keys())]
        found += [f"{kind}: {name} is gone" for name in sorted(before.keys() - after.keys())]
        found += [f"{kind}: {name} changed" for name in sorted(before.keys() & after.keys())
                  if before[name] != after[name]]
    return found


@pytest.mark.build
def test_site_zip_and_scorm_are_what_was_recorded(tmp_path):
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert differences(recorded, outputs(tmp_path)) == []


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    with tempfile.TemporaryDirectory() as tmp:
        RECORD.write_text(json.dumps(outputs(Path(tmp)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {RECORD}")
