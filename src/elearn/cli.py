"""The ``elearn`` command for course authors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .build import check
from .diagnostics import format_all
from .site import module_pool, site_pages
from .validate.site_config import check_extra_files, read_site_config


@click.group()
def main() -> None:
    """Werk met een meldcode-cursus: controleren, schema's maken."""


ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Map van de cursus (met content/).",
)


def output_option(example: str):
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
                        help=f"Het bestand dat je maakt, bijvoorbeeld {example}.")


CONFIG = click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                      default=Path("mkdocs.yml"), show_default=True, help="De mkdocs.yml van de cursus.")


@main.command("check")
@ROOT
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Strict: waarschuwingen tellen als fout, zoals bij `make site` (mkdocs build --strict). "
                   "Met --no-strict tellen alleen fouten.")
def check_command(root: Path, strict: bool) -> None:
    """Controleer alle inhoud en meld elk probleem met bestand, regel en kolom.

    Het oordeel is dat van `make site`: die bouwt strict, dus ook een waarschuwing laat de
    controle mislukken. --no-strict geeft het milde oordeel: alleen fouten tellen."""
    # Strict by default, whatever mkdocs.yml says: `make site` passes --strict, which overrides
    # the config, and one command must not pass what the other then refuses.
    _, diagnostics = check(root)
    settings = read_site_config(root / "mkdocs.yml")
    diagnostics += check_extra_files(root / "mkdocs.yml", {key: settings.get(key) or []
                                                           for key in ("extra_css", "extra_javascript")})
    if diagnostics:
        click.echo(format_all(diagnostics), err=True)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if errors or (strict and warnings):
        summary = f"{errors} fout(en), {warnings} waarschuwing(en)."
        if strict and warnings:
            summary += " strict: waarschuwingen tellen als fout, zoals bij `make site` (--no-strict: alleen fouten)."
        click.echo(summary, err=True)
        sys.exit(1)
    if warnings:  # only without strict: say which builds still stop on them
        builds = ("elke build (mkdocs.yml zet strict: true)" if settings.get("strict") is True
                  else "`make site` (mkdocs build --strict)")
        click.echo(f"Inhoud in orde zonder strict ({warnings} waarschuwing(en)); {builds} stopt op deze "
                   "waarschuwingen.")
        return
    click.echo(f"Inhoud in orde ({warnings} waarschuwing(en)).")


@main.command("stats")
@ROOT
@click.option("--json", "as_json", is_flag=True, help="Als JSON, voor scripts.")
def stats_command(root: Path, as_json: bool) -> None:
    """Tel pagina's, vragen per type, casussen, en hoe vaak elk onderdeel getoetst wordt."""
    from .stats import course_stats

    course, diagnostics = check(root)
    if any(d.is_error for d in diagnostics):
        click.echo(format_all(diagnostics), err=True)
        sys.exit(1)
    numbers = course_stats(course, site_pages(course))
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
        return
    click.echo(f"Pagina's: {numbers['pages']}")
    click.echo(f"Vragen: {numbers['questions']}, waarvan casussen: {numbers['cases']}")
    for kind, count in numbers["question_types"].items():
        click.echo(f"  {kind}: {count}")
    untested = [cid for cid, n in numbers["coverage"].items() if n == 0]
    click.echo("Niet getoetst: " + (", ".join(untested) if untested else "niets"))


@main.command("schema")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Map waarin de JSON Schema-bestanden komen.",
)
@click.option("--check", "check_only", is_flag=True, help="Alleen nagaan of de schema's actueel zijn.")
def schema_command(out: Path, check_only: bool) -> None:
    """Schrijf een JSON Schema per soort YAML-bestand, voor controle en aanvulling in je editor."""
    from .schema import write_schemas

    stale = write_schemas(out, check_only=check_only)
    if check_only and stale:
        click.echo("Verouderd: " + ", ".join(stale) + ". Voer `elearn schema` uit.", err=True)
        sys.exit(1)
    click.echo(("Actueel: " if check_only else "Geschreven naar ") + str(out))


@main.group("export")
def export_group() -> None:
    """Maak pakketten van de cursus om uit te delen of in te laden."""


@export_group.command("offline")
@output_option("cursus-offline.zip")
@CONFIG
@click.option("--trainers", is_flag=True,
              help="Met het deel voor trainers (sessieplannen, hand-outs, antwoordsleutels, groepsresultaten). "
                   "Zonder deze optie is de zip voor deelnemers: dat deel zit er niet in.")
