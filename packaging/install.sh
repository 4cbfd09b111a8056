#!/usr/bin/env bash
# Install the built app (dist/nnstudio from packaging/build.sh) for the desktop: the program, a `nnstudio`
# command, the menu entry, the icons, the .nnstudio file type and the AppStream metadata.
#
#   packaging/install.sh                    # for this user, under ~/.local
#   sudo packaging/install.sh --prefix /usr/local
#   packaging/install.sh --uninstall        # remove what an install with the same prefix put there
#
# Environment: DESTDIR (staged installs for packagers), DIST_DIR (default dist/).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/packaging"
APP="${DIST_DIR:-$ROOT/dist}/nnstudio"
PREFIX="$HOME/.local"
UNINSTALL=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

DEST="${DESTDIR:-}$PREFIX"
SHARE="$DEST/share"
ICONS="$ROOT/resources/icons"
APP_ID="io.github.nnstudio.NNStudio"
SIZES=(16 32 48 64 128 256)

refresh() {  # caches the desktop reads; skipped for staged installs
  [[ -n "${DESTDIR:-}" ]] && return 0
  command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [[ $UNINSTALL == 1 ]]; then
  rm -rf "$DEST/lib/nnstudio"
  rm -f "$DEST/bin/nnstudio" "$SHARE/applications/nnstudio.desktop" "$SHARE/mime/packages/nnstudio.xml" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/nnstudio.svg"
  for size in "${SIZES[@]}"; do rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/nnstudio.png"; done
  refresh
  echo "removed NN Studio from $DEST"
  exit 0
fi

[[ -x "$APP/nnstudio" ]] || { echo "install.sh: no app at $APP; run packaging/build.sh first" >&2; exit 1; }

mkdir -p "$DEST/lib" "$DEST/bin"
rm -rf "$DEST/lib/nnstudio"
cp -a "$APP" "$DEST/lib/nnstudio"
ln -sfn "$PREFIX/lib/nnstudio/nnstudio" "$DEST/bin/nnstudio"

install -Dm644 "$HERE/nnstudio.desktop" "$SHARE/applications/nnstudio.desktop"
install -Dm644 "$HERE/nnstudio-mime.xml" "$SHARE/mime/packages/nnstudio.xml"
install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$ICONS/nnstudio.svg" "$SHARE/icons/hicolor/scalable/apps/nnstudio.svg"
for size in "${SIZES[@]}"; do
  install -Dm644 "$ICONS/nnstudio-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/nnstudio.png"
done
refresh
echo "installed NN Studio in $DEST (command: $PREFIX/bin/nnstudio)"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "note: $PREFIX/bin is not on your PATH" ;; esac
