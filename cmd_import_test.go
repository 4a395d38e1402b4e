package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
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

// An import stopped on purpose (Ctrl+C, systemd's SIGTERM: its context
// ends) says so in the operator's language, with the line to resume from,
// never Go's « context canceled »; nothing of the batch is in.
func TestImportStoppedSaysSoInTheOperatorsWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "ia.csv")
	export := "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;libelle_etape;" +
		"diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n" +
		"21901234;Martin;Camille;14/07/2004;c@example.org;etudiant;2026;SLINF1;L1;L;FdS;FI;valide;paye;2026-09-02T10:15:00+02:00;\n"
	if err := os.WriteFile(file, []byte(export), 0o600); err != nil {
		t.Fatal(err)
	}
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct{ lang, want string }{
		{"fr", "import arrêté sur demande : les lignes avant la ligne 2 sont enregistrées"},
		{"en", "import stopped on request: the lines before line 2 are saved"},
	} {
		var out, errb bytes.Buffer
		err := cmdImport(stopped, "import", []string{"--db", filepath.Join(dir, c.lang+".db"), "--lang", c.lang, file}, &out, &errb)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "context") {
			t.Errorf("%s: %v, want %q…", c.lang, err, c.want)
		}
	}
}
