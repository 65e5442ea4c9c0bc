"""Write an output file atomically, and never over an input.

The data goes to a temporary file in the target's own directory (so the final
``os.replace`` is a rename on one file system, atomic on POSIX and Windows),
is flushed to disk, and only then replaces the target. A crash or a full disk
leaves the old file intact; an interrupted write leaves no stray temp file.
A pipe or a device named as the output (``-o /dev/stdout``) is written into
directly: it has no contents to keep, and a rename would replace it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from archcite.errors import OutputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def check_target(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Validate an output path; raise :class:`OutputError` if unusable.

    Comparison goes through ``samefile`` so that a hard link or a symlink to
    an input is refused as well as the input's own name.
    """
    target = Path(path)
    for name in inputs:
        if str(name) == "-":
            continue
        src = Path(name)
        if src.exists() and target.exists() and _same_file(src, target):
            raise OutputError("refusing to overwrite an input file", str(path))
        if src.resolve() == target.resolve():
            raise OutputError("refusing to overwrite an input file", str(path))
    if target.is_dir():
        raise OutputError("is a directory", str(path))
    if not target.resolve().parent.is_dir():
        raise OutputError("directory does not exist", str(path))
    return target


@contextmanager
def open_atomic(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[BinaryIO]:
    """A binary file to stream an output into; it replaces ``path`` atomically
    when the block ends without an exception, and vanishes otherwise.

    For outputs too large to hold in memory (the records of a corpus); the
    same rules as :func:`write_atomic`: never over an input, permissions kept.
    """
    target = check_target(path, inputs)
    if target.exists() and not target.is_file():
        # A pipe or a device (a FIFO, /dev/stdout): a rename would put a plain
        # file in its place, so the output goes straight into it.
        try:
            with open(target, "wb") as handle:
                yield handle
        except OSError as exc:
            raise OutputError(
                f"cannot write: {exc.strerror or exc}", str(path)
            ) from exc
        return
    real = target.resolve()
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{real.name}.", suffix=".tmp", dir=real.parent
        )
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if real.exists():
            os.chmod(tmp, real.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, real)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``data`` (text is UTF-8 with ``\\n`` newlines) to ``path`` atomically.

    Keeps the permissions of a file it replaces; returns the path written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(path, inputs) as handle:
        handle.write(payload)
    return Path(path)


__all__ = ["check_target", "open_atomic", "write_atomic"]