def export_offline_command(output: Path, config_file: Path, trainers: bool) -> None:
    """Een zip die werkt van een USB-stick: uitpakken en index.html openen, zonder internet."""
    from .export.offline import offline_zip

    data, count = _with_offline_site(config_file, output, "Geen zip gemaakt: de site kon niet worden gebouwd.",
                                     offline_zip, trainers=trainers)
    _write(output, data)
    who = ("voor trainers, met hand-outs en antwoordsleutels" if trainers
           else "voor deelnemers, zonder het deel voor trainers")
    click.echo(f"Geschreven: {output} ({count} bestanden, {who}). Uitpakken en index.html openen; zonder internet.")


def _with_offline_site(config_file: Path, output: Path, failed: str, pack, trainers: bool = False):
    """The course built for file:// (through the MkDocs adapter: the CLI may use it, the core may
    not) into a temporary folder, and ``pack(site_dir)`` of it. On failure nothing is written.
    Without ``trainers`` the site is the learners' one: no trainers' section, no answer keys."""
    import tempfile

    from elearn_mkdocs.variants import VariantFailed, build_offline_site

    with tempfile.TemporaryDirectory(prefix="elearn-") as tmp:
        site = Path(tmp) / "site"
        try:
            build_offline_site(config_file.resolve(), site, trainers=trainers)
        except VariantFailed as exc:
            click.echo(str(exc), err=True)
            click.echo(f"{failed} {output} is niet aangeraakt.", err=True)
            sys.exit(1)
        return pack(site)


def _write(output: Path, data: bytes) -> None:
    from .export.archive import write_atomically

    write_atomically(output.resolve(), data)


def _export_questions(output: Path, root: Path, make) -> None:
    """Check the course, make the export, write it whole or not at all."""
    course, diagnostics = check(root)
    if any(d.is_error for d in diagnostics):
        click.echo(format_all(diagnostics), err=True)
        click.echo(f"Niets geschreven: eerst de fouten oplossen. {output} is niet aangeraakt.", err=True)
        sys.exit(1)
    data, count, warnings = make(course)
    for warning in warnings:
        click.echo(f"let op: {warning}", err=True)
    _write(output, data)
    click.echo(f"Geschreven: {output} ({count} vragen, {len(warnings)} meldingen).")


@export_group.command("gift")
@output_option("vragen.gift.txt")
@ROOT
def export_gift_command(output: Path, root: Path) -> None:
    """Alle vragenbanken in GIFT, om in Moodle te importeren."""
    from .export.gift import to_gift

    def make(course):
        text, count, warnings = to_gift(course)
        return text.encode("utf-8"), count, warnings

    _export_questions(output, root, make)


@export_group.command("moodle-xml")
@output_option("vragen.xml")
@ROOT
def export_moodle_command(output: Path, root: Path) -> None:
    """Alle vragenbanken als Moodle XML, met feedback per antwoord en categorieën."""
    from .export.moodle import to_moodle_xml

    _export_questions(output, root, to_moodle_xml)


@export_group.command("qti")
@output_option("vragen-qti.zip")
@ROOT
def export_qti_command(output: Path, root: Path) -> None:
    """Alle vragen als QTI 2.1-pakket, voor Canvas, Blackboard en andere LMS'en."""
    from .export.qti import to_qti

    _export_questions(output, root, to_qti)


@export_group.command("scorm")
@output_option("cursus-scorm.zip")
@CONFIG
def export_scorm_command(output: Path, config_file: Path) -> None:
    """Een SCORM 1.2-pakket (één SCO voor de cursus) voor Moodle, Totara en andere LMS'en."""
    from .export.scorm import scorm_package

    course, diagnostics = check(config_file.resolve().parent)
    if any(d.is_error for d in diagnostics):
        click.echo(format_all(diagnostics), err=True)
        sys.exit(1)
    # The package is for learners: no trainers' section (the default of _with_offline_site).
    data, count = _with_offline_site(config_file, output, "Geen pakket gemaakt.",
                                     lambda site: scorm_package(site, course.course.title, course.course.id))
    _write(output, data)
    click.echo(f"Geschreven: {output} ({count} bestanden, één SCO, zonder het deel voor trainers; "
               f"{_pass_marks(course)}).")


def _pass_marks(course) -> str:
    """What the package counts as passed, in the author's words: each test at its own beheersing."""
    marks = sorted({m.test.mastery for m in course.course.modules if module_pool(course, m.id)})
    if not marks:
        return "geen toetsen"
    if len(marks) == 1:
        return f"toetsen gehaald bij {marks[0]}%"
    return "toetsen gehaald bij hun eigen beheersing: " + ", ".join(f"{m}%" for m in marks)


if __name__ == "__main__":
    main()
