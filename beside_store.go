package main

import (
	"path/filepath"

	"entkiosk/data"
)

// besideStore is where a file that defaults to "beside the store" goes (the
// host key, the kiosk's log): the store's folder, or for a PostgreSQL store,
// which has no folder here, the working directory (a service's
// WorkingDirectory=).
func besideStore(db, name string) string {
	if data.IsPostgresURL(db) {
		return name
	}
	return filepath.Join(filepath.Dir(db), name)
}
