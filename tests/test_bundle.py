"""Desktop packaging (packaging/): the .desktop entry, AppStream metainfo, MIME type, icons, PyInstaller spec
and scripts. The full PyInstaller build takes minutes, so it runs only with NNSTUDIO_TEST_BUNDLE=1."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import nnstudio
from nnstudio.io.files import PROJECT_SUFFIX

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
DESKTOP = PACKAGING / "nnstudio.desktop"
METAINFO = PACKAGING / "io.github.nnstudio.NNStudio.metainfo.xml"
MIME = PACKAGING / "nnstudio-mime.xml"
MIME_TYPE = "application/x-nnstudio-project"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def _list(value: str) -> list[str]:
    assert value.endswith(";"), f"a desktop-entry list ends with ';': {value!r}"
    return value[:-1].split(";")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


# -- the desktop entry ------------------------------------------------------------------------------------------
def test_desktop_entry_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "NN Studio"
    assert entry["Comment"] and entry["GenericName"]
    assert entry["Exec"] == "nnstudio %f"  # the console script; %f: one file (a project) or none
    assert entry["Icon"] == "nnstudio"
    assert entry["Terminal"] == "false"
    categories = _list(entry["Categories"])
    assert "Education" in categories
    assert _list(entry["MimeType"]) == [MIME_TYPE]
    assert all(_list(entry["Keywords"]))


def test_desktop_entry_icon_files_exist():
    icon = desktop_entry()["Icon"]
    svg = ICONS / f"{icon}.svg"
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for size in PNG_SIZES:
        assert png_size(ICONS / f"{icon}-{size}.png") == (size, size)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed")
def test_desktop_file_validate():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


# -- AppStream metainfo -------------------------------------------------------------------------------------------
def test_metainfo_required_elements():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.nnstudio.NNStudio" == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("name") == desktop_entry()["Name"]
    summary = root.findtext("summary")
    assert summary and len(summary) <= 80 and not summary.endswith(".")
    assert root.findtext("metadata_license") == "CC0-1.0"
    license_ = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["license"]["text"]
    assert root.findtext("project_license") == license_
    paragraphs = root.findall("description/p")
    assert paragraphs and all(p.text and p.text.strip() for p in paragraphs)
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.findtext("provides/mediatype") == MIME_TYPE
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")


def test_metainfo_newest_release_is_the_package_version():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    newest = releases[0]
    assert newest.get("version") == nnstudio.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstreamcli_validate():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# -- MIME type -------------------------------------------------------------------------------------------------------
def test_mime_type_matches_project_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME).getroot()
    types = root.findall("m:mime-type", ns)
    assert [t.get("type") for t in types] == [MIME_TYPE]
    assert [g.get("pattern") for g in types[0].findall("m:glob", ns)] == [f"*{PROJECT_SUFFIX}"]
    assert types[0].find("m:icon", ns).get("name") == desktop_entry()["Icon"]


# -- PyInstaller spec and scripts ----------------------------------------------------------------------------------
def test_spec_collects_the_resources_where_the_code_looks():
    """resource_files asks importlib.resources for the package nnstudio.resources; in a PyInstaller bundle
    that is <bundle>/_internal/nnstudio/resources, so the spec must ship the module and the files there."""
    text = (PACKAGING / "nnstudio.spec").read_text()
    compile(text, "nnstudio.spec", "exec")
    assert '"nnstudio.resources"' in text and "hiddenimports" in text
    assert 'Path("nnstudio", "resources"' in text
    assert "nnstudio_launcher.py" in text and (PACKAGING / "nnstudio_launcher.py").is_file()
    resource_files = (REPO / "nnstudio" / "resource_files.py").read_text()
    assert 'importlib.resources.files("nnstudio.resources")' in resource_files


def test_launcher_runs_the_cli(tmp_path):
    done = subprocess.run([sys.executable, str(PACKAGING / "nnstudio_launcher.py"), "--version"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"nnstudio {nnstudio.__version__}"


@pytest.mark.parametrize("script", ["build.sh", "install.sh"])
def test_shell_scripts_are_executable_bash(script):
    path = PACKAGING / script
    assert os.access(path, os.X_OK), f"chmod +x packaging/{script}"
    subprocess.run(["bash", "-n", str(path)], check=True)


def test_install_script_with_a_stand_in_app(tmp_path):
    dist = tmp_path / "dist"
    (dist / "nnstudio").mkdir(parents=True)
    fake = dist / "nnstudio" / "nnstudio"
    fake.write_text("#!/bin/sh\necho nnstudio fake\n")
    fake.chmod(0o755)
    stage = tmp_path / "stage"
    env = {**os.environ, "DIST_DIR": str(dist), "DESTDIR": str(stage)}
    subprocess.run(["bash", str(PACKAGING / "install.sh"), "--prefix", "/usr"], env=env, check=True,
                   capture_output=True, text=True)
    share = stage / "usr" / "share"
    assert (stage / "usr" / "bin" / "nnstudio").is_symlink()
    assert os.readlink(stage / "usr" / "bin" / "nnstudio") == "/usr/lib/nnstudio/nnstudio"
    assert (stage / "usr" / "lib" / "nnstudio" / "nnstudio").is_file()
    assert (share / "applications" / "nnstudio.desktop").read_text() == DESKTOP.read_text()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "mime" / "packages" / "nnstudio.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "nnstudio.svg").is_file()
    for size in PNG_SIZES:
        assert png_size(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nnstudio.png") == (size, size)
    subprocess.run(["bash", str(PACKAGING / "install.sh"), "--prefix", "/usr", "--uninstall"], env=env,
                   check=True, capture_output=True)
    assert not [p for p in stage.rglob("*") if p.is_file() or p.is_symlink()]


# -- the real build (slow) -----------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("NNSTUDIO_TEST_BUNDLE") != "1",
                    reason="the PyInstaller build takes minutes; set NNSTUDIO_TEST_BUNDLE=1 to run it")
def test_pyinstaller_build_and_smoke_test(tmp_path):
    env = {**os.environ, "BUILD_DIR": str(tmp_path / "build"), "DIST_DIR": str(tmp_path / "dist"),
           "PYTHON": sys.executable}
    done = subprocess.run(["bash", str(PACKAGING / "build.sh")], env=env, capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"nnstudio {nnstudio.__version__}" in done.stdout
    assert "started offscreen" in done.stdout
    assert (tmp_path / "dist" / "nnstudio" / "_internal" / "nnstudio" / "resources" / "examples").is_dir()
