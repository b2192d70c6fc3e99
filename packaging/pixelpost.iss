; Inno Setup script for the PixelPost installer: a per-user install that needs
; no administrator rights. packaging/build.py compiles it on Windows after
; PyInstaller has written dist\pixelpost, passing the version from gui/__init__.py:
;
;     iscc /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 packaging\pixelpost.iss
;
; Needs Inno Setup 6.3 or later (x64compatible, UTF-8 script without a BOM).
; Paths below are relative to the repository root (SourceDir=..).

#ifndef AppVersion
#error Pass the version: iscc /DAppVersion=X.Y.Z packaging\pixelpost.iss (build.py does this)
#endif
; Windows version resources take up to four numbers, so a version such as
; 0.2.0rc1 needs FileVersion=0.2.0.0 as well; build.py always passes both.
#ifndef FileVersion
#define FileVersion AppVersion
#endif

#define AppName "PixelPost"
#define AppExeName "pixelpost.exe"
#define CliExeName "pixelpost-cli.exe"
#define BundleDir "dist\pixelpost"
#define ContentsDir "_internal"
; keyring stores the API keys in Windows Credential Manager under this service.
#define CredentialService "PixelPost/dashscope"

[Setup]
; AppId ties upgrades and the uninstaller to one installation; never change it.
AppId={{A2420AF8-D12F-4F34-A120-A329F0A8734F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#FileVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
SourceDir=..
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=packaging\pixelpost.ico
; Per-user install: {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the
; user's Start menu, and no UAC prompt appears.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExeName}
; The PyInstaller bundle is 64-bit, and Qt 6 supports Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
ShowLanguageDialog=auto
#ifdef SignToolName
; build.py --sign-command defines the sign tool, so that the installer and the
; uninstaller it writes are signed as well.
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Simplified Chinese messages before its own releases
; include them, so the language is added only where the compiler has the file.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
#define HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.RemoveUserData=Also delete PixelPost's settings, task history and logs (%1) and the API keys saved in Windows Credential Manager?%n%nYour images in the Pictures\PixelPost folder are kept either way.
#ifdef HaveChinese
chinesesimplified.RemoveUserData=是否同时删除 PixelPost 的设置、任务历史和日志（%1）以及保存在 Windows 凭据管理器中的 API 密钥？%n%n“图片\PixelPost”文件夹中的图片无论如何都会保留。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so modules and libraries that the new
; version no longer ships do not stay behind.
Type: filesandordirs; Name: "{app}\{#ContentsDir}"

[Files]
Source: "{#BundleDir}\{#AppExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#ContentsDir}\*"; DestDir: "{app}\{#ContentsDir}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: dirifempty; Name: "{app}"

[Code]
const
  CRED_TYPE_GENERIC = 1;

function CredDelete(TargetName: String; CredType: Cardinal; Flags: Cardinal): Boolean;
  external 'CredDeleteW@advapi32.dll stdcall delayload';

procedure DeleteCredential(const TargetName: String);
begin
  if CredDelete(TargetName, CRED_TYPE_GENERIC, 0) then
    Log('Deleted the credential ' + TargetName)
  else
    Log('No credential ' + TargetName + ' to delete');
end;

// keyring's Windows backend keeps the key saved last under the service name
// and moves the other regions' keys to "<region>@<service>". The regions are
// those in gui/core/regions.py.
procedure DeleteStoredKeys();
begin
  DeleteCredential('{#CredentialService}');
  DeleteCredential('beijing@{#CredentialService}');
  DeleteCredential('singapore@{#CredentialService}');
  DeleteCredential('virginia@{#CredentialService}');
  DeleteCredential('sandbox@{#CredentialService}');
end;

// Uninstalling keeps the user's data unless they agree to delete it: settings,
// history and logs in %LOCALAPPDATA%\PixelPost, a portable data folder in the
// install folder, and the stored API keys. Results in Pictures\PixelPost are
// never deleted. A silent uninstall keeps everything.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep <> usPostUninstall) or UninstallSilent() then
    Exit;
  DataDir := ExpandConstant('{localappdata}\{#AppName}');
  if MsgBox(FmtMessage(CustomMessage('RemoveUserData'), [DataDir]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  DelTree(DataDir, True, True, True);
  DelTree(ExpandConstant('{app}\data'), True, True, True);
  DeleteFile(ExpandConstant('{app}\portable.txt'));
  RemoveDir(ExpandConstant('{app}'));
  DeleteStoredKeys();
end;
