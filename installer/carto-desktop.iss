; Carto Desktop: the Windows installer (Inno Setup 6.3 or newer).
; (Saved as UTF-8 with a byte-order mark: Inno Setup needs it to read the French text.)
;
; It packs the one-folder bundle that PyInstaller makes from installer/carto-desktop.spec
; (dist\carto-desktop\, with CartoDesktop.exe and carto-desktop.exe) into one setup program:
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\path\to\dist\carto-desktop /DOutputDir=C:\path\to\dist installer\carto-desktop.iss
;
; The installer needs no administrator rights: it installs for the current user only, in
; %LOCALAPPDATA%\Programs\Carto Desktop, adds a Start-menu entry (and a desktop shortcut if
; asked), opens .cartoproj files with Carto Desktop, and registers an uninstaller.
; It speaks French or English, following Windows' display language.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\carto-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

#define AppName "Carto Desktop"
#define AppExe "CartoDesktop.exe"
#define CliExe "carto-desktop.exe"
#define ProgId "CartoDesktop.Project"
#define ProjectExt ".cartoproj"

[Setup]
; The AppId identifies the program for upgrades and uninstall: never change it.
AppId={{5E0C2B7A-8F43-4C1D-9B6E-2A7D4F1C3E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Carto Desktop contributors
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} setup
; Per-user install: no UAC prompt, {autopf} is %LOCALAPPDATA%\Programs, HKA is HKEY_CURRENT_USER.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=carto-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=icons\carto-desktop.ico
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.ProjectFileType=Carto Desktop project
fr.ProjectFileType=Projet Carto Desktop
en.AppComment=Offline maps from your spreadsheets and boundary files
fr.AppComment=Cartes hors ligne à partir de vos tableurs et fichiers de limites

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; .cartoproj opens with Carto Desktop (per user: HKA = HKCU with PrivilegesRequired=lowest).
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#ProjectExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python's compiled caches, if any were written next to the program.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
