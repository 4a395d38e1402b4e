package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"entkiosk/data"
)

func cmdMigrateStore(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "--from CHEMIN --to URL", "copie une base SQLite existante vers une base PostgreSQL vide "+
		"(ou un nouveau fichier SQLite), en une transaction, identifiants gardés, nombres de lignes vérifiés "+
		"table par table ; arrêtez d'abord les bornes et les serveurs qui utilisent la source")
	var from, to, passwordFile string
	f.str(&from, "from", "CHEMIN", "", "la base SQLite à copier (doit exister ; elle n'est pas modifiée, "+
		"sauf la mise à niveau de son schéma que ferait tout démarrage)")
	f.str(&to, "to", "URL", "", "la base cible, vide : postgres://utilisateur@hôte/base?sslmode=verify-full "+
		"(mot de passe par --db-password-file, PGPASSWORD ou ~/.pgpass, jamais dans l'URL), ou le chemin d'un nouveau fichier SQLite")
	f.str(&passwordFile, "db-password-file", "FICHIER", "", "fichier du mot de passe de la base cible PostgreSQL, une ligne, "+
		"lisible par son seul propriétaire (chmod 600) ; sinon PGPASSWORD ou ~/.pgpass")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if from == "" || to == "" {
		return usageError{"migrate-store : --from CHEMIN et --to URL sont obligatoires (entkiosk migrate-store --from entkiosk.db --to postgres://…)"}
	}
	if u, err := url.Parse(to); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			return usageError{"migrate-store : --to : pas de mot de passe dans l'URL (il se lirait dans la liste des processus) ; " +
				"donnez-le par PGPASSWORD ou ~/.pgpass"}
		}
	}
	var err error
	if sameFile(from, to) {
		return usageError{"migrate-store : --from et --to désignent la même base"}
	}
	var target data.Config
	if passwordFile != "" {
		if !data.IsPostgresURL(to) {
			return usageError{"migrate-store : --db-password-file ne sert qu'avec une cible PostgreSQL (--to postgres://…)"}
		}
		if target.DBPassword, err = data.ReadPasswordFile(passwordFile); err != nil {
			return fmt.Errorf("migrate-store : %w", err)
		}
	}
	src, err := data.Open(from, data.Config{MustExist: true})
	if err != nil {
		return fmt.Errorf("migrate-store : source : %w", err)
	}
	defer src.Close()
	dst, err := data.Open(to, target)
	if err != nil {
		return fmt.Errorf("migrate-store : cible : %w", err)
	}
	defer dst.Close()
	fmt.Fprintf(stdout, "copie de %s vers %s\n", from, showTarget(to))
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		var ne *data.NotEmptyError
		if errors.As(err, &ne) {
			return fmt.Errorf("migrate-store : %s : %w ; rien n'a été copié", showTarget(to), err)
		}
		return fmt.Errorf("migrate-store : copie annulée, rien n'est gardé dans la cible : %w", err)
	}
	var total int64
	for _, c := range counts {
		fmt.Fprintf(stdout, "  %-18s %9d\n", c.Table, c.Rows)
		total += c.Rows
	}
	fmt.Fprintf(stdout, "copie validée : %d tables, %d lignes, chaque table comptée dans la source et dans la cible\n",
		len(counts), total)
	// The copy's audit log must verify as the source's did: same rows, same hashes.
	dst.Close()
	target.MustExist = true
	dst, err = data.Open(to, target)
	if err != nil {
		return fmt.Errorf("migrate-store : réouverture de la cible : %w", err)
	}
	chain, err := dst.VerifyAuditChain(ctx)
	if err != nil {
		return fmt.Errorf("migrate-store : vérification du journal d'audit de la cible : %w", err)
	}
	if len(chain.Breaks) > 0 {
		return fmt.Errorf("migrate-store : le journal d'audit copié est rompu en %d endroit(s) (entkiosk audit --verify --db %s "+
			"les montre ; la source a-t-elle les mêmes ? entkiosk audit --verify --db %s)", len(chain.Breaks), showTarget(to), from)
	}
	fmt.Fprintf(stdout, "journal d'audit de la cible : chaîne intacte, %d entrées, dernière empreinte %s\n", chain.Entries, chain.Head)
	return nil
}

// showTarget is the target without any password (there should be none).
func showTarget(to string) string {
	if u, err := url.Parse(to); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	return to
}

// sameFile: two SQLite paths to one file.
func sameFile(a, b string) bool {
	if strings.Contains(b, "://") {
		return false
	}
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	if errA != nil || errB != nil {
		ra, rb = filepath.Clean(a), filepath.Clean(b)
	}
	aa, _ := filepath.Abs(ra)
	ab, _ := filepath.Abs(rb)
	return aa == ab
}
