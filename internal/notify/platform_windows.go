package notify

import (
	"context"
	"log/slog"
	"os/exec"
	"syscall"
)

// toastScript shows a Windows toast with the title and body it reads from its
// environment (never from its command line, so no text is ever parsed as
// PowerShell). It shows under PowerShell's application ID: a toast needs a
// registered one, and an app installed by copying an .exe has none.
const toastScript = `$ErrorActionPreference = 'Stop'
[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] | Out-Null
[Windows.Data.Xml.Dom.XmlDocument, Windows.Data.Xml.Dom.XmlDocument, ContentType = WindowsRuntime] | Out-Null
$t = [System.Security.SecurityElement]::Escape($env:INTERVIEWDESK_NOTE_TITLE)
$b = [System.Security.SecurityElement]::Escape($env:INTERVIEWDESK_NOTE_BODY)
$xml = New-Object Windows.Data.Xml.Dom.XmlDocument
$xml.LoadXml("<toast><visual><binding template=""ToastGeneric""><text>$t</text><text>$b</text></binding></visual></toast>")
$toast = [Windows.UI.Notifications.ToastNotification]::new($xml)
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe').Show($toast)`

// createNoWindow keeps PowerShell from flashing a console window.
const createNoWindow = 0x08000000

// Default shows toasts through PowerShell; a click on one does not reach the
// app.
func Default(ctx context.Context, log *slog.Logger) Notifier {
	n, err := newCommand("powershell.exe", program{
		args: func(Note) []string { return []string{"-NoProfile", "-NonInteractive", "-Command", toastScript} },
		env: func(n Note) []string {
			return []string{"INTERVIEWDESK_NOTE_TITLE=" + n.Title, "INTERVIEWDESK_NOTE_BODY=" + n.Body}
		},
		attrs: func(c *exec.Cmd) {
			c.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
		},
	})
	if err != nil {
		log.Info("no desktop notifications", "err", err)
		return None{}
	}
	return n
}
