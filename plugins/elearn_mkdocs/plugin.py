"""MkDocs adapter: calls the elearn core from MkDocs events, and nothing more."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from elearn.build import CourseBuild, prepare
from elearn.publish.assets import (ASSETS, COURSE_SCRIPT, HEAD_SCRIPTS, PACKAGE, QUESTIONS_SCRIPT, THEME_DIR, served,
                                   stylesheets)
from elearn.publish.coursedata import course_map, course_script, question_map, script
from elearn.publish.pwa import MANIFEST, WORKER, icon_png, precache, service_worker, web_manifest
from elearn.privacy import external_resources
from elearn.diagnostics import ContentError
from elearn.directive import Directive, QuizDirectiveExtension
from elearn.prerender import Prerendered, directives_in

from .config import ElearnConfig

log = get_plugin_logger(__name__)

VENDOR = PACKAGE / "vendor"
IFRAME_WORKER = "assets/elearn/iframe-worker-shim.js"  # the name must hold "iframe-worker"
THEME_COLOUR, THEME_RGB = "#3f51b5", (0x3F, 0x51, 0xB5)  # Material's indigo, as in mkdocs.yml


# Whether a build in this process froze the objects it had after on_config. Kept here,
# not on the plugin: `mkdocs serve` makes a new plugin object for every rebuild.
_frozen = False


def thaw() -> None:
    """Let the collector have what an earlier build in this process froze (mkdocs serve)."""
    global _frozen
    if _frozen:
        gc.unfreeze()
        gc.collect()
        _frozen = False


def freeze() -> None:
    """Keep the collector from walking every object there is now, until the next build or
    the end of the process.

    After on_config that is mostly the course model and the modules, which stay as they
    are until the build ends. The page build then collects only what it makes itself,
    and at exit Python does not walk and free them one by one. This also spares what
    MkDocs made before on_config.
    """
    global _frozen
    gc.freeze()
    _frozen = True


@contextmanager
def no_collection():
    """Loading makes tens of thousands of objects that all live until the build ends and
    form no cycles: a garbage collection in the middle of that walks them and finds nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def slot(directive: Directive) -> str:
    return f'<div data-elearn-slot="{directive.kind}:{directive.quiz_id}"></div>'


