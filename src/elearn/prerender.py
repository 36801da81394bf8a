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
import selectors
import signal
import sys
import time
import weakref

from .directive import Directive
from .quiz.html import place
from .render.markdown import RenderedSite

# How long the build waits for the child once it wants its first quiz. By then the child has
# had all the time MkDocs took to convert every page, which is more than it needs at any course
# size we know of (10,000 questions: about 3 s of work). Past this, the build renders the
# quizzes itself: slower, never different, and never a build that hangs.
PATIENCE = 5.0


def cores() -> int:
    """The cores this process may run on (taskset and cpusets count, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this system can give the build a second process at all. Whether the build may
    have one is the front end's call: only a one-off build (`mkdocs build`), never a server
    that keeps threads of its own (a child forked beside them may inherit a lock one of them
    held, and wait forever)."""
    # macOS forks unsafely once system frameworks are loaded; Windows cannot fork.
    return hasattr(os, "fork") and sys.platform != "darwin" and cores() > 1


class Prerendered:
    """Quiz HTML for ``directives``, from a child process when one can be had."""

    def __init__(self, site: RenderedSite, directives: list[Directive]):
        self.site = site
        self.from_child = 0  # quizzes taken from the child: what the build saved
        self._html: dict[tuple[str, str], str] = {}
        self._pid: int | None = None
        self._fd: int | None = None
        self._cleanup: weakref.finalize | None = None
        if directives and can_fork():
            self._start(directives)

    def _start(self, directives: list[Directive]) -> None:
        try:
            read, write = os.pipe()
        except OSError:
            return
        # Ctrl-C between the fork and the child's own handling would unwind the child
        # through MkDocs: held back until each side is ready for it.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
        except OSError:  # no memory or too many processes: render here
            os.close(read)
            os.close(write)
            return
        finally:
            if not ({signal.SIGINT} & blocked):
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        if pid == 0:
            try:
                _child(self.site, directives, read, write)
            finally:
                os._exit(1)  # never back into the parent's code
        os.close(write)
        self._pid, self._fd = pid, read
        # Also when nobody calls close() (a program that builds and goes on): no child left
        # blocked on a full pipe, and no zombie.
        self._cleanup = weakref.finalize(self, _stop, pid, read)

    def html(self, directive: Directive, sources_url: str) -> str | None:
        """As ``RenderedSite.quiz_html``."""
        if self._fd is not None:
            self._collect()
        unplaced = self._html.get((directive.kind, directive.quiz_id))
        if unplaced is None:
            return self.site.quiz_html(directive, sources_url)
        self.from_child += 1
        return place(unplaced, sources_url)

    def _collect(self) -> None:
        chunks = []
        ended = False  # the child closed its end: it is done and exiting
        deadline = time.monotonic() + PATIENCE
        try:
            with selectors.DefaultSelector() as waiting:
                waiting.register(self._fd, selectors.EVENT_READ)
                while not ended and (left := deadline - time.monotonic()) > 0:
                    if waiting.select(left):
                        chunk = os.read(self._fd, 1 << 20)
                        chunks.append(chunk)
                        ended = not chunk
        except (OSError, ValueError):
            ended = False
        finished = self.close(wait=ended) and ended
        if finished and chunks:
            try:
                self._html = pickle.loads(b"".join(chunks))
            except (pickle.UnpicklingError, EOFError, ValueError):
                self._html = {}

    def close(self, wait: bool = False) -> bool:
        """Ends the child (also when the build stopped early); True if it finished its work.

        ``wait``: the child is known to be exiting, so wait for it rather than stop it."""
        if self._cleanup is not None:
            self._cleanup.detach()
            self._cleanup = None
        fd, pid = self._fd, self._pid
        self._fd = self._pid = None
        if pid is None:
            return False
        return _stop(pid, fd, wait)


def _stop(pid: int, fd: int | None, wait: bool = False) -> bool:
    """Closes our end of the pipe and reaps the child; True if it exited with success."""
    if fd is not None:
        os.close(fd)  # a child still writing now stops with a broken pipe
    try:
        done, status = os.waitpid(pid, 0 if wait else os.WNOHANG)
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
    except ChildProcessError:
        # SIGCHLD ignored (inherited from a parent process): the system reaped it, and
        # left no status. Complete data (the pickle checks its end) is then the evidence.
        return wait
    return os.waitstatus_to_exitcode(status) == 0


def _child(site: RenderedSite, directives: list[Directive], read: int, write: int) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child, no unwinding
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
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
