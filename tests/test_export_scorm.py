"""SCORM 1.2: a manifest the schemas accept, and a runtime that the scorm-again LMS API understands."""

import json
import re
import shutil
import zipfile

import pytest
from lxml import etree
from playwright.sync_api import expect

from helpers import answer, answer_quiz, edit, elearn, package_links, quiz_data, serving, trainer_files

WRAPPER = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xs:schema>"""
# The LMS: scorm-again's SCORM 1.2 API, set up as Moodle runs a SCO with its defaults. Each
# launch gets what Moodle would give it (see next_launch), the mastery score the manifest
# declares, and "mastery score overrides status" on (scorm-again's mastery_override, the same
# rule as Moodle's: at LMSFinish a raw score against a declared mastery score decides passed or
# failed). Every commit is kept in the LMS's origin: what the LMS received.
HARNESS = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5, mastery_override: true });
  if (window.__initial) window.API.loadFromJSON(window.__initial, "");
  function keep() {
    var all = JSON.parse(localStorage.getItem("lms") || "[]");
    all.push(JSON.parse(JSON.stringify(window.API.cmi)));
    localStorage.setItem("lms", JSON.stringify(all));
  }
  window.API.on("LMSCommit", keep);
  window.API.on("LMSFinish", keep);
</script></head>
<body style="margin:0"><iframe src="package/scorm.html" style="width:100%;height:100vh;border:0" title="Cursus"></iframe></body></html>"""
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
VALUES = {}  # scenario -> what the LMS kept at the end: printed for the record (pytest -s)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scorm")
    target = tmp / "cursus-scorm.zip"
    result = elearn("export", "scorm", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "toetsen gehaald bij 80%" in result.stdout and "zonder het deel voor trainers" in result.stdout
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
    [resource] = manifest.findall(".//cp:resource", NS)
    assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert resource.get("href") == "scorm.html" and "scorm.html" in names
    # No mastery score: the package reports the status itself, each test at its own pass mark.
    assert manifest.find(".//adlcp:masteryscore", NS) is None
    listed = {f.get("href") for f in resource.findall("cp:file", NS)}
    assert listed == {n for n in names if not n.endswith(".xsd") and n != "imsmanifest.xml"}


@pytest.mark.build
def test_package_holds_no_trainer_material_and_links_to_none(package):
    archive = zipfile.ZipFile(package)
    names = set(archive.namelist())
    assert trainer_files(names) == []
    links = package_links(archive)
    assert len({page for page, _, _ in links}) > 30
    assert [link for link in links if "trainers/" in link[2]] == []
    assert [link for link in links if link[2] not in names] == []
    assert not re.search(r">\s*Voor trainers\s*<", archive.read("index.html").decode("utf-8"))  # not in the menu


def lms(package, node_modules, folder):
    """The package unpacked into an LMS of its own (see HARNESS); the mastery score its manifest declares."""
    zipfile.ZipFile(package).extractall(folder / "package")
    shutil.copy(node_modules / "scorm-again" / "dist" / "scorm12.js", folder / "scorm12.js")
    (folder / "lms.html").write_text(HARNESS, encoding="utf-8")
    (folder / "read.html").write_text("<!doctype html><title>LMS-gegevens</title>", encoding="utf-8")
    manifest = etree.fromstring(zipfile.ZipFile(package).read("imsmanifest.xml"))
    return manifest.findtext(".//adlcp:masteryscore", namespaces=NS) or ""


def first_launch(mastery):
    """What Moodle gives a SCO the first time (mod/scorm/datamodels/scorm_12lib.php, get_scorm_default)."""
    return {"core": {"entry": "ab-initio", "credit": "credit", "lesson_mode": "normal"},
            "student_data": {"mastery_score": mastery}}


def next_launch(kept, mastery):
    """What Moodle gives the next launch, from what it kept: the same attempt with credit while it
    is unfinished ('review' once it is completed, passed or failed: locallib.php, scorm_check_mode),
    and entry 'resume' after exit 'suspend'."""
    core = kept["core"]
    finished = core["lesson_status"] in ("completed", "passed", "failed")
    given = {"lesson_location": core["lesson_location"], "lesson_status": core["lesson_status"],
             "entry": "resume" if core.get("exit") == "suspend" else "",
             "credit": "no-credit" if finished else "credit", "lesson_mode": "review" if finished else "normal"}
    if core["score"]["raw"] != "":
        given["score"] = dict(core["score"])
    return {"core": given, "suspend_data": kept["suspend_data"], "student_data": {"mastery_score": mastery}}


def launch(browser, url, initial):
    """A learner opens the activity in a browser of its own, as on another device."""
    context = browser.new_context()
    context.add_init_script("window.__initial = " + json.dumps(initial))
    return context, *open_course(context, url)


def open_course(context, url):
    page = context.new_page()
    page.goto(f"{url}/lms.html")
    course = course_frame(page)
    expect(course.locator("h1")).to_have_count(1)
    return page, course


def leave(context, url):
    """The learner closes the activity; everything the LMS received at commit and at finish."""
    for page in context.pages:
        page.goto("about:blank")
    reader = context.new_page()
    reader.goto(f"{url}/read.html")  # the LMS's own origin
    commits = json.loads(reader.evaluate("localStorage.getItem('lms') || '[]'"))
    reader.evaluate("localStorage.removeItem('lms')")
    reader.close()
    assert commits, "the package committed nothing"
    return commits


def core_of(cmi):
    core = cmi["core"]
    return {"lesson_status": core["lesson_status"], "exit": core.get("exit"), "score.raw": core["score"]["raw"],
            "lesson_location": core["lesson_location"], "entry": core["entry"]}


def course_frame(page):
    for _ in range(50):
        frames = [f for f in page.frames if "/package/" in f.url and not f.url.endswith("scorm.html")]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the course did not open in the package's frame")


def read(course, url, page_id):
    data = course.evaluate("window.ELEARN_COURSE")
    course.goto(f"{url}/package/{data['pages'][page_id]['url']}")
    expect(course.locator("h1")).to_have_count(1)


def test_early_exit_a_resume_and_another_device(browser, package, node_modules, tmp_path):
    mastery = lms(package, node_modules, tmp_path)
    with serving(tmp_path) as url:
        # 1. Opened, one page read, gone: under way, resumable, and no score at all.
        context, page, course = launch(browser, url, first_launch(mastery))
        read(course, url, "kindcheck")
        commits = leave(context, url)
        kept = commits[-1]
        VALUES["early exit"] = {**core_of(kept), "suspend_data": kept["suspend_data"]}
        assert all(c["core"]["score"]["raw"] == "" for c in commits)  # not at launch, not ever
        assert kept["core"]["lesson_status"] == "incomplete" and kept["core"]["exit"] == "suspend"
        assert kept["core"]["lesson_location"] == "kindcheck"
        assert kept["core"]["session_time"].count(":") == 2
        assert json.loads(kept["suspend_data"])["l"] == "kindcheck"

        # 2. Back on the same device: where they were, with credit, and on with a path and two tests.
        context.add_init_script("window.__initial = " + json.dumps(next_launch(kept, mastery)))
        page, course = open_course(context, url)
        expect(course.locator("h1")).to_contain_text("De kindcheck")
        assert page.evaluate("API.cmi.core.entry") == "resume"
        course.goto(f"{url}/package/index.html")
        course.locator("[data-elearn-path='jgz-professional'] button").click()
        data = course.evaluate("window.ELEARN_COURSE")
        meldcode = next(m for m in data["modules"] if m["id"] == "module-meldcode")
        for page_id in meldcode["pages"]:
            read(course, url, page_id)
        course.goto(f"{url}/package/toetsen/module-meldcode.html")
        answer_quiz(course, "toets-module-meldcode", right=True)      # passed
        course.goto(f"{url}/package/toetsen/module-afwegen.html")
        answer_quiz(course, "toets-module-afwegen", right=False)      # not passed (yet)
        read(course, url, "kindcheck")
        # Inside an LMS the package is served over http, but it is not a hosted site: no
        # service worker may take over the LMS's origin.
        assert course.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        questions = json.loads(course.evaluate("localStorage.getItem('elearn:meldcode-ghnt')"))["questions"]
        assert len(questions) >= 16  # this browser's answers per question, for two tests
        commits = leave(context, url)
        kept = commits[-1]
        VALUES["resumed, path under way"] = core_of(kept)
        # The JGZ path has more tests than these two: no score yet, and a test not passed is no
        # failure (it can be taken again), so the attempt stays open.
        assert all(c["core"]["score"]["raw"] == "" for c in commits)
        assert {c["core"]["lesson_status"] for c in commits} == {"incomplete"}
        assert kept["core"]["exit"] == "suspend" and kept["core"]["lesson_location"] == "kindcheck"
        suspend = json.loads(kept["suspend_data"])
        assert "toets-module-meldcode:100p" in suspend["t"] and "toets-module-afwegen:" in suspend["t"]
        assert 0 < len(kept["suspend_data"]) < 4096

        # 3. Relaunched on the same device: what only this browser knew (the answers per question,
        # which suspend_data has no room for) is still there beside what the LMS gave back.
        context.add_init_script("window.__initial = " + json.dumps(next_launch(kept, mastery)))
        page, course = open_course(context, url)
        record = json.loads(course.evaluate("localStorage.getItem('elearn:meldcode-ghnt')"))
        assert set(questions) <= set(record["questions"]) and record["path"] == "jgz-professional"
        context.close()

        # 4. Relaunched on another device: only the LMS knows the learner, and nothing is lost.
        again, page, course = launch(browser, url, next_launch(kept, mastery))
        expect(course.locator("h1")).to_contain_text("De kindcheck")
        VALUES["relaunch"] = {"entry": page.evaluate("API.cmi.core.entry"),
                              "lesson_location": page.evaluate("API.cmi.core.lesson_location")}
        assert VALUES["relaunch"]["entry"] == "resume"
        course.goto(f"{url}/package/voortgang/index.html")
        text = course.locator("[data-elearn-dashboard]").inner_text()
        assert "JGZ-professional (zelfstudie)" in text
        assert "100% ✓ gehaald" in text and "✗ nog niet gehaald" in text
        commits = leave(again, url)
        after = json.loads(commits[-1]["suspend_data"])
        for field in ("p", "s", "t", "h"):
            assert after[field] == suspend[field], field  # what the LMS had, it has still
        assert core_of(commits[-1])["lesson_status"] == "incomplete" and commits[-1]["core"]["exit"] == "suspend"
        VALUES["relaunch"] |= core_of(commits[-1])

        # A state saved by a package with other pages: no page bit may land on the wrong page;
        # the test results, kept by test id, still count.
        older = json.dumps({**suspend, "h": suspend["h"] + 1})
        other, page, course = launch(browser, url, {**next_launch(kept, mastery), "suspend_data": older})
        course.goto(f"{url}/package/voortgang/index.html")
        assert "100% ✓ gehaald" in course.locator("[data-elearn-dashboard]").inner_text()
        record = json.loads(course.evaluate("localStorage.getItem('elearn:meldcode-ghnt')"))
        assert set(record["pages"]) <= {"kindcheck"}  # only where this launch opened, nothing read before
        other.close()
    print(json.dumps(VALUES, indent=1))


def test_a_learner_who_has_done_everything_fits_in_suspend_data(browser, package, node_modules, tmp_path):
    mastery = lms(package, node_modules, tmp_path)
    with serving(tmp_path) as url:
        context, page, course = launch(browser, url, first_launch(mastery))
        # Every page read, every test passed, the longest name, in this browser's record.
        course.evaluate("""() => {
          const c = window.ELEARN_COURSE, at = new Date().toISOString();
          const rec = { schema: 3, course: c.course, created: at, updated: at, path: c.paths[0].id,
            name: '"\\\\'.repeat(40), pages: {}, questions: {}, quizzes: {}, last: null };
          Object.keys(c.pages).forEach((id) => { rec.pages[id] = { first: at, last: at, visits: 1 }; });
          c.modules.forEach((m) => {
            if (m.test) rec.quizzes[m.test] = { attempts: 1, best: 100, last: 100, passed: true, at };
          });
          localStorage.setItem("elearn:" + c.course, JSON.stringify(rec));
        }""")
        read(course, url, "bronnen")
        suspend = page.evaluate("API.cmi.suspend_data")
        VALUES["suspend_data of a learner who has done everything"] = len(suspend)
        assert len(suspend) < 4096
        data = json.loads(suspend)
        assert data["s"] == "1" * len(course.evaluate("Object.keys(window.ELEARN_COURSE.pages)"))
        assert data["n"] == '"\\' * 40 and data["t"].count("100p") == 10
        assert page.evaluate("API.cmi.core.lesson_status") == "completed"
        context.close()
    print(json.dumps(VALUES, indent=1))


def pass_mark_course(mini):
    """The mini course with two tests and two pass marks: module een at the default 80%, module
    twee (four true/false statements) at 50%."""
    edit(mini / "content" / "cursus.yml", "    toets:\n      aantal: 4\n", """    toets:
      aantal: 4
  - id: module-twee
    titel: Module twee
    beschrijving: De tweede module.
    onderdelen: [stap-twee, stap-drie]
    toets:
      aantal: 4
      beheersing: 50
""")
    edit(mini / "content" / "cursus.yml", "modules: [module-een]", "modules: [module-een, module-twee]")
    statements = [("Overleggen met een collega hoort bij stap 2.", "true"),
                  ("In stap 3 ga je het gesprek aan.", "true"),
                  ("Stap 2 gaat over melden bij Veilig Thuis.", "false"),
                  ("Het gesprek in stap 3 is alleen voor de aandachtsfunctionaris.", "false")]
    bank = "id: bank-twee\ntitel: Twee\nmodule: module-twee\nvragen:\n" + "".join(
        f"  - id: twee-{n}\n    type: truefalse\n    vraag: \"{text}\"\n"
        f"    toetst: [stap-{'twee' if n < 2 else 'drie'}]\n    bron: bron-a\n    juist: {right}\n"
        f"    feedback_waar: Zo is het.\n    feedback_onwaar: Zo is het niet.\n"
        for n, (text, right) in enumerate(statements))
    (mini / "quizzes" / "twee.yml").write_text(bank, encoding="utf-8")


def test_finished_path_each_test_at_its_own_pass_mark(browser, mini, node_modules, tmp_path):
    pass_mark_course(mini)
    target = tmp_path / "mini-scorm.zip"
    result = elearn("export", "scorm", "-o", str(target), cwd=mini)
    assert result.returncode == 0, result.stderr
    assert "toetsen gehaald bij hun eigen beheersing: 50%, 80%" in result.stdout
    mastery = lms(target, node_modules, tmp_path / "lms")
    assert mastery == ""  # two pass marks, so no single one in the manifest
    with serving(tmp_path / "lms") as url:
        context, page, course = launch(browser, url, first_launch(mastery))
        course.locator("[data-elearn-path='iedereen'] button").click()
        data = course.evaluate("window.ELEARN_COURSE")
        for module in data["modules"]:
            for page_id in module["pages"]:
                read(course, url, page_id)
        course.goto(f"{url}/package/toetsen/module-een.html")
        answer_quiz(course, "toets-module-een", right=True)
        assert page.evaluate("API.cmi.core.score.raw") == ""  # one of the two tests: no score yet
        assert page.evaluate("API.cmi.core.lesson_status") == "incomplete"
        # Two statements right, two wrong: 50%, passed at this test's own 50%, not at 80%.
        course.goto(f"{url}/package/toetsen/module-twee.html")
        quiz = course.locator('[data-elearn-quiz="toets-module-twee"]')
        key = quiz_data(quiz)["questions"]
        for n, question in enumerate(quiz.locator(".elearn-question:visible").all()):
            answer(question, key[question.get_attribute("data-elearn-question")], right=n < 2)
        expect(quiz.locator(".elearn-summary")).to_contain_text("Gehaald")
        commits = leave(context, url)
        kept = commits[-1]
        VALUES["finished path"] = core_of(kept)
        assert kept["core"]["lesson_status"] == "completed"  # what Moodle's default completion asks
        assert kept["core"]["score"]["raw"] == "75" and kept["core"]["exit"] == ""  # (100 + 50) / 2
        assert (kept["core"]["score"]["min"], kept["core"]["score"]["max"]) == ("0", "100")
        # The result was committed when it came, not only at the end.
        assert any(c["core"]["lesson_status"] == "completed" for c in commits[:-1])

        # Opened again: Moodle shows a finished attempt in review mode, and the package leaves
        # the status and the score as they are.
        context, page, course = launch(browser, url, next_launch(kept, mastery))
        read(course, url, "stap-vier")
        commits = leave(context, url)
        assert core_of(commits[-1])["lesson_status"] == "completed" and commits[-1]["core"]["score"]["raw"] == "75"
    print(json.dumps(VALUES, indent=1))


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
