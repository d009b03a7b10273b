#!/usr/bin/env bash
# Build the bundle on this machine and run it as a user would (Linux; most of it works on macOS too).
#
#   packaging/smoke_test.sh              build with packaging/build.sh, then test dist/evaluator-app
#   packaging/smoke_test.sh --no-build   test the dist/evaluator-app already there
#   packaging/smoke_test.sh --clean-venv build in a fresh venv (passed to build.sh)
#
# Checks: --version; a headless `score --json` on the demo (the total a four-decimal string); `import` of the bundled
# agreement template into a new workspace; a Thai PDF written to a file (`report` when the app has that command,
# `minutes` always) and read back for Thai words; the window starting offscreen, and on X11 under Xvfb when xvfb-run
# is installed, with no traceback; the desktop integration installed into a throw-away home. Exits non-zero at the
# first failure; prints what passed and what was skipped.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/dist/evaluator-app"
APP="$DIST/evaluator-app"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"

build=1
build_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --clean-venv) build_args+=(--clean-venv) ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "smoke_test.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/evaluator-app-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
passed=0
skipped=()

ok() { passed=$((passed + 1)); echo "  ok    $*"; }
skip() { skipped+=("$*"); echo "  skip  $*"; }
fail() {
  echo "  FAIL  $1" >&2
  shift
  for file in "$@"; do
    [ -s "$file" ] && { echo "  --- $(basename "$file") ---" >&2; tail -n 30 "$file" >&2; }
  done
  echo "smoke test FAILED ($passed check(s) passed before this one)" >&2
  exit 1
}
# run NAME CMD...: run a bundled command with stdout and stderr kept in $WORK/NAME.out and .err; fail on a non-zero
# exit or a Python traceback on stderr.
run() {
  local name="$1"
  shift
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  local rc=$?
  [ $rc -eq 0 ] || fail "$name: exit code $rc" "$WORK/$name.out" "$WORK/$name.err"
  if grep -q "Traceback (most recent call last)" "$WORK/$name.err"; then
    fail "$name: a traceback on stderr" "$WORK/$name.err"
  fi
}
# pdf_text FILE: the text of a PDF (pdftotext from poppler-utils, else pypdf in the build Python)
pdf_text() {
  if command -v pdftotext >/dev/null 2>&1; then
    pdftotext -enc UTF-8 "$1" -
  else
    "$PY" -c 'import sys, pypdf; print("\n".join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))' "$1"
  fi
}
# check_thai_pdf NAME FILE WORD...: FILE is a PDF whose text has every WORD
check_thai_pdf() {
  local name="$1" file="$2"
  shift 2
  [ -s "$file" ] || fail "$name: no PDF written at $file" "$WORK/$name.out" "$WORK/$name.err"
  head -c 5 "$file" | grep -q "%PDF-" || fail "$name: $file is not a PDF"
  pdf_text "$file" >"$WORK/$name.txt" 2>&1 || fail "$name: the PDF cannot be read back" "$WORK/$name.txt"
  for word in "$@"; do
    grep -qF "$word" "$WORK/$name.txt" || fail "$name: '$word' is not in the PDF's text" "$WORK/$name.txt"
  done
}

echo "== evaluator-app bundle smoke test"
if [ "$build" = 1 ]; then
  echo "-- building (packaging/build.sh ${build_args[*]:-})"
  start=$(date +%s)
  "$ROOT/packaging/build.sh" "${build_args[@]}" >"$WORK/build.log" 2>&1 || fail "build" "$WORK/build.log"
  ok "built in $(( $(date +%s) - start )) s"
fi
[ -x "$APP" ] || fail "no executable at $APP (build first, or drop --no-build)"
echo "-- bundle $DIST ($(du -sh "$DIST" | cut -f1))"

# Nothing may come from the source tree or the development venv: run from an empty folder with a bare environment.
cd "$WORK"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_CACHE_HOME="$WORK/home/.cache" TMPDIR="$WORK/tmp"
mkdir -p "$HOME" "$TMPDIR"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV EVALUATOR_APP_RESOURCES
export PATH="/usr/local/bin:/usr/bin:/bin"

# 1. --version
want_version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/evaluator_app/__init__.py")"
run version "$APP" --version
grep -qx "evaluator-app $want_version" "$WORK/version.out" || fail "--version printed '$(cat "$WORK/version.out")'"
ok "--version: $(cat "$WORK/version.out")"

# 2. headless score on the demo
run score "$APP" --demo score 1 --json
"$PY" - "$WORK/score.out" <<'EOF' || fail "score --json" "$WORK/score.out"
import json, re, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
total = data.get("total")
if not isinstance(total, str) or not re.fullmatch(r"-?\d+\.\d{4}", total):
    sys.exit(f"total is {total!r}, not a four-decimal string")
print(f"  ok    score --json on the demo: {data.get('agreement')} total {total}")
EOF
passed=$((passed + 1))

# 3. import the bundled template into a new workspace
template="$DIST/_internal/resources/templates/agreement-template.xlsx"
[ -f "$template" ] || fail "the agreement template is not in the bundle ($template)"
run import "$APP" --db "$WORK/workspace.sqlite" import "$template"
run agreements "$APP" --db "$WORK/workspace.sqlite" agreements --json
"$PY" - "$WORK/agreements.out" <<'EOF' || fail "agreements after import" "$WORK/agreements.out"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
if len(rows) != 1 or not rows[0].get("indicators"):
    sys.exit(f"expected one agreement with indicators, got {rows!r}")
