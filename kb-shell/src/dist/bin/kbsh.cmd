@echo off
rem kbsh launcher for Windows (cmd.exe). Not tested by the project's CI, which runs on Linux.
setlocal
set "KBSH_INSTALL=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
rem A heap ceiling, so that a plugin allocating without end fails as a plugin; KBSH_JAVA_OPTS adds options after it.
"%JAVA%" -Xmx512m -XX:+UseSerialGC %KBSH_JAVA_OPTS% -Dkbsh.install="%KBSH_INSTALL%" -cp "%KBSH_INSTALL%\lib\*" io.kbsh.shell.Main %*
exit /b %ERRORLEVEL%