class ElearnPlugin(BasePlugin[ElearnConfig]):
    def __init__(self):
        self.build: CourseBuild | None = None
        self._page_file: File | None = None
        self._sources_file: File | None = None  # the sources page, which quiz HTML links to
        self._slots: dict[str, list[Directive]] = {}  # page -> directives waiting for on_post_page
        self._external: dict[str, list[str]] = {}  # page -> what it would load from another host
        self._offline = False  # the file:// variant, with Material's offline plugin
        self._quizzes: Prerendered | None = None  # the quizzes' HTML, maybe from a second process

    # Runs before MkDocs cleans site/: a broken course leaves the last good site as it was.
    @event_priority(50)
    def on_config(self, config):
        root = Path(self.config.root or Path(config.config_file_path).parent)
        thaw()
        try:
            with no_collection():
                self.build = prepare(root)
        except ContentError as exc:
            raise PluginError(str(exc)) from exc
        for warning in self.build.warnings:
            log.warning(warning.format())
        if config.nav is None and self.config.navigation:
            config.nav = self.build.site.nav
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        # Page ids for the theme by source path, not in page.meta: a non-empty meta makes
        # Material's navigation look up icons and badges for every item on every page.
        config.extra["elearn"] = {
            "hulplijn": self.build.site.helpline_html,
            "pages": {p.uri: p.id for p in self.build.site.pages},
        }
        # With Material's offline plugin (the zip for file://, and the SCORM package), search
        # needs the iframe-worker shim; naming ours first keeps that plugin from adding its
        # CDN copy. Such a site has no service worker (the theme links no manifest there).
        self._offline = "material/offline" in config.plugins or "offline" in config.plugins
        config.extra_css.extend(u for u in stylesheets() if u not in config.extra_css)
        config.extra["elearn"]["scripts"] = HEAD_SCRIPTS  # the theme loads them in the head
        config.markdown_extensions.append(QuizDirectiveExtension(self._quiz_slot))
        if self._offline:
            config.extra.setdefault("polyfills", []).insert(0, IFRAME_WORKER)
        config.extra["elearn"]["hosted"] = not self._offline
        config.extra["elearn"]["theme_colour"] = THEME_COLOUR
        self._external = {}
        freeze()
        return config

    def on_files(self, files: Files, config) -> Files:
        # The course's YAML sits in docs_dir but is input, not something to publish.
        for file in list(files):
            if file.src_uri.endswith((".yml", ".yaml")):
                files.remove(file)
        site = self.build.site
        # Pages an index links instead of the navigation: MkDocs need not report them.
        unlisted = {p.uri for p in site.pages if not p.in_nav}
        for uri, markdown in site.markdown.items():
            inclusion = InclusionLevel.NOT_IN_NAV if uri in unlisted else InclusionLevel.UNDEFINED
            files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
        for uri, paths in ASSETS.items():
            files.append(File.generated(config, uri, content=served(*paths)))
        if self._offline:
            files.append(File.generated(config, IFRAME_WORKER, abs_src_path=str(VENDOR / "iframe-worker" / "shim.js")))
        urls = {p.id: files.get_file_from_path(p.uri).url for p in site.pages}
        markdown_of = self.build.page_markdown()
        data = course_map(self.build.course, site.pages, urls, markdown_of, site.quizzes)
        files.append(File.generated(config, COURSE_SCRIPT, content=course_script(data)))
        questions = question_map(self.build.course, urls, site.quizzes)
        files.append(File.generated(config, QUESTIONS_SCRIPT, content=script("ELEARN_QUESTIONS", questions)))
        self._sources_file = files.get_file_from_path(site.uri_of("bronnen"))
        # Last, so the child starts while MkDocs converts every page (it wants quizzes only after).
        self._quizzes = Prerendered(site, directives_in(markdown_of, site) if self.config.parallel else [])
        return files

    def on_page_markdown(self, markdown, page, config, files):
        self._page_file = page.file  # the page the directive extension is working on
        self._slots[page.file.src_uri] = []
        return markdown

    def _quiz_slot(self, directive: Directive) -> str | None:
        """The directive leaves a slot; on_post_page fills it with the quiz."""
        if directive.quiz_id not in self.build.site.quizzes:
            return None
        self._slots[self._page_file.src_uri].append(directive)
        return slot(directive)

    # The quizzes go in after the search index and Markdown are done with the page:
    # neither needs them (search skips them anyway), and they are most of its HTML.
    def on_post_page(self, output, page, config):
        directives = self._slots.pop(page.file.src_uri, [])
        if directives:
            sources_url = self._sources_url(page.file)
            for directive in directives:
                output = output.replace(slot(directive), self._quizzes.html(directive, sources_url), 1)
        found = external_resources(output)
        if found:
            self._external[page.file.src_uri] = found
        return output

    def on_post_template(self, output_content, template_name, config):
        found = external_resources(output_content)  # the 404 page and other theme pages
        if found:
            self._external[template_name] = found
        return output_content

    # After every other plugin (Material's offline plugin writes the search index late).
    @event_priority(-200)
    def on_post_build(self, config):
        self._quizzes.close()
        log.debug(f"quizzen: {self._quizzes.from_child} uit het tweede proces")
        if self._external:
            lines = [f"  {uri}: {', '.join(urls)}" for uri, urls in sorted(self._external.items())]
            raise PluginError(
                "Deze pagina's laden iets van een andere server, en dat mag niet (geen verzoek verlaat de "
                "site):\n" + "\n".join(lines) + "\nZet het bestand in de site zelf, of laat het weg."
            )
        if self._offline:
            return
        site = Path(config.site_dir)
        course = self.build.course.course
        for size in (192, 512):
            (site / "assets" / "elearn" / f"icon-{size}.png").write_bytes(icon_png(size, THEME_RGB))
        (site / MANIFEST).write_text(
            web_manifest(course.title, config.site_name[:30], course.subtitle or course.title, THEME_COLOUR),
            encoding="utf-8",
        )
        cache = precache(site)
        (site / WORKER).write_text(service_worker(cache), encoding="utf-8")
        log.info(
            f"offline: de service worker bewaart {cache.pages} pagina's en {len(cache.urls)} bestanden, "
            f"{cache.bytes / 1_000_000:.1f} MB (versie {cache.version})"
        )

    def on_build_error(self, error):
        if self._quizzes:
            self._quizzes.close()  # a child still at work is stopped, not left behind

    def _sources_url(self, page_file: File) -> str:
        """The sources page as a link from ``page_file``: quiz HTML cites sources there."""
        return self._sources_file.url_relative_to(page_file)
