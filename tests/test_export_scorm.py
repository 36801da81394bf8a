"""SCORM 1.2: a manifest the schemas accept, and a runtime that the scorm-again LMS API understands."""

import json
import shutil
import zipfile

import pytest
from lxml import etree
from playwright.sync_api import expect

from helpers import answer_quiz, elearn, serving

WRAPPER = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xs:schema>"""
HARNESS = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (window.__initial) window.API.loadFromJSON(window.__initial, "");
  window.API.on("LMSCommit", function () { localStorage.setItem("lms", JSON.stringify(window.API.cmi)); });
</script></head>
<body style="margin:0"><iframe src="package/scorm.html" style="width:100%;height:100vh;border:0" title="Cursus"></iframe></body></html>"""


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scorm")
    target = tmp / "cursus-scorm.zip"
    result = elearn("export", "scorm", "-o", str(target))
    assert result.returncode == 0, result.stderr
    return target


def test_manifest_validates_against_the_scorm_12_schemas(package, tmp_path):
    archive = zipfile.ZipFile(package)
    names = archive.namelist()
    for schema in ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"]:
        assert schema in names  # at the zip root, as LMSs expect
        (tmp_path / schema).write_bytes(archive.read(schema))
    (tmp_path / "wrapper.xsd").write_text(WRAPPER)
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "wrapper.xsd")))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    schema.assertValid(manifest)
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    [resource] = manifest.findall(".//cp:resource", ns)
    assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert resource.get("href") == "scorm.html" and "scorm.html" in names
    assert manifest.findtext(".//adlcp:masteryscore", namespaces=ns) == "80"
    listed = {f.get("href") for f in resource.findall("cp:file", ns)}
    assert listed == {n for n in names if not n.endswith(".xsd") and n != "imsmanifest.xml"}


def course_frame(page):
    for _ in range(50):
        frames = [f for f in page.frames if "/package/" in f.url and not f.url.endswith("scorm.html")]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the course did not open in the package's frame")


def test_lms_gets_status_score_location_and_resumes(browser, package, node_modules, tmp_path):
    site = tmp_path / "lms"
    zipfile.ZipFile(package).extractall(site / "package")
    shutil.copy(node_modules / "scorm-again" / "dist" / "scorm12.js", site / "scorm12.js")
    (site / "lms.html").write_text(HARNESS, encoding="utf-8")
    with serving(site) as url:
        context = browser.new_context()
        requested = []
        context.on("request", lambda r: requested.append(r.url))
        page = context.new_page()
        page.goto(f"{url}/lms.html")
        course = course_frame(page)
        expect(course.locator("h1")).to_have_count(1)
        assert page.evaluate("API.cmi.core.lesson_status") == "incomplete"
        course.locator("[data-elearn-path='jgz-professional'] button").click()
        data = course.evaluate("window.ELEARN_COURSE")
        meldcode = next(m for m in data["modules"] if m["id"] == "module-meldcode")
        for page_id in meldcode["pages"]:
            course.goto(f"{url}/package/{data['pages'][page_id]['url']}")
        course.goto(f"{url}/package/toetsen/module-meldcode.html")
        answer_quiz(course, "toets-module-meldcode", right=True)      # this module: completed
        course.goto(f"{url}/package/toetsen/module-afwegen.html")
        answer_quiz(course, "toets-module-afwegen", right=False)      # that one: failed
        course.goto(f"{url}/package/meldcode/kindcheck.html")          # and then read on
        cmi = page.evaluate("JSON.parse(JSON.stringify(API.cmi))")
        assert cmi["core"]["lesson_status"] == "incomplete"  # the JGZ path is not done yet
        assert cmi["core"]["lesson_location"] == "kindcheck"
        assert (cmi["core"]["score"]["min"], cmi["core"]["score"]["max"]) == ("0", "100")
        assert 30 <= int(cmi["core"]["score"]["raw"]) <= 70  # one test passed, one failed, one to go
        suspend = cmi["suspend_data"]
        assert 0 < len(suspend) < 4096
        # Inside an LMS the package is served over http, but it is not a hosted site: no
        # service worker may take over the LMS's origin.
        assert course.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        assert not [u for u in requested if u.endswith("sw.js")]
        # Close the course: the package commits on page hide, with the session time.
        page.goto("about:blank")
        reader = context.new_page()
        reader.goto(f"{url}/lms.html")  # same origin: read what the LMS stored at commit
        stored = json.loads(reader.evaluate("localStorage.getItem('lms')"))
        assert stored["core"]["session_time"].count(":") == 2
        assert stored["suspend_data"] == suspend
        context.close()

        # Relaunch on another device: only the LMS knows the learner.
        again = browser.new_context()
        again.add_init_script(
            "window.__initial = " + json.dumps({"core": {"lesson_location": "kindcheck", "lesson_status": "incomplete"},
                                                "suspend_data": suspend}))
        page = again.new_page()
        page.goto(f"{url}/lms.html")
        course = course_frame(page)
        expect(course.locator("h1")).to_contain_text("De kindcheck")  # where the learner was
        course.goto(f"{url}/package/voortgang/index.html")
        text = course.locator("[data-elearn-dashboard]").inner_text()
        assert "JGZ-professional (zelfstudie)" in text
        assert "100% ✓ gehaald" in text and "✗ nog niet gehaald" in text
        again.close()

        # A state saved by a package with other pages: no page bit may land on the wrong page;
        # the test results, kept by test id, still count.
        data = json.loads(suspend)
        assert data["h"] and "toets-module-meldcode:100p" in data["t"]
        older = json.dumps({**data, "h": data["h"] + 1})
        other = browser.new_context()
        other.add_init_script("window.__initial = " + json.dumps({"suspend_data": older}))
        page = other.new_page()
        page.goto(f"{url}/lms.html")
        course = course_frame(page)
        expect(course.locator("h1")).to_have_count(1)
        course.goto(f"{url}/package/voortgang/index.html")
        text = course.locator("[data-elearn-dashboard]").inner_text()
        assert "100% ✓ gehaald" in text
        record = json.loads(course.evaluate("localStorage.getItem('elearn:meldcode-ghnt')"))
        assert set(record["pages"]) <= {"start"}  # only where this launch opened, nothing read before
        other.close()


def test_without_an_lms_the_package_is_the_normal_site(browser, package, tmp_path):
    site = tmp_path / "plain"
    zipfile.ZipFile(package).extractall(site)
    with serving(site) as url:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/scorm.html")
        course = course_frame_plain(page)
        expect(course.locator("h1")).to_have_count(1)
        assert errors == []
        page.close()


def course_frame_plain(page):
    for _ in range(50):
        frames = [f for f in page.frames if f.url.endswith("index.html")]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the course did not open")


@pytest.mark.build
def test_scorm_export_is_deterministic(package, tmp_path):
    again = tmp_path / "again.zip"
    elearn("export", "scorm", "-o", str(again), check=True)
    assert again.read_bytes() == package.read_bytes()
