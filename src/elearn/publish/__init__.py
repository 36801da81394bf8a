"""What the site needs besides its pages: our scripts and styles, the course data for the
browser, and the files that make a hosted site work offline. A front end only hands these to
its site generator; it makes none of them itself."""

from __future__ import annotations

from pathlib import Path

from ..course import Course
from ..render.markdown import RenderedSite
from ..site import is_trainer_page
from .served import ASSETS, COURSE_SCRIPT, PACKAGE, QUESTIONS_SCRIPT, served
from .coursedata import course_map, course_script, question_map, script
from .pwa import MANIFEST, WORKER, Precache, icon_png, precache, service_worker, web_manifest

# Material's offline plugin (the zip for file:// and the SCORM package) needs this shim for
# search; the vendored copy is ours, so no request leaves the site (the name must hold
# "iframe-worker" for Material to recognise it).
IFRAME_WORKER = "assets/elearn/iframe-worker-shim.js"
IFRAME_WORKER_SOURCE = PACKAGE / "vendor" / "iframe-worker" / "shim.js"
# The trainers' group results tool (only its page loads it).
GROUP_TOOL = ("assets/elearn/groep.js", "assets/elearn/groep.css")


def site_files(course: Course, site: RenderedSite, urls: dict[str, str], markdown_of: dict[str, str],
               offline: bool) -> dict[str, str | Path]:
    """Site path -> text to write, or the package file to copy there.

    ``urls``: page id -> its URL from the site root; ``markdown_of``: uri -> every page's
    Markdown; ``offline``: the variant for file:// (with Material's offline plugin)."""
    files: dict[str, str | Path] = {uri: served(*paths, lang=site.lang) for uri, paths in ASSETS.items()}
    if offline:
        files[IFRAME_WORKER] = IFRAME_WORKER_SOURCE
    files[COURSE_SCRIPT] = course_script(course_map(course, site.pages, urls, markdown_of, site.quizzes))
    if any(is_trainer_page(p) for p in site.pages):
        files[QUESTIONS_SCRIPT] = script("ELEARN_QUESTIONS", question_map(course, urls, site.quizzes, site.lang))
    else:
        # A site for learners: the group results tool has no page to run on, and its list of
        # questions names the right option of each (an answer key).
        for uri in GROUP_TOOL:
            del files[uri]
    return files


def offline_files(site_dir: Path, title: str, short_name: str, description: str, colour: str,
                  rgb: tuple[int, int, int], lang: str) -> tuple[dict[str, bytes], Precache]:
    """The files of a hosted site that works offline, made from the built site in ``site_dir``:
    icons, the web manifest and the service worker with every page and asset to keep."""
    files = {f"assets/elearn/icon-{size}.png": icon_png(size, rgb) for size in (192, 512)}
    files[MANIFEST] = web_manifest(title, short_name, description, colour, lang).encode("utf-8")
    cache = precache(site_dir, extra=files)  # the icons and the manifest are kept offline too
    files[WORKER] = service_worker(cache).encode("utf-8")
    return files, cache
