"""The wheel ships every package and every resource the code uses.

pyproject.toml lists the packages explicitly (resources/ is mapped to ``nnstudio.resources``), so a new
subpackage that is not listed would be missing from an installed NN Studio while all tests still pass
from the checkout. These checks read pyproject.toml and the tree; they build nothing.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

from nnstudio.core.datasets import BUILTIN_TABLES
from nnstudio.io.examples import EXAMPLES
from nnstudio.resource_files import resource

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _packages_on_disk() -> set[str]:
    return {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "nnstudio").rglob("__init__.py")
            if "__pycache__" not in init.parts}


def test_every_package_directory_is_listed():
    listed = set(SETUPTOOLS["packages"])
    missing = sorted(_packages_on_disk() - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"
    assert {"nnstudio", "nnstudio.core", "nnstudio.io"} <= listed


def test_listed_packages_exist():
    package_dir = SETUPTOOLS.get("package-dir", {})
    for name in SETUPTOOLS["packages"]:
        folder = REPO / package_dir.get(name, name.replace(".", "/"))
        assert (folder / "__init__.py").is_file(), f"{name} is listed but {folder}/__init__.py does not exist"


def test_resources_are_installed_as_nnstudio_resources():
    assert SETUPTOOLS["package-dir"]["nnstudio.resources"] == "resources"
    assert "nnstudio.resources" in SETUPTOOLS["packages"]
    assert (REPO / "resources" / "__init__.py").is_file()


def test_package_data_covers_every_resource_file():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["nnstudio.resources"]
    root = REPO / "resources"
    unshipped = []
    for path in root.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts or path.name == "__init__.py":
            continue
        rel = path.relative_to(root).as_posix()
        if not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p.removeprefix("**/")) for p in patterns):
            unshipped.append(rel)
    assert not unshipped, f"not matched by package-data {patterns}: {unshipped}"


@pytest.mark.parametrize("name", ["model", "project", "lesson"])
def test_schemas_exist_and_are_json_schema(name):
    import json

    schema = json.loads(resource("schema", f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["properties"]["format"] == {"const": f"nnstudio.{name}"}


def test_builtin_tables_exist():
    for table in (e.item for e in BUILTIN_TABLES.values()):
        text = resource("datasets", table.filename).read_text(encoding="utf-8")
        header = text.splitlines()[0].split(",")
        assert table.target in header, table.key
    assert resource("datasets", "README.md").is_file()
    expected = {"laptop", "and", "or", "xor", "infections", "cars", "iris", "digits"}
    assert expected <= set(BUILTIN_TABLES)


def test_example_files_exist():
    for info in (e.item for e in EXAMPLES.values()):
        assert resource("examples", info.filename).is_file(), info.filename


def test_literal_resource_references_in_the_code_exist():
    call = re.compile(r"""\bresource\(\s*((?:["'][^"']+["']\s*,?\s*)+)\)""")
    found = 0
    for source in (REPO / "nnstudio").rglob("*.py"):
        for match in call.finditer(source.read_text(encoding="utf-8")):
            parts = re.findall(r"""["']([^"']+)["']""", match.group(1))
            found += 1
            assert (REPO / "resources").joinpath(*parts).exists(), f"{source.name}: resources/{'/'.join(parts)}"
    assert found >= 1


def test_user_guide_and_its_pictures_are_shipped():
    text = resource("guide", "user-guide.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)
    assert len(pictures) >= 4
    for name in pictures:
        assert not name.startswith(("http:", "https:")), name  # offline: every picture is in the package
        assert resource("guide", *name.split("/")).is_file(), name


def test_bundled_lessons_are_shipped():
    from nnstudio.io.lesson_format import LESSON_SUFFIX, bundled_lesson_files

    files = bundled_lesson_files()
    assert files and all(name.endswith(LESSON_SUFFIX) for name in files)
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["nnstudio.resources"]
    assert any(fnmatch.fnmatch(f"lessons/{files[0]}", p) for p in patterns)
    assert "nnstudio.core.lessons" in SETUPTOOLS["packages"]
