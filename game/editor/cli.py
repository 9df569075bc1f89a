"""What the editor tools share on the command line: options, the token, clients, exit codes."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

from tqdm import tqdm

from game.config import ASSETS_DIR, DATA_DIR
from game.editor.decks import DeckError
from game.editor.gbif import DEFAULT_GBIF_BASE, GbifClient
from game.editor.gbif import SERVICE as GBIF_SERVICE
from game.editor.iucn import DEFAULT_API_BASE, SIGN_UP_URL, TOKEN_ENV, IucnClient
from game.editor.iucn import SERVICE as IUCN_SERVICE
from game.editor.net import DEFAULT_TIMEOUT, ApiError, JsonClient
from game.editor.session import DEFAULT_CACHE_HOURS, MAX_WAIT, make_session

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_USAGE = 2
EXIT_API = 3
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C

DEFAULT_DATA = DATA_DIR
DEFAULT_ASSETS = ASSETS_DIR
TOKEN_HELP = f"set {TOKEN_ENV} or pass --token-file FILE; get a personal token at {SIGN_UP_URL}"

T = TypeVar("T")


class UsageError(Exception):
    """A problem with the command line or the set-up; exit code 2."""


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def add_common_options(parser: argparse.ArgumentParser) -> None:
    files = parser.add_argument_group("content")
    files.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help="the data folder with species.yaml and decks/ (default: %(default)s)",
    )
    files.add_argument(
        "--assets",
        type=Path,
        default=DEFAULT_ASSETS,
        metavar="DIR",
        help="the assets folder, for validation (default: %(default)s)",
    )
    net = parser.add_argument_group("network")
    net.add_argument(
        "--api-base",
        default=DEFAULT_API_BASE,
        metavar="URL",
        help="IUCN Red List API v4 base (default: %(default)s)",
    )
    net.add_argument(
        "--gbif-base",
        default=DEFAULT_GBIF_BASE,
        metavar="URL",
        help="GBIF API base (default: %(default)s)",
    )
    net.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help=f"file holding the IUCN API token (default: ${TOKEN_ENV})",
    )
    net.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep answers in DIR for --cache-hours: a second run soon after is "
        "instant and works offline",
    )
    net.add_argument(
        "--cache-hours",
        type=positive,
        default=DEFAULT_CACHE_HOURS,
        metavar="HOURS",
        help="answers older than this are asked again (default: %(default)s)",
    )
    net.add_argument(
        "--refresh",
        action="store_true",
        help="ask the APIs again even for answers in the cache (and keep the new answers there)",
    )
    net.add_argument(
        "--delay",
        type=positive,
        default=0.5,
        metavar="SECONDS",
        help="pause between IUCN calls (default: %(default)s)",
    )
    net.add_argument(
        "--timeout",
        type=positive,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up on a request after this long in all: connecting, reading "
        "and retrying included (default: %(default)s)",
    )
    net.add_argument(
        "--retries",
        type=int,
        default=3,
        metavar="N",
        help="retries on 429 and 5xx answers (default: %(default)s)",
    )
    net.add_argument(
        "--backoff",
        type=positive,
        default=1.0,
        metavar="SECONDS",
        help="retry waits grow as SECONDS x 2, 4, 8... (the first retry is at "
        f"once; at most {MAX_WAIT:g} s, or what the server's Retry-After "
        "asks within that; default: %(default)s)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def read_token(token_file: Path | None, environ: Mapping[str, str]) -> str:
    """The IUCN token from ``--token-file`` or the environment. Never echoed anywhere."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise UsageError(f"cannot read --token-file {token_file}: {reason}") from None
        source = f"--token-file {token_file}"
    else:
        token = environ.get(TOKEN_ENV, "").strip()
        source = TOKEN_ENV
    if not token:
        where = f"{source} is empty" if token_file is not None else "no IUCN Red List API token"
        raise UsageError(f"{where}: {TOKEN_HELP}")
    if any(c.isspace() or not c.isprintable() for c in token):
        raise UsageError(
            f"the token in {source} contains spaces or line breaks; it should be the token alone"
        )
    return token


@dataclass
class Clients:
    iucn: IucnClient
    gbif: GbifClient


def build_clients(args: argparse.Namespace, tool: str, token: str) -> Clients:
    """One session for both APIs; the token goes only to IUCN, in a header."""
    if args.retries < 0:
        raise UsageError("--retries must be 0 or more")
    for option, url in (("--api-base", args.api_base), ("--gbif-base", args.gbif_base)):
        if not url.startswith(("https://", "http://")):
            raise UsageError(f"{option} must be a web address, not '{url}'")
    try:
        session = make_session(
            tool,
            retries=args.retries,
            backoff=args.backoff,
            cache=args.cache,
            cache_hours=args.cache_hours,
        )
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"cannot use --cache {args.cache}: {reason}") from None
    iucn = JsonClient(
        session,
        args.api_base,
        service=IUCN_SERVICE,
        base_option="--api-base",
        headers={"Authorization": token},
        timeout=args.timeout,
        delay=args.delay,
        refresh=args.refresh,
        auth_hint=f"check the token ({TOKEN_HELP})",
    )
    gbif = JsonClient(
        session,
        args.gbif_base,
        service=GBIF_SERVICE,
        base_option="--gbif-base",
        timeout=args.timeout,
        refresh=args.refresh,
    )
    return Clients(IucnClient(iucn), GbifClient(gbif))


def progress(
    items: Iterable[T], *, total: int, quiet: bool, stream: TextIO, what: str
) -> Iterator[T]:
    """A progress bar on ``stream`` when it is a terminal and not ``--quiet``."""
    disable = quiet or not (hasattr(stream, "isatty") and stream.isatty())
    bar: Any = tqdm(
        items,
        total=total,
        file=stream,
        disable=disable,
        unit=" species",
        desc=what,
        leave=False,
        dynamic_ncols=True,
    )
    try:
        yield from bar
    finally:
        bar.close()


def environ() -> Mapping[str, str]:
    return os.environ


def fail(tool: str, message: str, stream: TextIO | None = None) -> None:
    print(f"{tool}: error: {message}", file=stream or sys.stderr)


def parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace | int:
    """Parsed arguments, or the exit code argparse chose (2 for a usage error, 0 for --help)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def run_tool(
    tool: str,
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace, TextIO, TextIO, Mapping[str, str]], int],
    argv: Sequence[str] | None,
    stdout: TextIO | None,
    stderr: TextIO | None,
    environ_: Mapping[str, str] | None,
) -> int:
    """Parse, run, and turn every expected failure into one plain line and its exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parsed = parse(parser, list(argv) if argv is not None else None)
    if isinstance(parsed, int):
        return parsed
    try:
        return run(parsed, out, err, environ_ if environ_ is not None else environ())
    except UsageError as exc:
        fail(tool, str(exc), err)
        return EXIT_USAGE
    except DeckError as exc:
        print(exc, file=err)
        return EXIT_USAGE
    except ApiError as exc:
        fail(tool, str(exc), err)
        return EXIT_API
    except KeyboardInterrupt:
        fail(tool, "interrupted; nothing written", err)
        return EXIT_INTERRUPTED
