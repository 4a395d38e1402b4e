package data

import (
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// populationExport is an import of n students whose personal addresses
// follow the habits seen in real exports: mostly the big providers, some
// other domains, local parts made of the names (marie.petit, mpetit,
// petit.marie), with a number, or a nickname.
func populationExport(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	prenoms := []string{"Camille", "Léa", "Hugo", "Marie", "Paul", "Lucas", "Emma", "Louis", "Chloé", "Gabriel",
		"Manon", "Arthur", "Jade", "Raphaël", "Louise", "Jules", "Alice", "Adam", "Lina", "Rose", "Nathan", "Zoé",
		"Tom", "Sarah", "Yanis", "Eva", "Axel", "Mohamed", "Océane", "Antoine", "Pauline", "Quentin", "Lucie"}
	noms := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau",
		"Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Roux", "Vincent", "Fournier", "Girard",
		"Mercier", "Dupont", "Lambert", "Bonnet", "Faure", "Blanc", "Guérin", "Muller", "Henry", "Perrin", "Nguyen"}
	providers := []struct {
		domain string
		weight int
	}{{"gmail.com", 45}, {"hotmail.fr", 12}, {"outlook.fr", 8}, {"yahoo.fr", 6}, {"orange.fr", 6},
		{"free.fr", 5}, {"icloud.com", 4}, {"laposte.net", 3}, {"sfr.fr", 2}, {"wanadoo.fr", 2},
		{"lycee-joffre.fr", 3}, {"example.org", 2}, {"univ-perpignan.fr", 2}}
	total := 0
	for _, p := range providers {
		total += p.weight
	}
	var b strings.Builder
	b.WriteString(importHeader)
	for i := range n {
		prenom, nom := prenoms[r.IntN(len(prenoms))], noms[r.IntN(len(noms))]
		p, f := namePart(prenom), namePart(nom)
		var local string
		switch k := r.IntN(100); {
		case k < 40:
			local = p + "." + f
		case k < 50:
			local = p + f
		case k < 65:
			local = p[:1] + f
		case k < 75:
			local = fmt.Sprintf("%s.%s%02d", p, f, r.IntN(100))
		case k < 80:
			local = f + "." + p
		case k < 90:
			local = fmt.Sprintf("%s%d", p, 1998+r.IntN(10))
		default:
			local = []string{"zorglub", "kiwi", "lapin.bleu", "darkangel", "xx", "bob", "titou", "momo34"}[r.IntN(8)] +
				fmt.Sprint(r.IntN(1000))
		}
		w, domain := r.IntN(total), ""
		for _, pr := range providers {
			if w -= pr.weight; w < 0 {
				domain = pr.domain
				break
			}
		}
		fmt.Fprintf(&b, "%d%07d;%s;%s;01/01/2004;%s@%s;etudiant;2026;SLINF1;Licence 1;Licence;Sciences;"+
			"Formation initiale;valide;paye;2026-09-01T10:00:00+02:00;\n", 3+seed%6, i, nom, prenom, local, domain)
	}
	return b.String()
}

// maskFeatures are what an attacker can compare between the mask and the
// identifiant typed: the domain shown, and the shape of the local part
// (how many characters, whether they repeat the identifiant's, whether the
// last is a digit or the identifiant's last letter).
func maskFeatures(ident, mask string) (domain, shape string) {
	at := strings.LastIndexByte(mask, '@')
	l, d := mask[:at], mask[at+1:]
	head, tail, _ := strings.Cut(l, maskBullets)
	id := []rune(strings.TrimRightFunc(ident, unicode.IsDigit))
	h := []rune(head)
	follows := "other"
	switch {
	case len(h) >= 2 && len(id) >= 2 && h[0] == id[0] && h[1] == id[1]:
		follows = "first2"
	case len(h) >= 1 && len(id) >= 1 && h[0] == id[0]:
		follows = "first1"
	}
	last := "letter"
	if r, _ := utf8.DecodeRuneInString(tail); tail == "" {
		last = "none"
	} else if unicode.IsDigit(r) {
		last = "digit"
	} else if len(id) > 0 && r == id[len(id)-1] {
		last = "same"
	}
	return d, fmt.Sprintf("%s/%s/%d", follows, last, len(h)+utf8.RuneCountInString(tail))
}

// chiSquare compares two samples of one categorical feature; categories
// expected fewer than 5 times are pooled. It returns the statistic and
// the degrees of freedom.
func chiSquare(a, b map[string]int) (float64, int) {
	na, nb := 0, 0
	keys := map[string]bool{}
	for k, v := range a {
		na += v
		keys[k] = true
	}
	for k, v := range b {
		nb += v
		keys[k] = true
	}
	n := float64(na + nb)
	type cell struct{ a, b int }
	var cells []cell
	var pool cell
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		c := cell{a[k], b[k]}
		if tot := float64(c.a + c.b); tot*float64(min(na, nb))/n < 5 {
			pool.a, pool.b = pool.a+c.a, pool.b+c.b
			continue
		}
		cells = append(cells, c)
	}
	if pool.a+pool.b > 0 {
		cells = append(cells, pool)
	}
	stat := 0.0
	for _, c := range cells {
		tot := float64(c.a + c.b)
		ea, eb := tot*float64(na)/n, tot*float64(nb)/n
		stat += (float64(c.a)-ea)*(float64(c.a)-ea)/ea + (float64(c.b)-eb)*(float64(c.b)-eb)/eb
	}
	return stat, len(cells) - 1
}

