"""Quizzes rendered in a second process while MkDocs converts the pages.

A build runs on one core, and the quizzes do not depend on MkDocs' work: MkDocs first
converts the Markdown of every page, and wants quiz HTML only when it writes pages.
Where the system can fork and has a core to spare, a child renders every quiz the pages
name in the meantime, and the build takes the result when it writes the first page that
needs one. Whatever goes wrong with the child (no fork here, a crash, a hang) only means
the build renders that quiz itself, as it would without the child: the pages are the same.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import sys
import threading
import time

from .directive import Directive, parse_directive
from .quizrender import place
from .render import RenderedSite

# The child has done its work long before this, at any course size we know of (10,000
# questions: about 3 s); past it the build stops waiting and renders the quizzes itself.
PATIENCE = 120.0


def directives_in(markdown_of: dict[str, str], site: RenderedSite) -> list[Directive]:
    """Every quiz directive on the pages, once each, that names a quiz the course has."""
    found: dict[Directive, None] = {}
    for text in markdown_of.values():
        if "[[" not in text:
            continue
        for line in text.splitlines():
            if line.lstrip().startswith("[["):
                directive = parse_directive(line)
                if directive and directive.quiz_id in site.quizzes:
                    found[directive] = None
    return list(found)


def can_fork() -> bool:
    # macOS forks unsafely once system frameworks are loaded; Windows cannot fork. A child
    # forked beside other threads (`mkdocs serve` has its server's) may inherit a lock one
    # of them held, and then wait forever: only a single-threaded build forks.
    return (hasattr(os, "fork") and sys.platform != "darwin" and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1)


class Prerendered:
    """Quiz HTML for ``directives``, from a child process when one can be had."""

    def __init__(self, site: RenderedSite, directives: list[Directive]):
        self.site = site
        self._html: dict[tuple[str, str], str] = {}
        self._pid: int | None = None
        self._fd: int | None = None
        if directives and can_fork():
            self._start(directives)

    def _start(self, directives: list[Directive]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            _child(self.site, directives, read, write)  # never returns
        os.close(write)
        self._pid, self._fd = pid, read

    def html(self, directive: Directive, sources_url: str) -> str | None:
        """As ``RenderedSite.quiz_html``."""
        if self._fd is not None:
            self._collect()
        unplaced = self._html.get((directive.kind, directive.quiz_id))
        if unplaced is None:
            return self.site.quiz_html(directive, sources_url)
        return place(unplaced, sources_url)

    def _collect(self) -> None:
        chunks = []
        ended = False  # the child closed its end: it is done and exiting
        deadline = time.monotonic() + PATIENCE
        try:
            while not ended and (left := deadline - time.monotonic()) > 0:
                if select.select([self._fd], [], [], left)[0]:
                    chunk = os.read(self._fd, 1 << 20)
                    chunks.append(chunk)
                    ended = not chunk
        except OSError:
            ended = False
        finished = self.close(wait=ended)
        if finished and chunks:
            try:
                self._html = pickle.loads(b"".join(chunks))
            except (pickle.UnpicklingError, EOFError, ValueError):
                self._html = {}

    def close(self, wait: bool = False) -> bool:
        """Ends the child (also when the build stopped early); True if it finished its work.

        ``wait``: the child is known to be exiting, so wait for it rather than stop it."""
        if self._fd is not None:
            os.close(self._fd)  # a child still writing now stops with a broken pipe
            self._fd = None
        if self._pid is None:
            return False
        pid, self._pid = self._pid, None
        done, status = os.waitpid(pid, 0 if wait else os.WNOHANG)
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
        return os.waitstatus_to_exitcode(status) == 0


def _child(site: RenderedSite, directives: list[Directive], read: int, write: int) -> None:
    status = 1
    try:
        os.close(read)
        gc.disable()  # short-lived: nothing to collect before it exits
        renderer = site.quiz_renderer
        html = {(d.kind, d.quiz_id): renderer.unplaced(site.quizzes[d.quiz_id], d.kind) for d in directives}
        data = memoryview(pickle.dumps(html, pickle.HIGHEST_PROTOCOL))
        while data:
            data = data[os.write(write, data):]
        status = 0
    except BaseException:  # noqa: BLE001 - whatever it was, the build renders the quizzes itself
        pass
    finally:
        os._exit(status)  # not the parent's exit handlers, buffers or cleanup
