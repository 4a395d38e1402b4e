package main

import (
	"testing"

	"entkiosk/data"
	"entkiosk/data/text"
)

// The import's summary agrees each count with its noun (the scripts in
// testdata/script/import.txtar see the singulars).
func TestImportSummaryPlurals(t *testing.T) {
	t.Parallel()
	got := importSummary(text.French, &data.ImportReport{Created: 4, Updated: 1, Unchanged: 4, Refused: 7, Accounts: []string{"a", "b", "c"}})
	if want := "lignes : 4 créées, 1 mise à jour, 4 inchangées, 7 refusées ; comptes créés : 3"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
	got = importSummary(text.French, &data.ImportReport{Created: 1, Updated: 2, Unchanged: 1, Refused: 1})
	if want := "lignes : 1 créée, 2 mises à jour, 1 inchangée, 1 refusée ; comptes créés : 0"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}
