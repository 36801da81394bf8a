"""SCORM 1.2 package: the offline site for learners, a launch page that talks to the LMS, a manifest.

One SCO for the whole course, not one per module: the learner's record is one per
course (pages, tests, path, place), SCORM 1.2 lets SCOs share no data, and the learner
moves freely between modules as on the site. The LMS gets the course's status (completed
when the chosen path is complete), the average test score once every test of the path has
a result, the place and the record (assets/scorm.js says what and why).

The manifest declares no adlcp:masteryscore. Each test has its own pass mark (beheersing),
which one number cannot stand for; and an LMS that lets a mastery score override the status
(Moodle does by default) would turn every finished attempt with a score into "passed" or
"failed", which Moodle's default completion rule ("Completed") never accepts. The package
decides the status itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from lxml import etree

from ..publish.served import PACKAGE, served
from .archive import zip_bytes

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = PACKAGE / "vendor" / "scorm12"

LAUNCH = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>html, body, iframe {{ margin: 0; border: 0; width: 100%; height: 100%; display: block; }}</style>
</head>
<body>
<iframe id="elearn-course" title="{title}"></iframe>
<script src="assets/elearn/course.js"></script>
<script src="assets/elearn/scorm.js"></script>
</body>
</html>
"""


def manifest(title: str, identifier: str, files: list[str]) -> bytes:
    root = etree.Element(f"{{{IMSCP}}}manifest", nsmap={None: IMSCP, "adlcp": ADLCP, "xsi": XSI},
                         identifier=identifier, version="1.0")
    root.set(f"{{{XSI}}}schemaLocation",
             f"{IMSCP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd")
    metadata = etree.SubElement(root, f"{{{IMSCP}}}metadata")
    etree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{IMSCP}}}organizations", default="cursus")
    organization = etree.SubElement(organizations, f"{{{IMSCP}}}organization", identifier="cursus")
    etree.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = etree.SubElement(organization, f"{{{IMSCP}}}item", identifier="item-cursus", identifierref="sco-cursus")
    etree.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = etree.SubElement(root, f"{{{IMSCP}}}resources")
    resource = etree.SubElement(resources, f"{{{IMSCP}}}resource", identifier="sco-cursus", type="webcontent",
                                href="scorm.html")
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for name in files:
        etree.SubElement(resource, f"{{{IMSCP}}}file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _language(page: bytes) -> str:
    """The language the site's pages are in (theme.language, which Material puts on <html>):
    the launch page around them says the same."""
    found = re.search(rb"<html[^>]*\slang=\"([A-Za-z0-9-]+)\"", page[:2000])
    return found.group(1).decode() if found else "nl"


def scorm_package(site_dir: Path, title: str, identifier: str) -> tuple[bytes, int]:
    """The site built for file:// in ``site_dir`` as a SCORM 1.2 package, and how many files of
    the site it holds."""
    entries = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}
    lang = _language(entries.get("index.html", b""))
    entries["scorm.html"] = LAUNCH.format(title=html.escape(title), lang=html.escape(lang)).encode("utf-8")
    entries["assets/elearn/scorm.js"] = served(PACKAGE / "assets" / "scorm.js").encode("utf-8")
    entries = dict(sorted(entries.items()))
    package = {"imsmanifest.xml": manifest(title, identifier, list(entries))}
    package |= {schema.name: schema.read_bytes() for schema in sorted(SCHEMAS.glob("*.xsd"))}
    package |= entries
    return zip_bytes(package), len(entries)
