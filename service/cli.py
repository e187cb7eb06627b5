"""The ``quotes`` command: find quotes in a file from the shell, or start the service.

::

    quotes extract article.txt              # a table, the model loaded in this process
    quotes extract story.html               # HTML, read as a browser shows it (--html for standard input)
    quotes extract --json - < article.txt   # the API's JSON answer
    quotes extract --url http://127.0.0.1:8000 article.txt   # ask a running service
    quotes serve --port 9000 --workers 2    # gunicorn, as `make run` starts it
    quotes batch articles.jsonl results.jsonl   # an archive, on every core (service/archives/)
    quotes report results.jsonl report.html     # its sourcing report (service/archives/report/)

Every article goes through the same door as the API's (``service.intake.door``).

Exit status: 0 done, 1 the service or a file failed (one line on stderr), 2 a
usage error, 130 interrupted. spaCy is imported only when a text is extracted
in-process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from service.attribution import Span, Speaker, SpeakerKind
from service.client import DEFAULT_URL, Language, QuotesClient, QuotesError, Result, parse_result

if TYPE_CHECKING:
    from service.archives.runner import Report
    from service.intake.door import Sent
    from service.intake.problems import ProblemError

PROG = "quotes"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
API_KEY_VARIABLE = "QUOTES_API_KEY"
STDIN = "-"
HTML_ENDINGS = (".html", ".htm")
"""A file read as HTML by its name (``--html`` says so for any file, and standard input)."""
INSIST = "pass --any-language"
UNAUTHORIZED = 401
# Column widths of the tables of quotes and of sources, in characters: longer values end in an ellipsis.
WIDTHS = {"id": 4, "type": 8, "quote": 50, "speaker": 24, "kind": 14, "title": 22, "affiliation": 28, "confidence": 10}
SOURCE_WIDTHS = {"source": 32, "kind": 14, "pronoun": 7, "unnamed": 60, "quotes": 6}
RIGHT_ALIGNED = frozenset({"confidence", "quotes"})
ELLIPSIS = "…"
NONE = "-"


class Failure(Exception):
    """Something outside the command line went wrong: its message is the one line printed."""


class Usage(Failure):
    """The command line asks for something the command does not do (exit status 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except Usage as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (Failure, QuotesError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`quotes extract ... | head`): say nothing more, as
        # https://docs.python.org/3/library/signal.html#note-on-sigpipe advises.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    return status


def build_parser() -> argparse.ArgumentParser:
    """The ``quotes`` command and its subcommands, ``extract``, ``serve``, ``batch`` and ``report``."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find every quotation in a news article and attribute it to its speaker, with title and affiliation.",
        epilog="Exit status: 0 done, 1 the service or a file failed, 2 a usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="print the quotes of an article",
        description=(
            "Print the quotes of an article (a UTF-8 text file, an .html or .htm file, or - for standard input) as a "
            "table, or as the API's JSON answer. HTML is read as a browser shows it, in the charset it declares, and "
            "the answer gives each quote's offsets in the HTML too. The spaCy model is loaded in this process unless "
            "--url names a running service."
        ),
        epilog="Examples: quotes extract article.txt | quotes extract story.html | quotes extract --json - < article.txt | "
        "quotes extract --html - < story.html | quotes extract --url http://127.0.0.1:8000 article.txt",
    )
    extract.add_argument("file", metavar="FILE", help="the article: UTF-8 text, or HTML (.html, .htm); - reads standard input")
    extract.add_argument("--html", action="store_true", help="read FILE (or standard input) as HTML whatever its name")
    extract.add_argument("--json", action="store_true", help="print the API's JSON answer instead of a table")
    extract.add_argument(
        "--offsets",
        choices=("codepoints", "utf16"),
        default="codepoints",
        help="unit of the offsets in --json: codepoints (Python indices, the default) or utf16 (JavaScript indices)",
    )
    extract.add_argument(
        "--url", metavar="URL", help=f"ask the service at URL (e.g. {DEFAULT_URL}) instead of loading the model here"
    )
    extract.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"API key for --url, sent as Authorization: Bearer KEY (default: ${API_KEY_VARIABLE})",
    )
    extract.add_argument(
        "--any-language",
        action="store_true",
        help="analyse the article even if it is confidently not in English (it is refused otherwise)",
    )
    extract.add_argument(
        "--timeout", metavar="SECONDS", type=_seconds, default=60.0, help="how long to wait for --url's answer (default: 60)"
    )
    _model_option(extract, "in-process")
    extract.set_defaults(run=run_extract)

    serve = commands.add_parser(
        "serve",
        help="start the service (gunicorn)",
        description=(
            "Serve the API and the page with gunicorn and the project's settings, as `make run` does. "
            "QUOTES_* variables configure the service (see README.md)."
        ),
    )
    serve.add_argument("--host", help="address to listen on (default: $HOST, else 127.0.0.1)")
    serve.add_argument("--port", type=_port, help="port to listen on (default: $PORT, else 8000)")
    serve.add_argument("--workers", type=_count, help="gunicorn workers, one analysis at a time each (default: $WEB_CONCURRENCY, else one per core)")
    serve.set_defaults(run=run_serve)

    batch = commands.add_parser(
        "batch",
        help="find the quotes of every article of an archive, on every core",
        description=(
            "Analyse every article of INPUT and write one result per article to OUTPUT: the API's answer with the "
            "article's id, as JSON Lines (.jsonl) or Parquet (.parquet); with --flat, one row per quote (.csv or "
            ".parquet). INPUT is a JSON Lines file of {\"id\": ..., \"text\": ...} (or \"html\": ...) objects "
            "(.jsonl, .jsonl.gz), a Parquet file with id and text (or html) columns, or a folder of .txt, .html and "
            ".htm files (each one's id is its path in the folder). HTML is read as a browser shows it, as the API "
            "reads it. An article that cannot be analysed (longer than QUOTES_MAX_CHARS, no text, not in English) is "
            "recorded with the API's problem as its `error` and the run goes on. A run stopped by Ctrl-C or a kill goes on from where it was with --resume."
        ),
        epilog="Examples: quotes batch articles.jsonl results.jsonl | quotes batch pages/ results.parquet --processes 4 | "
        "quotes batch articles.parquet quotes.csv --flat | quotes batch articles.jsonl results.jsonl --resume",
    )
    batch.add_argument(
        "input", metavar="INPUT", help="a .jsonl (or .jsonl.gz) file, a .parquet file, or a folder of .txt and .html files"
    )
    batch.add_argument("output", metavar="OUTPUT", help="a .jsonl or .parquet file; with --flat, a .csv or .parquet file")
    batch.add_argument(
        "--flat",
        action="store_true",
        help="one row per quote: article_id, quote_id, text, start, end, source_start, source_end (in an HTML article), "
        "type, speaker, title, affiliation, kind, anonymous, anonymity, pronoun, confidence (and the --keep fields after "
        "article_id) "
        "(the articles that failed go to OUTPUT.failures.jsonl)",
    )
    batch.add_argument("--id-field", metavar="NAME", default="id", help="the field (JSON Lines) or column (Parquet) holding each article's id (default: id)")
    batch.add_argument("--text-field", metavar="NAME", default="text", help="the field or column holding each article's text (default: text)")
    batch.add_argument(
        "--html-field", metavar="NAME", default="html", help="the field or column holding an article's HTML instead (default: html)"
    )
    batch.add_argument(
        "--keep",
        metavar="FIELD,...",
        type=_field_names,
        default=(),
        help="carry these fields (or Parquet columns) of each article into its result, as text, after its id: "
        "outlet,date,url for instance, to group the results by (quotes report --by); null where an article has none",
    )
    batch.add_argument(
        "--any-language", action="store_true", help="analyse articles confidently not in English too (recorded as refused otherwise)"
    )
    batch.add_argument(
        "--processes",
        metavar="N",
        type=_count,
        help="processes, each with its own model (each peaked at 210 MB on PolNeAR dev; allow 400 MB per process) "
        "(default: one per core, fewer if the memory does not leave 400 MB to each)",
    )
    again = batch.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true", help="go on from the output of an interrupted run: the articles in it are not redone")
    again.add_argument("--overwrite", action="store_true", help="start again, replacing OUTPUT")
    batch.add_argument("--quiet", action="store_true", help="no progress bar and no summary (there is no bar when stderr is not a terminal)")
    _model_option(batch, "in each process")
    batch.set_defaults(run=run_batch)

    report = commands.add_parser(
        "report",
        help="a sourcing report over the results of quotes batch, as HTML or JSON",
        description=(
            "Sum up the sourcing of an archive from the results of quotes batch (or the Spark job): articles and quotes, "
            "sources by kind, the share of quotes resting on unnamed sources (and on those given no reason), the people "
            "and organisations quoted most with their titles and affiliations, the people quoted by pronoun, quotes per "
            "article; with --by, each figure per group of a field quotes batch --keep carried, over time for a date. "
            "Written as one self-contained HTML file (.html: charts inline, nothing loaded from elsewhere) and/or JSON "
            "(.json, or - for standard output). The results are read a row at a time: any size of archive, the same memory."
        ),
        epilog="Examples: quotes report results.jsonl report.html | quotes report results.parquet report.html report.json --by outlet | "
        "quotes report results.jsonl - --by date --period quarter",
    )
    report.add_argument("results", metavar="RESULTS", help="quotes batch's output: .jsonl (or .jsonl.gz), .parquet, or the Spark job's folder")
    report.add_argument("outputs", metavar="OUTPUT", nargs="+", help="report.html, report.json, or - (JSON on standard output); several at once")
    report.add_argument("--by", metavar="FIELD", help="each figure per value of FIELD, a field quotes batch --keep carried (outlet, section); by period for a date")
    report.add_argument(
        "--period", choices=("day", "week", "month", "quarter", "year"), default="month", help="with --by a date field: how long each group is (default: month)"
    )
    report.add_argument("--top", metavar="N", type=_count, default=20, help="how many of the people and organisations quoted most to list (default: 20)")
    report.add_argument("--quiet", action="store_true", help="no progress bar and no summary (there is no bar when stderr is not a terminal)")
    report.set_defaults(run=run_report)
    return parser


def _model_option(command: argparse.ArgumentParser, where: str) -> None:
    """``--model``: the spaCy pipeline a command loads itself (``QUOTES_SPACY_MODEL`` by default, as the service)."""
    command.add_argument(
        "--model",
        metavar="NAME",
        default=os.environ.get("QUOTES_SPACY_MODEL") or None,
        help=f"spaCy pipeline to load {where} (default: $QUOTES_SPACY_MODEL, else en_core_web_sm or its pinned copy)",
    )


# --- extract -------------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    """Read the article, find its quotes (here or at ``--url``), print them."""
    sent = read_article(args.file, html=args.html)
    if args.url:
        body = extract_there(sent, args)
    else:
        if args.api_key:
            print(f"{PROG}: warning: --api-key is unused without --url: the model runs in this process", file=sys.stderr)
        body = extract_here(sent, args.model, args.offsets, args.any_language)
    if args.json:
        print(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        for warning in body.get("warnings") or ():
            print(f"{PROG}: warning: {warning['message']}", file=sys.stderr)
        print_table(parse_result(body), sys.stdout)
    return EXIT_OK


def read_article(path: str, *, html: bool) -> Sent:
    """The file's bytes (``-``: standard input) as an article for the door: HTML by ``--html`` or the name's ending."""
    from service.intake.door import Form, Sent

    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        raise Failure(f"cannot read {_name(path)}: {exc.strerror or exc}") from None
    form = Form.HTML if html or path.lower().endswith(HTML_ENDINGS) else Form.TEXT
    return Sent(raw, form, _name(path))


def extract_there(sent: Sent, args: argparse.Namespace) -> dict[str, Any]:
    """The answer of the service at ``--url``: the article decoded here, read and checked there."""
    from service.intake.door import Form, decoded
    from service.intake.problems import ProblemError

    try:
        content = decoded(sent)
    except ProblemError as exc:
        raise Failure(_said(exc)) from None
    api_key = args.api_key or os.environ.get(API_KEY_VARIABLE)
    with QuotesClient(args.url, api_key=api_key, timeout=args.timeout) as client:
        try:
            return client.answer(str(content), html=sent.form is Form.HTML, offsets=args.offsets, any_language=args.any_language)
        except QuotesError as exc:
            if exc.status == UNAUTHORIZED:
                refused = "the API key sent was refused" if api_key else "the service needs an API key"
                raise Failure(f"{exc.status} {exc.title}: {refused}: pass --api-key KEY (or set ${API_KEY_VARIABLE})") from None
            raise


def extract_here(sent: Sent, model: str | None, offsets: str, any_language: bool = False) -> dict[str, Any]:
    """The API's answer, from the engine in this process, through the same door as the service's."""
    # Imported here: spaCy takes a second or two to import, and the other commands do not need it.
    from service.config import ConfigError, Settings
    from service.intake import door
    from service.intake.offsets import OffsetUnit
    from service.intake.problems import ProblemError
    from service.nlp import ModelNotFound, check_model, default_model_name, load_pipeline, model_info

    try:
        max_chars = Settings.from_env().max_chars
        article = door.admit(sent, max_chars, insist=INSIST, any_language=any_language)
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    except ProblemError as exc:
        raise Failure(_said(exc)) from None
    name = model or default_model_name()
    try:
        check_model(name)
    except ModelNotFound as exc:
        raise Failure(str(exc)) from None
    nlp = load_pipeline(name)
    unit = OffsetUnit(offsets)
    result = door.ready_engine(nlp).extract(article.text)
    return door.answer(result, article, unit, language=article.language, offsets=unit, model=model_info(nlp))


def _said(problem: ProblemError) -> str:
    """A problem in one line: the message of the one field at fault, else the detail."""
    errors = problem.errors or []
    return errors[0]["message"] if len(errors) == 1 else problem.detail


def print_table(result: Result, out: TextIO) -> None:
    """The quotes, a line each (id, type, the quote cut short, speaker, kind, title, affiliation, confidence);
    then the sources, a line each (name, kind, pronoun, whether unnamed and why, how many quotes); then a summary."""
    about = f"{result.model.name} {result.model.version}; {_language_of(result.language)}"
    if not result.quotes:
        print(f"No quotes found ({about}).", file=out)
        return
    quotes = [
        {
            "id": quote.id,
            "type": quote.type.value,
            "quote": quote.span.text,
            "speaker": _speaker_cell(quote.speaker),
            "kind": _kind_cell(quote.speaker.kind if quote.speaker else None),
            "title": (quote.speaker.title if quote.speaker else None) or NONE,
            "affiliation": (quote.speaker.affiliation if quote.speaker else None) or NONE,
            "confidence": f"{quote.confidence:.2f}",
        }
        for quote in result.quotes
    ]
    _print_columns(quotes, WIDTHS, out)
    if result.speakers:
        sources = [
            {
                "source": speaker.name,
                "kind": _kind_cell(speaker.kind),
                "pronoun": speaker.pronoun.value if speaker.pronoun else NONE,
                "unnamed": _unnamed_cell(speaker.anonymous, speaker.anonymity),
                "quotes": str(len(speaker.quotes)),
            }
            for speaker in result.speakers
        ]
        print(file=out)
        _print_columns(sources, SOURCE_WIDTHS, out)
    n, s = len(result.quotes), len(result.speakers)
    print(f"\n{n} {'quote' if n == 1 else 'quotes'} from {s} {'speaker' if s == 1 else 'speakers'} ({about})", file=out)


def _print_columns(rows: list[dict[str, str]], widths: dict[str, int], out: TextIO) -> None:
    """A heading and the rows in columns as wide as their widest cell (at most ``widths``), figures to the right."""
    cells = [{column: _cut(value, widths[column]) for column, value in row.items()} for row in [{c: c for c in widths}, *rows]]
    wide = {column: max(len(row[column]) for row in cells) for column in widths}
    for row in cells:
        line = "  ".join(row[c].rjust(wide[c]) if c in RIGHT_ALIGNED else row[c].ljust(wide[c]) for c in widths)
        print(line.rstrip(), file=out)


def _kind_cell(kind: SpeakerKind | None) -> str:
    return kind.value if kind is not None else NONE


def _unnamed_cell(anonymous: bool, anonymity: Span | None) -> str:
    """For an unnamed source, why the article withholds the name ("no reason given" when it does not say)."""
    if not anonymous:
        return NONE
    return anonymity.text if anonymity is not None else "no reason given"


def _language_of(language: Language | None) -> str:
    """``English, 0.99``, or "language unclear" when the text was too short or too mixed to tell."""
    return f"{language.name}, {language.confidence:.2f}" if language is not None else "language unclear"


def _speaker_cell(speaker: Speaker | None) -> str:
    """The speaker's name, or the pronoun in brackets when it stands for no one named ("(he)")."""
    if speaker is None:
        return NONE
    return speaker.name if speaker.name is not None else f"({speaker.mention.text})"


def _cut(value: str, width: int) -> str:
    """``value`` on one line, at most ``width`` characters."""
    flat = re.sub(r"\s+", " ", value).strip()
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + ELLIPSIS


def _name(path: str) -> str:
    return "standard input" if path == STDIN else path


# --- serve -------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn (so that signals reach it directly)."""
    from service.web.server import gunicorn_command

    env = dict(os.environ)
    for variable, value in (("HOST", args.host), ("PORT", args.port), ("WEB_CONCURRENCY", args.workers)):
        if value is not None:
            env[variable] = str(value)
    workers = env.get("WEB_CONCURRENCY", "").strip()
    if workers and not workers.isdigit():
        # gunicorn reads it before our configuration can check it, and would answer with a traceback.
        raise Failure(f"WEB_CONCURRENCY must be a whole number, not {workers!r}")
    command = gunicorn_command()
    try:
        os.execvpe(command[0], command, env)
    except OSError as exc:
        raise Failure(f"cannot start gunicorn ({command[0]}): {exc.strerror or exc}") from None


# --- batch -------------------------------------------------------------------------


def run_batch(args: argparse.Namespace) -> int:
    """Analyse an archive (``service.archives.runner``), with a progress bar on a terminal and a summary at the end."""
    # Imported here: the engine's modules import spaCy.
    from service.archives import runner
    from service.archives.errors import ArchiveError, UsageError
    from service.archives.readers import Fields
    from service.config import ConfigError, Settings

    try:
        max_chars = Settings.from_env().max_chars
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    options = runner.Options(
        input=Path(args.input),
        output=Path(args.output),
        id_field=args.id_field,
        fields=Fields(args.text_field, args.html_field, args.keep),
        flat=args.flat,
        processes=args.processes or runner.default_processes(),
        resume=args.resume,
        overwrite=args.overwrite,
        model=args.model,
        max_chars=max_chars,
        any_language=args.any_language,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        report = runner.run(options)
    except UsageError as exc:
        raise Usage(str(exc)) from None
    except ArchiveError as exc:
        raise Failure(str(exc)) from None
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; what is done is in {args.output}: --resume goes on from there", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print(summary(report), file=sys.stderr)
    return EXIT_OK


def _stop(signum: int, frame: FrameType | None) -> None:
    """A kill (SIGTERM) stops a batch as Ctrl-C does: the processes are stopped, the output kept."""
    raise KeyboardInterrupt


def summary(report: Report) -> str:
    """One paragraph on what a run did."""
    if report.already_complete:
        return f"{PROG}: {report.output} holds all {report.articles} articles of the input; nothing to resume (--overwrite redoes it)"
    before = f" ({report.done_before} done before)" if report.done_before else ""
    failed = sum(report.failed.values())
    kinds = ", ".join(f"{count} {kind.removeprefix('/problems/')}" for kind, count in sorted(report.failed.items()))
    rate = report.done / report.seconds if report.seconds else 0.0
    lines = [
        f"{PROG}: {report.done_before + report.done} of {report.articles} articles in {report.output}{before}.",
        f"This run: {report.analysed} analysed, {report.quotes} {'quote' if report.quotes == 1 else 'quotes'}; "
        f"{failed} not analysed{f' ({kinds})' if kinds else ''}; "
        f"{report.processes} {'process' if report.processes == 1 else 'processes'}, {report.seconds:.1f} s, {rate:.1f} articles/s.",
    ]
    if report.failures is not None:
        lines.append(f"The articles not analysed, and why: {report.failures}")
    return "\n".join(lines)


# --- report ------------------------------------------------------------------------

REPORT_FORMATS = {".html": "HTML", ".htm": "HTML", ".json": "JSON"}


def run_report(args: argparse.Namespace) -> int:
    """Read the results once, write the report in every format asked for, say what it holds."""
    from service.archives.errors import ArchiveError, UsageError
    from service.archives.report.build import build
    from service.archives.report.groups import Period
    from service.archives.report.render import write_html, write_json
    from service.archives.report.results import open_results

    outputs = [None if name == STDIN else Path(name) for name in args.outputs]
    for output in outputs:
        if output is not None and output.suffix.lower() not in REPORT_FORMATS:
            raise Usage(f"{output}: a report is written as HTML (.html) or JSON (.json, or - for standard output)")
    try:
        report = build(open_results(Path(args.results)), args.by, Period(args.period), args.top, progress=not args.quiet and sys.stderr.isatty())
        for output in outputs:
            if output is None or REPORT_FORMATS[output.suffix.lower()] == "JSON":
                write_json(report, output)
            else:
                write_html(report, output)
    except UsageError as exc:
        raise Usage(str(exc)) from None
    except (ArchiveError, OSError) as exc:
        raise Failure(str(exc)) from None
    if not args.quiet:
        whole = report["whole"]
        written = ", ".join("standard output" if output is None else str(output) for output in outputs)
        groups = f", {len(report['groups'])} groups by {args.by}" if args.by else ""
        print(f"{PROG}: a report on {whole['articles']['total']} articles and {whole['quotes']['total']} quotes{groups} in {written}", file=sys.stderr)
    return EXIT_OK


# --- argument types ------------------------------------------------------------------


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not above zero")
    return value


def _field_names(text: str) -> tuple[str, ...]:
    from service.archives.readers import field_names

    return field_names(text)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above zero")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65535)")
    return int(text)


def _version() -> str:
    try:
        return metadata.version("quotes")
    except metadata.PackageNotFoundError:
        return "(not installed)"


if __name__ == "__main__":
    sys.exit(main())
