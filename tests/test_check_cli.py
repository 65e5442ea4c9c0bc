"""``archcite check`` and ``archcite rules`` through click's runner: exit codes,
selection, settings files, outputs, unreadable inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from archcite.check import registry
from archcite.cli import cli

DATA = Path(__file__).parent / "data" / "check"

FULL = (
    "Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, box 180, "
    "National Security Files, {repo}, Boston, MA."
)
MANUSCRIPT = """Text.[^1] More.[^2] End.[^3]

[^1]: {first}

[^2]: Ibid.

[^3]: David E. Bell to McGeorge Bundy, memorandum, March 5, 1962, box 334,
    National Security Files, {repo}, Boston, MA.
"""


def _write(tmp_path: Path, repo: str = "John F. Kennedy Presidential Library") -> Path:
    path = tmp_path / "draft.md"
    path.write_text(MANUSCRIPT.format(first=FULL.format(repo=repo), repo=repo), "utf-8")
    return path


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def test_clean_manuscript_exits_0(tmp_path: Path) -> None:
    result = run("check", str(_write(tmp_path)))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "0 findings (0 errors, 0 warnings) in 1 file"


def test_findings_exit_1_and_fail_on_error(tmp_path: Path) -> None:
    path = DATA / "defects.md"
    assert run("check", str(path)).exit_code == 1
    # only warnings from these rules: --fail-on error lets them pass
    only_warnings = run("check", str(path), "--select", "range-dash,locator-case")
    assert only_warnings.exit_code == 1
    passed = run(
        "check", str(path), "--select", "range-dash,locator-case", "--fail-on", "error"
    )
    assert passed.exit_code == 0
    assert "range-dash warning" in passed.stdout
    failing = run(
        "check", str(path), "--select", "impossible-date", "--fail-on", "error"
    )
    assert failing.exit_code == 1


def test_select_and_ignore_by_prefix() -> None:
    out = run("check", str(DATA / "defects.md"), "--format", "json", "--select", "frus")
    rules = {json.loads(line)["rule"] for line in out.stdout.splitlines()}
    assert rules and all(r.startswith("frus-") for r in rules)
    out = run(
        "check", str(DATA / "defects.md"), "--format", "json", "--ignore", "frus,ibid"
    )
    rules = {json.loads(line)["rule"] for line in out.stdout.splitlines()}
    assert rules and not any(r.startswith(("frus-", "ibid-")) for r in rules)


def test_unknown_rule_is_a_usage_error() -> None:
    result = run("check", str(DATA / "clean.md"), "--select", "no-such-rule")
    assert result.exit_code == 2
    assert result.stderr == (
        "archcite: error: --select: unknown rule 'no-such-rule' (see 'archcite rules')\n"
    )


def test_unreadable_single_input_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_unreadable_among_several_goes_on_and_exits_1(tmp_path: Path) -> None:
    good = _write(tmp_path)
    result = run("check", str(tmp_path / "missing.md"), str(good))
    assert result.exit_code == 1
    assert "0 findings (0 errors, 0 warnings) in 1 file; 1 unreadable" in result.stdout
    assert "missing.md: no such file" in result.stderr


def test_every_input_unreadable_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert result.exit_code == 2
    assert result.stderr.count("archcite: error:") == 2


def test_several_files_are_each_their_own_manuscript(tmp_path: Path) -> None:
    one = tmp_path / "one"
    two = tmp_path / "two"
    one.mkdir()
    two.mkdir()
    a = _write(one, "Kennedy Library")
    b = _write(two)
    # one form per file: no repository-forms finding, though the files differ
    result = run("check", str(a), str(b))
    assert result.exit_code == 0, result.stdout
    assert "in 2 files" in result.stdout


def test_standard_input(tmp_path: Path) -> None:
    text = _write(tmp_path).read_text("utf-8").replace("Ibid.", "Ibid.,")
    result = run("check", "-", "--from", "markdown", input=text)
    assert result.stdout.startswith("<stdin>:")


def test_settings_beside_the_manuscript_forbid_ibid(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert run("check", str(path)).exit_code == 0
    (tmp_path / "archcite.toml").write_text("ibid = false\n")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert (
        "draft.md:5:7: ibid-forbidden warning the house style does not allow Ibid."
        in result.stdout
    )


def test_pyproject_settings_house_form(tmp_path: Path) -> None:
    path = _write(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "book"\n\n[tool.archcite.repositories]\njfkl = "Kennedy Library"\n'
    )
    result = run("check", str(path), "--format", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["rule"] for r in rows} == {"repository-forms"}
    assert {r["fix"] for r in rows} == {"Kennedy Library"}
    assert all("the house form" in r["suggestion"] for r in rows)


def test_archcite_toml_wins_over_pyproject(tmp_path: Path) -> None:
    path = _write(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.archcite]\nibid = false\n")
    (tmp_path / "archcite.toml").write_text("ibid = true\n")
    assert run("check", str(path)).exit_code == 0


def test_settings_ignore_turns_rules_off(tmp_path: Path) -> None:
    shutil.copy(DATA / "defects.md", tmp_path / "defects.md")
    (tmp_path / "archcite.toml").write_text('ignore = ["range-dash", "frus"]\n')
    out = run("check", str(tmp_path / "defects.md"), "--format", "json").stdout
    rules = {json.loads(line)["rule"] for line in out.splitlines()}
    assert "range-dash" not in rules and not any(r.startswith("frus-") for r in rules)
    assert "locator-case" in rules


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("ibid = 'no'\n", "ibid: must be true or false, not 'no'"),
        ("edition = 16\n", "edition: must be 17 or 18, not 16"),
        ("ignore = ['nonsense']\n", "ignore: unknown rule 'nonsense'"),
        ("style = 'x'\n", "unknown setting 'style'"),
        ("[repositories]\nxyz = 'Kennedy Library'\n", "unknown repository 'xyz'"),
        ("[repositories]\njfkl = 'JFK Lib'\n", "'JFK Lib' is not a name of"),
        ("ibid = \n", "not valid TOML"),
    ],
)
def test_bad_settings_are_one_line_and_exit_2(
    tmp_path: Path, settings: str, message: str
) -> None:
    path = _write(tmp_path)
    (tmp_path / "archcite.toml").write_text(settings)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("archcite: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_explicit_config(tmp_path: Path) -> None:
    path = _write(tmp_path)
    config = tmp_path / "house.toml"
    config.write_text("[tool.archcite]\nibid = false\n")
    assert run("check", str(path), "--config", str(config)).exit_code == 1


def test_output_file_and_never_over_an_input(tmp_path: Path) -> None:
    path = _write(tmp_path)
    report = tmp_path / "report.html"
    result = run("check", str(path), "--format", "html", "-o", str(report))
    assert result.exit_code == 0 and result.stdout == ""
    assert report.read_text("utf-8").startswith("<!DOCTYPE html>")
    refused = run("check", str(path), "-o", str(path))
    assert refused.exit_code == 2
    assert "refusing to overwrite an input file" in refused.stderr


def test_rules_lists_every_rule_with_examples() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for info in registry.infos().values():
        assert f"{info.id} ({info.severity}" in result.stdout
        assert info.bad.notes[0] in result.stdout
        assert info.good.notes[0] in result.stdout
    data = json.loads(run("rules", "--format", "json").stdout)
    assert [r["id"] for r in data] == list(registry.infos())
    forbidden = next(r for r in data if r["id"] == "ibid-forbidden")
    assert forbidden["settings"] == {"ibid": False}


def test_help_names_the_exit_codes() -> None:
    assert "'archcite rules' lists the rules" in run("check", "--help").stdout