// chiCritical is the chi-square value a statistic with dof degrees of
// freedom exceeds with probability 0.001 (Wilson–Hilferty).
func chiCritical(dof int) float64 {
	k := float64(dof)
	z := 3.0902 // the normal quantile of 0.999
	v := 1 - 2/(9*k) + z*math.Sqrt(2/(9*k))
	return k * v * v * v
}

// oldDecoyMask is how decoys were drawn before: 13 providers, the
// identifiant's initial half the time. The test below must catch it.
func oldDecoyMask(s *Store, identifiant string) string {
	sum := s.decoyHMAC("decoy-mask", identifiant)
	first := string(rune('a' + int(sum[0])%26))
	if identifiant != "" && sum[1]%2 == 0 {
		first = identifiant[:1]
	}
	providers := []string{"gmail.com", "hotmail.fr", "hotmail.com", "yahoo.fr", "outlook.fr", "outlook.com",
		"orange.fr", "free.fr", "laposte.net", "sfr.fr", "icloud.com", "live.fr", "wanadoo.fr"}
	return MaskEmail(first + "x@" + providers[int(sum[2])%len(providers)])
}

// Decoy masks cannot be told from real ones: over the demo people and an
// imported population, the domains and the shapes of decoys for unknown
// identifiants (of the same kind: prenom.nom) follow the real masks'
// distribution, by a chi-square test at the 0.001 level. The same test
// tells the old decoys apart, so it has the power to.
func TestDecoyMasksFollowTheRealOnes(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	s.secret = []byte("a fixed secret, so that the draw is the same at every run")
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, strings.NewReader(populationExport(1500, 1)), testOrigin); err != nil {
		t.Fatal(err)
	}
	realDomain, realShape := map[string]int{}, map[string]int{}
	known := map[string]bool{}
	rows, err := s.db.Query(`SELECT local_part, recovery_email FROM accounts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var ident, addr string
		if err := rows.Scan(&ident, &addr); err != nil {
			t.Fatal(err)
		}
		known[ident] = true
		d, sh := maskFeatures(ident, MaskEmail(addr))
		realDomain[d]++
		realShape[sh]++
	}
	rows.Close()
	// Unknown identifiants as a stranger would guess them: names of people
	// who are not in the store (another draw of the same names).
	var unknown []string
	for _, line := range strings.Split(populationExport(3000, 2), "\n")[1:] {
		f := strings.Split(line, ";")
		if len(f) < 3 {
			continue
		}
		ident := LocalPart(f[2], f[1])
		if !known[ident] && len(unknown) < 1500 {
			known[ident] = true
			unknown = append(unknown, ident)
		}
	}
	if len(unknown) < 200 {
		t.Fatalf("only %d unknown identifiants", len(unknown))
	}
	decoyDomain, decoyShape := map[string]int{}, map[string]int{}
	oldDomain, oldShape := map[string]int{}, map[string]int{}
	stable := map[string]string{}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, ident := range unknown {
			m, err := s.decoyMaskTx(ctx, tx, ident)
			if err != nil {
				return err
			}
			stable[ident] = m
			d, sh := maskFeatures(ident, m)
			decoyDomain[d]++
			decoyShape[sh]++
			d, sh = maskFeatures(ident, oldDecoyMask(s, ident))
			oldDomain[d]++
			oldShape[sh]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name           string
		real, new, old map[string]int
	}{{"domain", realDomain, decoyDomain, oldDomain}, {"shape", realShape, decoyShape, oldShape}} {
		stat, dof := chiSquare(f.real, f.new)
		crit := chiCritical(dof)
		t.Logf("%s: real %v", f.name, f.real)
		t.Logf("%s: decoys %v: chi² %.1f, %d dof, critical %.1f", f.name, f.new, stat, dof, crit)
		if stat > crit {
			t.Errorf("%s: decoys are told from real masks (chi² %.1f > %.1f)", f.name, stat, crit)
		}
		oldStat, oldDof := chiSquare(f.real, f.old)
		if oldStat <= chiCritical(oldDof) {
			t.Errorf("%s: the test cannot tell even the old decoys (chi² %.1f)", f.name, oldStat)
		}
		t.Logf("%s: old decoys: chi² %.1f, %d dof, critical %.1f", f.name, oldStat, oldDof, chiCritical(oldDof))
	}

	// Stable: the same identifiant gets the same decoy after more people
	// are imported (the draw would now pick other templates).
	if _, err := s.Import(ctx, strings.NewReader(populationExport(300, 3)), testOrigin); err != nil {
		t.Fatal(err)
	}
	for _, ident := range unknown[:50] {
		if got := s.decoyMask(ident); got != stable[ident] {
			t.Fatalf("%s: decoy %q became %q after an import", ident, stable[ident], got)
		}
	}
}
