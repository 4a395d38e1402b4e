package main

import (
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

// A folder that refuses the copy is named, with why, in French: not the
// store's English « backup: open …/.x.db.partial-752387143: permission
// denied ». (The error is the one data.Backup returns: a test run as root,
// as CI is, cannot be refused by a folder's permissions.)
func TestBackupFailedSaysTheFolder(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("backup: %w", &fs.PathError{Op: "open", Path: "/srv/ro/.x.db.partial-1", Err: syscall.EACCES}): "sauvegarde impossible, aucune copie écrite : dossier /srv/ro : accès refusé",
		fmt.Errorf("backup: %w", &fs.PathError{Op: "open", Path: "/srv/ro/.x.db.partial-1", Err: syscall.EROFS}):  "sauvegarde impossible, aucune copie écrite : dossier /srv/ro : système de fichiers en lecture seule",
		fmt.Errorf("backup: copy: disk I/O error"):                                                                "sauvegarde impossible, aucune copie écrite : backup: copy: disk I/O error",
	} {
		if got := backupFailed("/srv/ro/x.db", err).Error(); got != want {
			t.Errorf("backupFailed(%v) = %q, want %q", err, got, want)
		}
	}
}
