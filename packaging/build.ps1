<#
.SYNOPSIS
  Build the installable app on Windows: dist\evaluator-app\ from packaging\evaluator-app.spec.

.DESCRIPTION
  packaging\build.ps1                 the project's .venv (or $env:PYTHON); PyInstaller is installed into it if missing
  packaging\build.ps1 -CleanVenv      a fresh venv at build\venv-package with only the app and the `package` extra
  packaging\build.ps1 -Installer      also compile packaging\windows\evaluator-app.iss with Inno Setup 6 (iscc)

  The bundle holds two executables sharing one _internal folder: evaluator-app.exe (console: commands print, and a
  console window stays open beside the window) and evaluator-app-gui.exe (windowed: for the Start menu and file
  associations; commands run but print nothing). Not verified on Windows yet.
#>
param(
    [switch]$CleanVenv,
    [switch]$Installer
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($CleanVenv) {
    $venv = Join-Path $Root "build\venv-package"
    if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
    $base = if ($env:PYTHON) { $env:PYTHON } else { "py" }
    $baseArgs = if ($env:PYTHON) { @() } else { @("-3") }
    Invoke-Checked $base ($baseArgs + @("-m", "venv", $venv))
    $py = Join-Path $venv "Scripts\python.exe"
    Invoke-Checked $py @("-m", "pip", "install", "-q", "--upgrade", "pip")
    Invoke-Checked $py @("-m", "pip", "install", "-q", "${Root}[package]")
} else {
    $py = if ($env:PYTHON) { $env:PYTHON } else { Join-Path $Root ".venv\Scripts\python.exe" }
    if (-not (Test-Path $py) -and -not (Get-Command $py -ErrorAction SilentlyContinue)) {
        throw "no Python at '$py': create .venv (py -3 -m venv .venv; .venv\Scripts\pip install -e .), set PYTHON, or use -CleanVenv"
    }
    & $py -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('PyInstaller') else 1)"
    if ($LASTEXITCODE -ne 0) {
        Write-Host "installing PyInstaller (the 'package' extra)"
        Invoke-Checked $py @("-m", "pip", "install", "-q", "-e", "${Root}[package]")
    }
}

Invoke-Checked $py @("-c", "import sys, PyInstaller; v = tuple(int(p) for p in PyInstaller.__version__.split('.')[:2]); sys.exit(0 if v >= (6, 10) else 'PyInstaller 6.10 or newer is needed')")

$timer = [System.Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $Root "build\pyinstaller"),
    (Join-Path $Root "packaging\evaluator-app.spec"))
$timer.Stop()

$dist = Join-Path $Root "dist\evaluator-app"
$bytes = (Get-ChildItem -Recurse -File $dist | Measure-Object -Property Length -Sum).Sum
Write-Host ("built dist\evaluator-app in {0:N0} s, {1:N0} MB" -f $timer.Elapsed.TotalSeconds, ($bytes / 1MB))
Invoke-Checked (Join-Path $dist "evaluator-app.exe") @("--version")

if ($Installer) {
    $iscc = Get-Command iscc -ErrorAction SilentlyContinue
    $isccPath = if ($iscc) { $iscc.Source } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $isccPath)) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php" }
    $version = (& $py -c "import sys; sys.path.insert(0, r'$Root'); import evaluator_app; print(evaluator_app.__version__)").Trim()
    Invoke-Checked $isccPath @("/DAppVersion=$version", (Join-Path $Root "packaging\windows\evaluator-app.iss"))
    Write-Host "installer: dist\evaluator-app-$version-setup.exe"
}
