"""MkDocs adapter: hands the elearn core's course to MkDocs, event by event, and nothing more.

A guest in MkDocs' process: it changes no process-wide state, starts no process, and makes no
file itself that the core can make.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from elearn.build import CourseBuild, prepare
from elearn.diagnostics import ContentError
from elearn.directive import QuizDirectiveExtension
from elearn.locale import language as ui_language
from elearn.privacy import external_resources
from elearn.publish import IFRAME_WORKER, offline_files, site_files
from elearn.publish.served import HEAD_SCRIPTS, THEME_DIR, stylesheets
from elearn.site import TRAINERS_DIR
from elearn.slots import QuizSlots
from elearn.validate.site_config import check_extra_files

from .config import ElearnConfig
from .staging import StagedBuild
from .theme import language, primary_colour, rgb

log = get_plugin_logger(__name__)


class ElearnPlugin(BasePlugin[ElearnConfig]):
    def __init__(self):
        self.build: CourseBuild | None = None
        self._slots: QuizSlots | None = None
        self._sources_file: File | None = None  # the sources page, which quiz HTML links to
        self._external: dict[str, list[str]] = {}  # page -> what it would load from another host
        self._offline = False  # the file:// variant, with Material's offline plugin
        self._command: str | None = None  # from on_startup; None when a program calls MkDocs' build()
        self._staged: StagedBuild | None = None
        self._colour, self._lang = "", ""  # palette.primary as #rrggbb and theme.language, from on_config

    def on_startup(self, *, command, dirty):
        # `mkdocs serve` builds into a temporary folder of its own, and keeps serving the last
        # good build when one fails: no staging there.
        self._command = command

    # Runs before MkDocs cleans site/: a broken course leaves the last good site as it was, and
    # from here on the build goes into a folder beside it (see staging.py).
    @event_priority(50)
    def on_config(self, config):
        if not self.config.enabled:
            return config
        if self._command != "serve":
            self._staged = StagedBuild(config.site_dir, config.strict)
            config.site_dir = str(self._staged.folder)
        root = Path(self.config.root or Path(config.config_file_path).parent)
        # The course's own theme settings, for what we make beside Material's pages.
        self._colour, self._lang = primary_colour(config.theme), language(config.theme)
        settings = check_extra_files(Path(config.config_file_path),
                                     {"extra_css": config.extra_css, "extra_javascript": config.extra_javascript})
        try:
            # The UI text follows the theme's language where there is a catalogue for it, as
            # Material's own words do; otherwise it stays Dutch.
            self.build = prepare(root, trainers=self.config.trainers, lang=ui_language(self._lang))
        except ContentError as exc:
            raise PluginError(str(ContentError(settings + exc.diagnostics))) from exc
        if settings:
            raise PluginError(str(ContentError(settings)))
        for warning in self.build.warnings:
            log.warning(warning.format())
        if config.nav is None and self.config.navigation:
            config.nav = self.build.site.nav
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        # With Material's offline plugin (the zip for file://, and the SCORM package), search
        # needs the iframe-worker shim; naming ours first keeps that plugin from adding its
        # CDN copy. Such a site has no service worker (the theme links no manifest there).
        self._offline = "material/offline" in config.plugins or "offline" in config.plugins
        if self._offline:
            config.extra.setdefault("polyfills", []).insert(0, IFRAME_WORKER)
        # Page ids for the theme by source path, not in page.meta: a non-empty meta makes
        # Material's navigation look up icons and badges for every item on every page.
        config.extra["elearn"] = {
            "hulplijn": self.build.site.helpline_html,
            "pages": {p.uri: p.id for p in self.build.site.pages},
            "scripts": HEAD_SCRIPTS,  # the theme loads them in the head
            "hosted": not self._offline,
            "theme_colour": self._colour,
        }
        config.extra_css.extend(u for u in stylesheets() if u not in config.extra_css)
        config.markdown_extensions.append(QuizDirectiveExtension(lambda line: self._slots.lookup(line)))
        self._external = {}
        return config

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        # The course's YAML sits in docs_dir but is input, not something to publish; without the
        # trainers' section, nothing an author put under trainers/ is published either.
        for file in list(files):
            if file.src_uri.endswith((".yml", ".yaml")) or (
                    not self.config.trainers and file.src_uri.startswith(TRAINERS_DIR)):
                files.remove(file)
        site = self.build.site
        # Pages an index links instead of the navigation: MkDocs need not report them.
        unlisted = {p.uri for p in site.pages if not p.in_nav}
        for uri, markdown in site.markdown.items():
            inclusion = InclusionLevel.NOT_IN_NAV if uri in unlisted else InclusionLevel.UNDEFINED
            files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
        urls = {p.id: files.get_file_from_path(p.uri).url for p in site.pages}
        published = site_files(self.build.course, site, urls, self.build.page_markdown(), self._offline)
        for uri, content in published.items():
            source = {"abs_src_path": str(content)} if isinstance(content, Path) else {"content": content}
            files.append(File.generated(config, uri, **source))
        self._sources_file = files.get_file_from_path(site.uri_of("bronnen"))
        self._slots = QuizSlots(site)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if self._slots:
            self._slots.converting(page.file.src_uri)  # the page the directive extension works on
        return markdown

    # The quizzes go in after the search index and Markdown are done with the page:
    # neither needs them (search skips them anyway), and they are most of its HTML.
    def on_post_page(self, output, page, config):
        # The page as the theme made it, before the quizzes: what they could load is in the
        # course's texts, which validation refuses where they are written (file and line).
        # They are most of a large course's HTML: at 10,000 questions, 48 of its 79 MB.
        found = external_resources(output)
        if found:
            self._external[page.file.src_uri] = found
        if self._slots:
            output = self._slots.fill(page.file.src_uri, output, self._sources_file.url_relative_to(page.file))
        return output

    def on_post_template(self, output_content, template_name, config):
        found = external_resources(output_content)  # the 404 page and other theme pages
        if found:
            self._external[template_name] = found
        return output_content

    # After every other plugin (Material's offline plugin writes the search index late).
    @event_priority(-200)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        self._refuse_external_loads()
        if not self._offline:
            self._write_offline_files(config)
        if self._staged:
            staged, self._staged = self._staged, None
            if staged.failing:  # MkDocs stops the build next, for its warnings: the old site stays
                if staged.hidden_warnings:
                    log.error("strict: deze waarschuwingen tellen als fout:\n  " + "\n  ".join(staged.hidden_warnings))
                staged.abandon()
            else:
                staged.finish()
                config.site_dir = str(staged.target)  # for what runs after the build (gh-deploy)

    def on_build_error(self, error):
        if self._staged:
            self._staged.abandon()
            self._staged = None

    def on_shutdown(self):
        self.on_build_error(None)  # a build stopped by Ctrl-C leaves no half-built folder behind

    def _refuse_external_loads(self) -> None:
        if self._external:
            lines = [f"  {uri}: {', '.join(urls)}" for uri, urls in sorted(self._external.items())]
            raise PluginError(
                "Deze pagina's laden iets van een andere server, en dat mag niet (geen verzoek verlaat de "
                "site):\n" + "\n".join(lines) + "\nZet het bestand in de site zelf, of laat het weg."
            )

    def _write_offline_files(self, config) -> None:
        site = Path(config.site_dir)  # the staging folder, until the build is put in place
        course = self.build.course.course
        files, cache = offline_files(site, course.title, config.site_name[:30], course.subtitle or course.title,
                                     self._colour, rgb(self._colour), self._lang)
        for path, data in files.items():
            (site / path).write_bytes(data)
        log.info(
            f"offline: de service worker bewaart {cache.pages} pagina's en {len(cache.urls)} bestanden, "
            f"{cache.bytes / 1_000_000:.1f} MB (versie {cache.version})"
        )
