; Inno Setup 6 script: a Windows installer for the bundle built by packaging\build.ps1 (dist\evaluator-app\).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\evaluator-app.iss     (build.ps1 -Installer does this)
;
; Output: dist\evaluator-app-<version>-setup.exe. Installs per user by default (no administrator needed; the
; installer offers an all-users install), adds a Start menu entry for the windowed evaluator-app-gui.exe, and
; associates the exchange files with it:
;   *.evpanel  application/x-evaluator-app-panel      panel package (secretary -> members)
;   *.evpack   application/x-evaluator-app-evaluator  evaluator package (member -> secretary, signed)
; The same list is in ..\evaluator-app.spec (DOCUMENT_TYPES) and ..\linux\evaluator-app-mime.xml.
; The console evaluator-app.exe sits beside it for the command line ("{app}\evaluator-app.exe" score 1 --json).
;
; Not verified on Windows yet: written to Inno Setup's documented file-association pattern.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "evaluator-app"
#define GuiExe "evaluator-app-gui.exe"
#define Bundle "..\..\dist\evaluator-app"

[Setup]
AppId={{7ED8BA04-99DF-4934-8152-FE6BE00A905D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=evaluator-app
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=evaluator-app.ico
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one.
; .evpanel -> evaluator-app.panel
Root: HKA; Subkey: "Software\Classes\.evpanel"; ValueType: string; ValueName: ""; ValueData: "evaluator-app.panel"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evpanel"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-evaluator-app-panel"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evpanel\OpenWithProgids"; ValueType: string; ValueName: "evaluator-app.panel"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\evaluator-app.panel"; ValueType: string; ValueName: ""; ValueData: "evaluator-app panel package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\evaluator-app.panel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\evaluator-app.panel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; .evpack -> evaluator-app.evaluator
Root: HKA; Subkey: "Software\Classes\.evpack"; ValueType: string; ValueName: ""; ValueData: "evaluator-app.evaluator"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evpack"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-evaluator-app-evaluator"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evpack\OpenWithProgids"; ValueType: string; ValueName: "evaluator-app.evaluator"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\evaluator-app.evaluator"; ValueType: string; ValueName: ""; ValueData: "evaluator-app evaluator package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\evaluator-app.evaluator\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\evaluator-app.evaluator\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
