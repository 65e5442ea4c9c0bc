"""Outputs named with -o that are not plain files: a pipe or a device is
written into, never replaced by a file (the rename that makes plain files
atomic would put a regular file where the pipe or device was). Devices are
not tested here: a regression would replace a real /dev node of the machine."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.output import write_atomic

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "manuscript.md"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_gets_the_output_and_stays_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "records"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # A daemon: were the pipe replaced, nothing would ever open it to write.
    reader = threading.Thread(
        target=lambda: received.append(fifo.read_bytes()), daemon=True
    )
    reader.start()
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE), "-o", str(fifo)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert received, "nothing was written into the pipe"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    lines = received[0].decode("utf-8").splitlines()
    assert lines and all(line.startswith("{") for line in lines)
    assert [p.name for p in tmp_path.iterdir()] == ["records"]


def test_a_plain_file_is_still_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old contents that are longer than the new")
    write_atomic(out, "new")
    assert out.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
