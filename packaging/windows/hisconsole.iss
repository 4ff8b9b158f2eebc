; HIS Console - Windows installer (Inno Setup 6.3 or newer). 医院信息系统应急指挥台 安装程序
;
; Build on a Windows build machine (docs/packaging.md has the whole procedure):
;   pyinstaller --noconfirm --clean packaging\hisconsole.spec     -> dist\hisconsole\
;   iscc packaging\windows\hisconsole.iss                          -> dist\installer\hisconsole-<version>-setup.exe
;
; Installs the PyInstaller one-folder app for the current user (no administrator
; rights: %LOCALAPPDATA%\Programs\HIS Console) or for all users (Program Files),
; as chosen in the first page or with /CURRENTUSER or /ALLUSERS on the command line.
; Start-menu shortcuts in English or Chinese, following the installer's language.
;
; The user's data (%LOCALAPPDATA%\hisconsole: the database, device key, backups)
; is never installed, replaced or removed by this installer: uninstalling keeps
; it, and a newer version migrates the database on first start (after a backup).
;
; Chinese (Simplified): ChineseSimplified.isl is an unofficial Inno Setup
; translation, not shipped with Inno Setup. Download it once from
; https://jrsoftware.org/files/istrans/ (Chinese Simplified) and put it beside
; this script or in Inno Setup's Languages folder; without it the installer is
; built in English only (with a warning).
;
; This file is UTF-8 (Inno Setup 6.3 and newer read it without a byte-order mark).

; The program's version: must equal hisconsole.__version__ (hisconsole/__init__.py);
; tests/unit/test_packaging.py fails when a release forgets to bump it here.
#define AppVersion "0.1.0"

#define AppName "HIS Console"
#define AppExe "hisconsole.exe"
#define CliExe "hisconsole-cli.exe"
#define BuildDir AddBackslash(SourcePath) + "..\..\dist\hisconsole"

#if !FileExists(BuildDir + "\" + AppExe)
  #error dist\hisconsole\hisconsole.exe not found: run pyinstaller --noconfirm --clean packaging\hisconsole.spec first
#endif
; The .exe carries the version from hisconsole.__version__ (see the spec): an
; installer is never built around a program of another version.
#define ExeVersion GetVersionNumbersString(BuildDir + "\" + AppExe)
#pragma message "dist\hisconsole\hisconsole.exe is version " + ExeVersion + ", this script " + AppVersion
#if ExeVersion != AppVersion + ".0"
  #error The built hisconsole.exe is not the version in AppVersion (see the message above): rebuild the app, or update AppVersion here
#endif

#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found (see the top of this script): building an English-only installer"
#endif

[Setup]
; AppId identifies the product to Windows for upgrades and uninstall: never change it.
AppId={{90F5EB64-0AD0-4CDA-A07C-ECF14EC51723}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=HIS Console developers
AppCopyright=Apache-2.0
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={cm:GroupName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Current user (no administrator rights needed) by default; "all users" on request.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=hisconsole-{#AppVersion}-setup
SetupIconFile=hisconsole.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; An upgrade closes a running console first (it saves nothing unsaved: every
; change is committed as it is made) and does not restart it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#ifdef ChineseMessages
Name: "zh_CN"; MessagesFile: "{#ChineseMessages}"
#endif

[CustomMessages]
en.GroupName=HIS Console
en.AppShortcut=HIS Console
en.AppComment=Offline emergency console for hospital IT downtime
en.CliShortcut=HIS Console command line
en.CliComment=Command prompt for hisconsole-cli (check, backup, forms ...)
en.DataKept=Your HIS Console data was kept: the database, this laptop's device key and the backups in AppData\Local\hisconsole. Installing HIS Console again uses them as they are.
#ifdef ChineseMessages
zh_CN.GroupName=HIS Console 医院信息系统应急指挥台
zh_CN.AppShortcut=医院信息系统应急指挥台
zh_CN.AppComment=医院信息系统故障的离线应急指挥工具
zh_CN.CliShortcut=应急指挥台 命令行
zh_CN.CliComment=hisconsole-cli 命令提示符（check、backup、forms 等）
zh_CN.DataKept=已保留您的 HIS Console 数据：AppData\Local\hisconsole 中的数据库、本机设备密钥和备份。重新安装后将继续使用这些数据。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's libraries: a newer build may no longer contain some of them.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; AppUserModelID: "org.hisconsole.HISConsole"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k {#CliExe} --help"; WorkingDir: "{app}"; Comment: "{cm:CliComment}"
Name: "{group}\{cm:UninstallProgram,{cm:AppShortcut}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppShortcut}}"; Flags: nowait postinstall skipifsilent

; Nothing under [UninstallDelete]: the uninstaller removes only what it installed,
; never the user's data folder (%LOCALAPPDATA%\hisconsole), which the program creates.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
