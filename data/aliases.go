package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// AliasReport says what an alias export wrote.
type AliasReport struct {
	Redirections int      // lines in the map
	Skipped      []string // identifiants left out: an address unfit for the map (never expected)
	Unchanged    bool     // ExportAliases: the file already said exactly this and was left alone
}

// aliasHeader opens the map in the operators' language (the command line's,
// French); Postfix ignores the lines that start with "#".
const aliasHeader = `# Table d'alias virtuels de Postfix écrite par « entkiosk export aliases » :
# les redirections choisies par les titulaires des comptes (identifiant ->
# destination ; l'identifiant lui-même en plus quand une copie est gardée).
# Réécrite en entier à chaque export : ne pas la modifier à la main.
`

// WriteAliases writes the Postfix virtual alias map of the redirections of
// active accounts whose rights still run, sorted by identifiant. An account
// whose rights ended is left out: its mail is no longer forwarded.
func (s *Store) WriteAliases(ctx context.Context, w io.Writer) (AliasReport, error) {
	var rep AliasReport
	rows, err := s.db.QueryContext(ctx, `SELECT a.identifiant, a.redirect_email, a.redirect_keep_copy,
		p.category, p.staff_end, (SELECT MAX(r.annee) FROM registrations r
			WHERE r.person_id = a.person_id AND r.statut = 'valide')
		FROM accounts a JOIN people p ON p.id = a.person_id
		WHERE a.status = 'active' AND a.redirect_email IS NOT NULL AND a.redirect_email != ''
		ORDER BY a.identifiant`)
	if err != nil {
		return rep, err
	}
	defer rows.Close()
	now := s.cfg.Clock.Now()
	var b bytes.Buffer
	b.WriteString(aliasHeader)
	for rows.Next() {
		var ident, dest string
		var keep bool
		var category Category
		var staffEnd sql.NullString
		var lastYear sql.NullInt64
		if err := rows.Scan(&ident, &dest, &keep, &category, &staffEnd, &lastYear); err != nil {
			return rep, err
		}
		p := Person{Category: category, StaffEnd: s.parseDate(staffEnd)}
		regs := []Registration{{Annee: int(lastYear.Int64), Statut: "valide"}}
		if !lastYear.Valid {
			regs = nil
		}
		if !RightsActive(RightsEnd(p, regs, s.cfg.Location), now) {
			continue
		}
		if !fitForAliasMap(ident) || !fitForAliasMap(dest) {
			rep.Skipped = append(rep.Skipped, Clean(ident))
			continue
		}
		if strings.EqualFold(ident, dest) {
			continue // forwarding to itself: nothing to do (the store refuses it anyway)
		}
		fmt.Fprintf(&b, "%s %s", ident, dest)
		if keep {
			fmt.Fprintf(&b, ", %s", ident)
		}
		b.WriteByte('\n')
		rep.Redirections++
	}
	if err := rows.Err(); err != nil {
		return rep, err
	}
	_, err = w.Write(b.Bytes())
	return rep, err
}

// fitForAliasMap: one token Postfix reads as one address. Every address
// went through ParseEmail on its way in; this is the last line of defence
// against a line break, a space, a comma or a comment sign in the map.
func fitForAliasMap(addr string) bool {
	if _, err := ParseEmail(addr); err != nil {
		return false
	}
	return !strings.ContainsAny(addr, " \t\r\n,#\"\\:;<>()[]") && !strings.HasPrefix(addr, "@")
}

// ExportAliases writes the map to path atomically: a temporary file in the
// same folder, synced, renamed over the old one, so that Postfix (postmap,
// a reload) never reads half a file. A map that did not change is not
// rewritten (its modification time says when it last changed).
func (s *Store) ExportAliases(ctx context.Context, path string) (AliasReport, error) {
	var buf bytes.Buffer
	rep, err := s.WriteAliases(ctx, &buf)
	if err != nil {
		return rep, err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, buf.Bytes()) {
		rep.Unchanged = true
		return rep, nil
	}
	if err := writeFileAtomic(path, buf.Bytes(), 0o644); err != nil {
		return rep, fmt.Errorf("export aliases to %s: %w", path, err)
	}
	return rep, nil
}

func writeFileAtomic(path string, content []byte, mode os.FileMode) (err error) {
	// A folder at path is said as one: the rename over it would fail with
	// os.Rename's own words (« file exists »), after the file was written.
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return &os.PathError{Op: "write", Path: path, Err: syscall.EISDIR}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(content); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The rename itself must survive a power cut.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
