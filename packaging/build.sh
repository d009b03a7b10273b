#!/usr/bin/env bash
# Build the installable app with PyInstaller (Linux and macOS): dist/evaluator-app/ (and dist/evaluator-app.app on
# macOS) from packaging/evaluator-app.spec.
#
#   packaging/build.sh                the project's .venv (or $PYTHON); PyInstaller is installed into it if missing
#   packaging/build.sh --clean-venv   a fresh venv at build/venv-package with only the app and the `package` extra
#                                     (the way to build a release: nothing from a development venv leaks in)
#
# Prints the build time and the size of the bundle. A build for Windows is made on Windows (packaging/build.ps1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

clean_venv=0
for arg in "$@"; do
  case "$arg" in
    --clean-venv) clean_venv=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$clean_venv" = 1 ]; then
  venv="$ROOT/build/venv-package"
  rm -rf "$venv"
  "${PYTHON:-python3}" -m venv "$venv"
  py="$venv/bin/python"
  "$py" -m pip install -q --upgrade pip
  "$py" -m pip install -q "$ROOT[package]"
else
  py="${PYTHON:-$ROOT/.venv/bin/python}"
  if [ ! -x "$py" ] && ! command -v "$py" >/dev/null 2>&1; then
    echo "build.sh: no Python at '$py': run ./quickstart setup first, set PYTHON, or use --clean-venv" >&2
    exit 2
  fi
  if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: installing PyInstaller (the 'package' extra) into $("$py" -c 'import sys; print(sys.prefix)')"
    "$py" -m pip install -q -e "$ROOT[package]"
  fi
fi

"$py" - <<'EOF'
import sys
import PyInstaller

major, minor = (int(part) for part in PyInstaller.__version__.split(".")[:2])
if (major, minor) < (6, 10):
    sys.exit(f"build.sh: PyInstaller {PyInstaller.__version__} is too old; 6.10 or newer is needed")
EOF

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/evaluator-app.spec"
elapsed=$(( $(date +%s) - start ))

echo
echo "built dist/evaluator-app in ${elapsed} s with $("$py" -m PyInstaller --version 2>/dev/null | head -1 | sed 's/^/PyInstaller /')"
echo "size: $(du -sh "$ROOT/dist/evaluator-app" | cut -f1)"
if [ -d "$ROOT/dist/evaluator-app.app" ]; then
  echo "macOS app: dist/evaluator-app.app ($(du -sh "$ROOT/dist/evaluator-app.app" | cut -f1))"
fi
