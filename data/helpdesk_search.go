package data

import (
	"context"
	"strings"
	"unicode"
)

// SearchLimit is how many people a search lists; the total is counted.
const SearchLimit = 50

// SearchHit is one person found.
type SearchHit struct {
	PersonID      int64
	Nom, Prenom   string
	StudentNumber string // empty for staff
	Category      Category
	Identifiant   string // empty: no account yet
	Status        string
	RightsEnded   bool // the account's rights are over (whatever its status)
}

// SearchResult is the first SearchLimit people found, and how many there are.
type SearchResult struct {
	Hits  []SearchHit
	Total int
}

// HelpdeskSearch finds people by name (accents, case, apostrophes and
// hyphens ignored; every word typed, anywhere in the name), by student
// number (or its beginning) or by identifiant (or the beginning of its
// local part).
func (s *Store) HelpdeskSearch(ctx context.Context, agent *Account, query string) (*SearchResult, error) {
	if _, err := s.agentRow(ctx, s.db, agent); err != nil {
		return nil, err
	}
	// A personal address is not searched: by its local part, the one an
	// identifiant search takes, x@gmail.com found the account x, someone
	// else's as often as not.
	if s.PersonalAddress(query) {
		return &SearchResult{}, nil
	}
	where, args := searchCondition(query)
	if where == "" {
		return &SearchResult{}, nil
	}
	// One scan: the window count is taken over every match, before LIMIT.
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.nom, p.prenom, COALESCE(p.student_number, ''), p.category,
		COALESCE(a.identifiant, ''), COALESCE(a.status, ''), COUNT(*) OVER ()
		FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE `+where+`
		ORDER BY lower(p.nom), lower(p.prenom), p.id LIMIT ?`, append(args, SearchLimit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	res := &SearchResult{}
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.PersonID, &h.Nom, &h.Prenom, &h.StudentNumber, &h.Category, &h.Identifiant,
			&h.Status, &res.Total); err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	now := s.cfg.Clock.Now()
	for i := range res.Hits {
		h := &res.Hits[i]
		if h.Identifiant == "" {
			continue
		}
		p, err := s.person(ctx, s.db, h.PersonID)
		if err != nil {
			return nil, err
		}
		regs, err := s.registrations(ctx, s.db, h.PersonID)
		if err != nil {
			return nil, err
		}
		h.RightsEnded = !RightsActive(RightsEnd(p, regs, s.cfg.Location), now)
	}
	return res, nil
}

// searchKeySQL is people.search_name without apostrophes and with hyphens
// as spaces, the form searchWords gives the query.
const searchKeySQL = `replace(replace(replace(p.search_name, '''', ''), '’', ''), '-', ' ')`

// searchCondition turns what the agent typed into a WHERE clause.
func searchCondition(query string) (string, []any) {
	q := strings.TrimSpace(query)
	if q == "" || len(q) > MaxEmailLength {
		return "", nil
	}
	if digits := strings.ReplaceAll(q, " ", ""); isDigits(digits) {
		return `p.student_number LIKE ?`, []any{digits + "%"}
	}
	local, _ := NormalizeLogin(q)
	if strings.Contains(q, "@") {
		return `a.local_part = ?`, []any{local}
	}
	conds, args := []string{}, []any{}
	for _, w := range searchWords(q) {
		conds = append(conds, searchKeySQL+` LIKE ?`)
		args = append(args, "%"+w+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	// An identifiant's local part (marie.petit2) is also a name query.
	byName := "(" + strings.Join(conds, " AND ") + ")"
	return "(" + byName + ` OR a.local_part >= ? AND a.local_part < ?)`, append(args, local, local+"\U0010FFFF")
}

// searchWords folds a name query into words of letters and digits.
func searchWords(q string) []string {
	var b strings.Builder
	for _, r := range Fold(q) {
		switch {
		case isApostrophe(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
