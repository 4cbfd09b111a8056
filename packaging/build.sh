#!/usr/bin/env bash
# Build the one-folder NN Studio app with PyInstaller, then smoke-test it.
#
#   packaging/build.sh                  # fresh build venv in build/bundle-venv, app in dist/nnstudio/
#   packaging/build.sh --python PY      # build with an existing environment whose python is PY
#                                       # (it needs nnstudio pip-installed and pyinstaller)
#   packaging/build.sh --archive        # also pack dist/nnstudio-VERSION-linux-ARCH.tar.gz
#   packaging/build.sh --smoke-only     # only smoke-test an existing dist/nnstudio/
#
# Environment: PYTHON (the interpreter that creates the build venv, default python3),
# NNSTUDIO_BUNDLE_ONNX=0 to leave the onnx package (ONNX export) out of the app,
# BUILD_DIR (venv and PyInstaller work files, default build/), DIST_DIR (default dist/).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/packaging"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
VENV="$BUILD_DIR/bundle-venv"
WORK="$BUILD_DIR/pyinstaller"
DIST="${DIST_DIR:-$ROOT/dist}"
APP="$DIST/nnstudio"
BUILD_PY=""
ARCHIVE=0
SMOKE_ONLY=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --python) BUILD_PY="$2"; shift 2 ;;
    --archive) ARCHIVE=1; shift ;;
    --smoke-only) SMOKE_ONLY=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '== %s\n' "$*"; }
fail() { printf 'build.sh: FAILED: %s\n' "$*" >&2; exit 1; }

if [[ $SMOKE_ONLY == 0 ]]; then
  if [[ -z "$BUILD_PY" ]]; then
    say "build venv: $VENV"
    rm -rf "$VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
    BUILD_PY="$VENV/bin/python"
    "$BUILD_PY" -m pip install -q --upgrade pip
    # A regular (non-editable) install: PyInstaller collects the installed package and its data files.
    "$BUILD_PY" -m pip install -q "$ROOT" "pyinstaller>=6.5"
    if [[ "${NNSTUDIO_BUNDLE_ONNX:-1}" != 0 ]]; then
      "$BUILD_PY" -m pip install -q "onnx>=1.15"  # File > Export > ONNX works in the app
    fi
  fi
  say "pyinstaller ($("$BUILD_PY" -m PyInstaller --version))"
  rm -rf "$APP"
  mkdir -p "$WORK"
  # Run from the work folder, not the checkout: from the checkout `import nnstudio` would find the source tree
  # (where nnstudio.resources does not exist) instead of the installed package.
  (cd "$WORK" && "$BUILD_PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    "$HERE/nnstudio.spec")
fi

[[ -x "$APP/nnstudio" ]] || fail "no app at $APP/nnstudio"
BIN="$APP/nnstudio"
SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT

say "smoke test: --version"
version="$("$BIN" --version)"
echo "$version"
expected="nnstudio $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/nnstudio/__init__.py")"
[[ "$version" == "$expected" ]] || fail "--version printed '$version', expected '$expected'"

say "smoke test: examples and resources from the bundle"
(cd "$SMOKE" && "$BIN" examples) > "$SMOKE/examples.txt"
grep -q '^laptop ' "$SMOKE/examples.txt" || fail "nnstudio examples did not list the bundled examples"
echo "$(wc -l < "$SMOKE/examples.txt") examples listed"
example="$(find "$APP" -path '*/nnstudio/resources/examples/xor.nnstudio' | head -n 1)"
[[ -n "$example" ]] || fail "the examples are not in the bundle at nnstudio/resources/examples"
(cd "$SMOKE" && "$BIN" validate "$example")
(cd "$SMOKE" && "$BIN" predict "$example" --input 1,0)
(cd "$SMOKE" && "$BIN" export "$example" --format python --out "$SMOKE/xor.py")
if (cd "$SMOKE" && "$BIN" export "$example" --format onnx --out "$SMOKE/xor.onnx" 2> "$SMOKE/onnx.err"); then
  echo "ONNX export: included"
else
  echo "ONNX export: not included ($(cat "$SMOKE/onnx.err"))"
fi

say "smoke test: the window opens offscreen"
# A private HOME so the smoke test neither reads nor writes the builder's settings and recovery files.
# NNSTUDIO_SMOKE_TEST=1 asks the app to quit on its own once the window is shown; an app that ignores it
# is still running at the timeout, which counts as a start as long as it printed no error.
set +e
env HOME="$SMOKE/home" XDG_CONFIG_HOME="$SMOKE/home/.config" XDG_DATA_HOME="$SMOKE/home/.local/share" \
  XDG_CACHE_HOME="$SMOKE/home/.cache" QT_QPA_PLATFORM=offscreen NNSTUDIO_SMOKE_TEST=1 \
  timeout 20 "$BIN" > "$SMOKE/gui.out" 2> "$SMOKE/gui.err"
status=$?
set -e
cat "$SMOKE/gui.out"
if [[ $status != 0 && $status != 124 ]] || grep -Eq 'Traceback|Could not load the Qt platform|nnstudio: error' "$SMOKE/gui.err"; then
  cat "$SMOKE/gui.err" >&2
  fail "the app did not start offscreen (exit status $status)"
fi
echo "started offscreen (exit status $status$([[ $status == 124 ]] && echo ': still running after 20 s, stopped'))"

size="$(du -sh "$APP" | cut -f1)"
say "ok: $APP ($size)"
if [[ $ARCHIVE == 1 ]]; then
  tarball="$DIST/nnstudio-${expected#nnstudio }-linux-$(uname -m).tar.gz"
  tar -C "$DIST" -czf "$tarball" nnstudio
  say "archive: $tarball ($(du -sh "$tarball" | cut -f1))"
fi