print(f"  ok    import of agreement-template.xlsx: {rows[0]['agency']} {rows[0]['fiscal_year']}, "
      f"{rows[0]['indicators']} indicators")
EOF
passed=$((passed + 1))

# 4. reports written to files, read back for Thai
run help "$APP" --help
if grep -qE "^    report( |$)" "$WORK/help.out"; then
  run report "$APP" --demo report 1 --out "$WORK/report.pdf"
  check_thai_pdf report "$WORK/report.pdf" "กรมส่งเสริมการเกษตร"
  ok "report: $(du -h "$WORK/report.pdf" | cut -f1) PDF with Thai text"
else
  skip "report: the app has no 'report' command yet (evaluator-app --help); the minutes below stand in"
fi
if grep -qE "^    minutes( |$)" "$WORK/help.out"; then
  run minutes "$APP" --demo minutes 1 --out "$WORK/minutes.pdf"
  check_thai_pdf minutes "$WORK/minutes.pdf" "บันทึกการเจรจา" "กรมส่งเสริมการเกษตร" "ปีงบประมาณ"
  ok "minutes: $(du -h "$WORK/minutes.pdf" | cut -f1) PDF, Thai text read back"
else
  skip "minutes: the app has no 'minutes' command"
fi

# 5. the window: offscreen, and on a real X server (xcb) when Xvfb is installed
quit_var=""
if grep -rqs "EVALUATOR_APP_QUIT_AFTER_MS" "$ROOT/evaluator_app/ui"; then quit_var="EVALUATOR_APP_QUIT_AFTER_MS"; fi
# window_check NAME PLATFORM [WRAPPER...]: start the window on the demo and see it come up without errors
window_check() {
  local name="$1" platform="$2"
  shift 2
  if [ -n "$quit_var" ]; then
    env QT_QPA_PLATFORM="$platform" "$quit_var=1500" timeout 60 "$@" "$APP" --demo \
      >"$WORK/$name.out" 2>"$WORK/$name.err"
    local rc=$?
    [ $rc -eq 0 ] || fail "$name: exit code $rc with $quit_var" "$WORK/$name.out" "$WORK/$name.err"
    how="shown and quit by itself ($quit_var)"
  else
    # no quit-after variable in the app: it must still be running after 5 s; then it is stopped
    QT_QPA_PLATFORM="$platform" timeout -s TERM 8 "$@" "$APP" --demo >"$WORK/$name.out" 2>"$WORK/$name.err" &
    local pid=$!
    sleep 5
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"
      fail "$name: the window exited within 5 s (code $?)" "$WORK/$name.out" "$WORK/$name.err"
    fi
    wait "$pid" 2>/dev/null  # timeout stops it at 8 s
    how="still running after 5 s, then stopped (the app has no quit-after variable)"
  fi
  grep -q "Traceback" "$WORK/$name.err" && fail "$name: a traceback on stderr" "$WORK/$name.err"
  grep -qiE "could not (load|find) the Qt platform plugin|cannot load library|qt.qpa.plugin" "$WORK/$name.err" \
    && fail "$name: a Qt plugin or library is missing from the bundle" "$WORK/$name.err"
  ok "$name: $how, no traceback"
}
window_check "window offscreen" offscreen
if command -v xvfb-run >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then
  window_check "window on X11 (Xvfb, xcb)" xcb xvfb-run -a -s "-screen 0 1280x800x24"
else
  skip "window on X11: xvfb-run is not installed (apt-get install xvfb xauth)"
fi

# 6. desktop integration into the throw-away home (Linux)
if [ "$(uname -s)" = Linux ]; then
  installer="$DIST/linux/install-desktop.sh"
  [ -x "$installer" ] || fail "the bundle has no linux/install-desktop.sh"
  run install "$installer"
  installed="$HOME/.local/bin/evaluator-app"
  run installed-version "$installed" --version
  desktop="$XDG_DATA_HOME/applications/evaluator-app.desktop"
  [ -f "$desktop" ] || fail "install: no $desktop"
  grep -q "^Exec=\"$HOME/.local/lib/evaluator-app/evaluator-app\" %f$" "$desktop" \
    || fail "install: unexpected Exec line: $(grep '^Exec=' "$desktop")"
  if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop" >"$WORK/validate.out" 2>&1 || fail "desktop-file-validate" "$WORK/validate.out"
  fi
  for size in 48x48 128x128 256x256; do
    [ -f "$XDG_DATA_HOME/icons/hicolor/$size/apps/evaluator-app.png" ] || fail "install: no $size icon"
  done
  if command -v update-mime-database >/dev/null 2>&1; then
    for glob in evpanel evpack; do
      grep -q "\*\.$glob" "$XDG_DATA_HOME/mime/globs2" 2>/dev/null || fail "install: *.$glob not in the MIME database"
    done
    mime_note="MIME database has *.evpanel and *.evpack"
  else
    mime_note="update-mime-database absent: MIME database not checked"
  fi
  run uninstall "$installer" --uninstall
  [ ! -e "$installed" ] && [ ! -e "$desktop" ] && [ ! -e "$HOME/.local/lib/evaluator-app" ] \
    || fail "uninstall left files behind"
  ok "install-desktop.sh into a temporary home: command, menu entry, icons; $mime_note; uninstall clean"
fi

echo "== smoke test passed: $passed check(s)${skipped:+, ${#skipped[@]} skipped}"
for item in "${skipped[@]}"; do echo "   skipped: $item"; done
exit 0
