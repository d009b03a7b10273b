#!/usr/bin/env bash
# Install the evaluator-app bundle for the current user: no root, nothing outside the home folder.
#
#   install-desktop.sh [--bundle DIR] [--in-place]     install (or update)
#   install-desktop.sh --uninstall                     remove what install put in place (never the workspaces)
#
# --bundle DIR   the built bundle (a copy of dist/evaluator-app). Default: the bundle this script sits in
#                (dist/evaluator-app/linux/install-desktop.sh), else ../../dist/evaluator-app from packaging/linux.
# --in-place     run the bundle from where it is instead of copying it to ~/.local/lib/evaluator-app.
#
# What goes where (XDG_DATA_HOME is honoured):
#   ~/.local/lib/evaluator-app/                        the bundle
#   ~/.local/bin/evaluator-app                         a link to its executable, for the command line
#   ~/.local/share/applications/evaluator-app.desktop  the menu entry, and the handler of the package files
#   ~/.local/share/icons/hicolor/*/apps/evaluator-app.*
#   ~/.local/share/mime/packages/evaluator-app-mime.xml  *.evpanel and *.evpack
# update-desktop-database, update-mime-database and gtk-update-icon-cache run when they are installed.
# The workspaces (~/.local/share/evaluator-app/) are the user's data and are never touched.
set -euo pipefail

NAME=evaluator-app
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
LIB_DIR="$HOME/.local/lib/$NAME"
BIN_DIR="$HOME/.local/bin"
APPS_DIR="$DATA_HOME/applications"
ICONS_DIR="$DATA_HOME/icons/hicolor"
MIME_DIR="$DATA_HOME/mime"

bundle=""
in_place=0
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
    --in-place) in_place=1; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desktop.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS_DIR" || echo "warning: update-desktop-database failed" >&2
  fi
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$MIME_DIR" >/dev/null || echo "warning: update-mime-database failed" >&2
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$ICONS_DIR" ]; then
    gtk-update-icon-cache -q -t -f "$ICONS_DIR" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  target="$(readlink "$BIN_DIR/$NAME" 2>/dev/null || true)"
  rm -f "$BIN_DIR/$NAME" "$APPS_DIR/$NAME.desktop" "$MIME_DIR/packages/$NAME-mime.xml"
  find "$ICONS_DIR" -path "*/apps/$NAME.*" -delete 2>/dev/null || true
  rm -rf "$LIB_DIR"
  mkdir -p "$APPS_DIR" "$MIME_DIR/packages"
  refresh_caches
  echo "evaluator-app removed (workspaces in $DATA_HOME/$NAME were kept)."
  if [ -n "$target" ] && [ "${target#"$LIB_DIR"}" = "$target" ]; then
    echo "The bundle it ran from, $(dirname "$target"), was installed in place and was left alone."
  fi
  exit 0
fi

if [ -z "$bundle" ]; then
  if [ -x "$HERE/../$NAME" ] && [ -d "$HERE/../_internal" ]; then
    bundle="$HERE/.."
  else
    bundle="$HERE/../../dist/$NAME"
  fi
fi
if [ ! -x "$bundle/$NAME" ] || [ ! -d "$bundle/_internal" ]; then
  echo "install-desktop.sh: no bundle at '$bundle' (build it with packaging/build.sh, or pass --bundle DIR)" >&2
  exit 2
fi
bundle="$(cd "$bundle" && pwd)"

if [ "$in_place" = 1 ]; then
  app_dir="$bundle"
else
  app_dir="$LIB_DIR"
  if [ "$bundle" != "$app_dir" ]; then
    mkdir -p "$(dirname "$app_dir")"
    rm -rf "$app_dir.new"
    cp -a "$bundle" "$app_dir.new"
    rm -rf "$app_dir"
    mv "$app_dir.new" "$app_dir"
  fi
fi
executable="$app_dir/$NAME"

mkdir -p "$BIN_DIR" "$APPS_DIR" "$MIME_DIR/packages" "$ICONS_DIR"
ln -sfn "$executable" "$BIN_DIR/$NAME"

# The menu entry runs the installed executable by its full path: ~/.local/bin is not always on a desktop's PATH.
# In a quoted Exec argument " ` $ are escaped as \\x and a backslash as four (Desktop Entry Specification, "The Exec
# key": string unescaping comes first, then the quoting rule).
quoted="$(printf '%s' "$executable" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')"
while IFS= read -r line; do
  case "$line" in
    "Exec=$NAME "*) line="Exec=\"$quoted\" ${line#"Exec=$NAME "}" ;;
    "TryExec=$NAME") line="TryExec=${executable//\\/\\\\}" ;;
  esac
  printf '%s\n' "$line"
done < "$HERE/$NAME.desktop" > "$APPS_DIR/$NAME.desktop.new"
mv "$APPS_DIR/$NAME.desktop.new" "$APPS_DIR/$NAME.desktop"

(cd "$HERE/icons/hicolor" && find . -type f -name "$NAME.*") | while read -r icon; do
  mkdir -p "$ICONS_DIR/$(dirname "$icon")"
  cp "$HERE/icons/hicolor/$icon" "$ICONS_DIR/$icon"
done
cp "$HERE/$NAME-mime.xml" "$MIME_DIR/packages/$NAME-mime.xml"
refresh_caches

echo "evaluator-app installed: $executable"
echo "  menu entry $APPS_DIR/$NAME.desktop; command $BIN_DIR/$NAME"
case ":$PATH:" in
  *":$BIN_DIR:"*) ;;
  *) echo "  note: $BIN_DIR is not on PATH; add it to use 'evaluator-app' in a terminal" ;;
esac
