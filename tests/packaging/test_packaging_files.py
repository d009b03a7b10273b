"""The packaging files agree with each other and with the repository: nothing here builds the bundle.

packaging/smoke_test.sh builds and runs it (by hand: too slow for every test run).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shlex
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "evaluator-app.spec"
DESKTOP = PACKAGING / "linux" / "evaluator-app.desktop"
MIME_XML = PACKAGING / "linux" / "evaluator-app-mime.xml"
ISS = PACKAGING / "windows" / "evaluator-app.iss"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def spec_constants() -> dict[str, object]:
    """The spec's top-level assignments of plain literals, read without running PyInstaller."""
    constants: dict[str, object] = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return constants


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    return spec_constants()


@pytest.fixture(scope="module")
def desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def mime_types() -> dict[str, list[str]]:
    """MIME type -> its glob patterns, from the shared-mime-info XML."""
    root = ET.parse(MIME_XML).getroot()
    return {
        element.get("type", ""): [glob.get("pattern", "") for glob in element.findall("m:glob", MIME_NS)]
        for element in root.findall("m:mime-type", MIME_NS)
    }


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_resources_folder_is_bundled_or_left_out_on_purpose(spec):
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}
    bundled = set(spec["RESOURCE_DIRS"])
    left_out = set(spec["RESOURCE_DIRS_LEFT_OUT"])
    assert folders - bundled - left_out == set(), "a new resources/ folder: add it to RESOURCE_DIRS in the spec"
    assert bundled - folders == set(), "the spec bundles resources/ folders that do not exist"
    assert not bundled & left_out
    for name in ("fonts", "frameworks", "templates", "translations", "demo", "icons"):
        assert name in bundled
    assert (ROOT / "resources" / "fonts" / "OFL.txt").is_file(), "the font licence travels with the fonts"


def test_files_left_out_are_not_needed_at_run_time(spec):
    patterns = spec["RESOURCE_FILES_LEFT_OUT"]
    kept = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and not any(p.match(x) for x in patterns)]
    suffixes = {p.suffix for p in kept}
    assert {".ttf", ".json", ".xlsx", ".csv", ".qm"} <= suffixes
    assert ".ts" not in suffixes  # translation sources: the compiled .qm are what the window loads


def test_spec_entry_script_hooks_and_icons_exist(spec):
    text = SPEC.read_text(encoding="utf-8")
    assert (PACKAGING / "entry_point.py").is_file() and '"entry_point.py"' in text
    assert "evaluator_app.launcher import main" in (PACKAGING / "entry_point.py").read_text(encoding="utf-8")
    assert (PACKAGING / "hooks" / "hook-PySide6.QtGui.py").is_file()
    app = spec["APP_NAME"]
    assert (PACKAGING / "windows" / f"{app}.ico").is_file()
    assert (PACKAGING / "macos" / f"{app}.icns").is_file()
    assert spec["GUI_NAME"] == f"{app}-gui"


def test_data_packages_and_hidden_imports_are_installed(spec):
    for name in [*spec["DATA_PACKAGES"], *spec["HIDDEN_IMPORTS"]]:
        assert importlib.util.find_spec(name) is not None, f"{name} is named in the spec but not importable"
    spec_file = importlib.util.find_spec("newmm_tokenizer")
    assert spec_file is not None and spec_file.origin is not None
    assert (Path(spec_file.origin).parent / "words_th.txt").is_file(), "the segmenter's dictionary must be bundled"


def test_qt_modules_the_window_imports_are_not_excluded(spec):
    used = set()
    for path in (ROOT / "evaluator_app" / "ui").rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    excluded = {name.removeprefix("PySide6.") for name in spec["QT_EXCLUDES"]}
    assert used, "the window imports Qt modules"
    assert used & excluded == set(), f"the spec excludes Qt modules ui/ imports: {sorted(used & excluded)}"


def test_desktop_entry_runs_the_bundles_executable(spec, desktop):
    app = spec["APP_NAME"]
    assert desktop["Type"] == "Application"
    exec_line = shlex.split(desktop["Exec"])
    assert exec_line[0] == app  # install-desktop.sh rewrites it to the installed path
    assert exec_line[1:] == ["%f"], "one file per start: the app opens one package at a time"
    assert desktop["TryExec"] == app
    assert desktop["Terminal"] == "false"
    assert "Name[th]" in desktop and "Comment[th]" in desktop


def test_desktop_icon_exists_in_every_size(spec, desktop):
    icon = desktop["Icon"]
    assert icon == spec["APP_NAME"]
    hicolor = PACKAGING / "linux" / "icons" / "hicolor"
    for size in (48, 128, 256):
        path = hicolor / f"{size}x{size}" / "apps" / f"{icon}.png"
        assert png_size(path) == (size, size)
    svg = hicolor / "scalable" / "apps" / f"{icon}.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    # the same drawing is in resources/icons for the window (QIcon) and bundled with the other resources
    assert (ROOT / "resources" / "icons" / f"{icon}.svg").read_bytes() == svg.read_bytes()
    assert png_size(ROOT / "resources" / "icons" / f"{icon}.png") == (256, 256)


def test_mime_types_registered_everywhere_match(spec, desktop):
    documents = {mime: f"*.{extension}" for extension, mime, _description in spec["DOCUMENT_TYPES"]}
    assert mime_types() == {mime: [glob] for mime, glob in documents.items()}
    registered = [m for m in desktop["MimeType"].split(";") if m]
    assert sorted(registered) == sorted(documents)
    iss = ISS.read_text(encoding="utf-8")
    for extension, mime, _description in spec["DOCUMENT_TYPES"]:
        assert f'Subkey: "Software\\Classes\\.{extension}"' in iss
        assert f'ValueData: "{mime}"' in iss
    assert f'#define GuiExe "{spec["GUI_NAME"]}.exe"' in iss


def test_extensions_differ_from_the_ones_the_importer_reads(spec):
    from evaluator_app.exchange.readers import ACCEPTED_SUFFIXES

    ours = {f".{extension}" for extension, _mime, _description in spec["DOCUMENT_TYPES"]}
    assert not ours & set(ACCEPTED_SUFFIXES)
    assert ".sqlite" not in ours  # a workspace is a plain SQLite file: not ours to claim


def test_scripts_are_executable_shell():
    for script in ("build.sh", "smoke_test.sh", "linux/install-desktop.sh"):
        path = PACKAGING / script
        assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
        if os.name == "posix":
            assert os.access(path, os.X_OK), f"{script} is not executable"


def test_package_extra_pins_a_recent_pyinstaller():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirement = next(r for r in project["optional-dependencies"]["package"] if r.lower().startswith("pyinstaller"))
    match = re.search(r">=\s*(\d+)\.(\d+)", requirement)
    assert match and (int(match[1]), int(match[2])) >= (6, 10)
