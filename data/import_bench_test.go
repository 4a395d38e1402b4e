package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// universityExport writes a registration export the size of the
// university: n lines, about one student in six with a second registration
// (a DU, a double licence), names drawn so that homonyms occur as in life.
func universityExport(n int) string {
	r := rand.New(rand.NewPCG(2026, 11))
	prenoms := []string{"Camille", "Léa", "Hugo", "Jean-Luc", "Marie", "Paul", "Inès", "Lucas", "Emma", "Louis",
		"Chloé", "Gabriel", "Manon", "Arthur", "Jade", "Raphaël", "Louise", "Jules", "Alice", "Adam", "Lina", "Maël",
		"Rose", "Nathan", "Anna", "Théo", "Zoé", "Noah", "Mila", "Tom", "Ambre", "Sacha", "Julia", "Éthan", "Léna",
		"Timéo", "Lou", "Mathis", "Agathe", "Nolan", "Clara", "Enzo", "Sarah", "Yanis", "Eva", "Axel", "Margaux",
		"Mohamed", "Yasmine", "Baptiste", "Océane", "Antoine", "Pauline", "Maxime", "Mathilde", "Quentin", "Lucie",
		"Romain", "Élise", "Clément", "Juliette", "Alexandre", "Charlotte", "Victor", "Héloïse", "Samuel", "Anaïs",
		"Bastien", "Justine", "Florian", "Morgane", "Kevin", "Marine", "Aurélien", "Laura", "Dylan", "Célia"}
	noms := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
		"Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
		"Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
		"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
		"Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
		"Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
		"Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard",
		"Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard",
		"Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine",
		"Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva",
		"Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez",
		"Berger", "Lecomte", "Menard", "Fleury", "Deschamps", "Carpentier", "Julien", "Benoit", "Paris", "Maillard",
		"Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier",
		"Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot",
		"Guyot", "Barre", "Marty", "Cousin", "D'Alembert", "Le Guen", "Œuvray", "N'Diaye", "Ben Saïd", "Da Costa"}
	etapes := []struct{ code, libelle, diplome, composante string }{
		{"SLINF1", "Licence 1 Informatique", "Licence Informatique", "Faculté des Sciences"},
		{"SLMAT2", "Licence 2 Mathématiques", "Licence Mathématiques", "Faculté des Sciences"},
		{"DLDRO1", "Licence 1 Droit", "Licence Droit", "Faculté de Droit et de Science Politique"},
		{"DMDPR2", "Master 2 Droit privé", "Master Droit privé", "Faculté de Droit et de Science Politique"},
		{"IBGEA2", "BUT 2 Gestion des entreprises et des administrations", "BUT GEA", "IUT de Montpellier-Sète"},
		{"IBINF1", "BUT 1 Informatique", "BUT Informatique", "IUT de Montpellier-Sète"},
		{"MPASS1", "Parcours d'accès spécifique santé", "PASS", "Faculté de Médecine Montpellier-Nîmes"},
		{"EMMEE1", "Master 1 MEEF Premier degré", "Master MEEF", "Faculté d'Éducation"},
	}
	var b strings.Builder
	b.Grow(n * 220)
	b.WriteString(importHeader)
	base := time.Date(2026, 7, 1, 9, 0, 0, 0, ParisLocation())
	for line, student := 0, 0; line < n; student++ {
		number := fmt.Sprintf("2%07d", student)
		prenom, nom := prenoms[r.IntN(len(prenoms))], noms[r.IntN(len(noms))]
		birth := time.Date(1995+r.IntN(12), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		regs := 1
		if r.IntN(6) == 0 {
			regs = 2
		}
		for k := 0; k < regs && line < n; k++ {
			e := etapes[(student+k*3)%len(etapes)]
			validated := base.Add(time.Duration(r.IntN(120*24*60)) * time.Minute)
			fmt.Fprintf(&b, "%s;%s;%s;%s;e%d@example.org;etudiant;2026;%s;%s;%s;%s;Formation initiale;valide;paye;%s;\n",
				number, nom, prenom, birth.Format("02/01/2006"), student, e.code, e.libelle, e.diplome, e.composante,
				validated.Format(time.RFC3339))
			line++
		}
	}
	return b.String()
}

// BenchmarkImport60000 imports an export of 60,000 registration lines into
// an empty store (the size of the university), then the same file again.
// The target is under 5 s on a 2-core machine (issue 14); the CPU time
// is reported too, steadier than the time on a shared machine.
//
//	go test ./data -run '^$' -bench Import60000 -benchtime 1x
func BenchmarkImport60000(b *testing.B) {
	export := universityExport(60000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
		s, err := Open(testStorePath(b), Config{Clock: clock, Hasher: testHasher,
			LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		io0 := procIO(b)
		cpu0 := cpuTime(b)
		start := time.Now()
		rep, err := s.Import(ctx, strings.NewReader(export), Origin{Client: "bench"})
		first := time.Since(start)
		firstCPU := cpuTime(b) - cpu0
		io1 := procIO(b)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		start = time.Now()
		again, err := s.Import(ctx, strings.NewReader(export), Origin{Client: "bench"})
		second := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Refused != 0 || rep.Created+rep.Updated != 60000 || again.Unchanged != 60000 {
			b.Fatalf("first %d created %d updated %d refused; second %d unchanged",
				rep.Created, rep.Updated, rep.Refused, again.Unchanged)
		}
		b.ReportMetric(first.Seconds(), "s-first")
		b.ReportMetric(firstCPU.Seconds(), "s-first-cpu")
		b.ReportMetric(second.Seconds(), "s-again")
		b.Logf("60,000 lines: %d accounts created in %.2fs, CPU %.2fs (%d write calls, %d MiB written, %d read calls); "+
			"same file again (%d unchanged) in %.2fs", len(rep.Accounts), first.Seconds(), firstCPU.Seconds(), io1["syscw"]-io0["syscw"],
			(io1["wchar"]-io0["wchar"])>>20, io1["syscr"]-io0["syscr"], again.Unchanged, second.Seconds())
		s.Close()
		b.StartTimer()
	}
}

// cpuTime is the CPU time (user + system) this process has used: on a
// machine shared with other work, it changes less than the time taken.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procIO is this process's I/O counters (/proc/self/io): system calls and bytes.
func procIO(b *testing.B) map[string]int64 {
	raw, err := os.ReadFile("/proc/self/io")
	if err != nil {
		b.Fatal(err)
	}
	out := map[string]int64{}
	for _, line := range strings.Split(string(raw), "\n") {
		if k, v, ok := strings.Cut(line, ": "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			out[k] = n
		}
	}
	return out
}

// TestHelperWriteExport writes the benchmark's export to a file, to time
// the command itself:
//
//	ENTKIOSK_WRITE_EXPORT=/tmp/ia60000.csv go test ./data -run TestHelperWriteExport
//	time go run . import --db /tmp/bench.db /tmp/ia60000.csv
func TestHelperWriteExport(t *testing.T) {
	t.Parallel()
	path := os.Getenv("ENTKIOSK_WRITE_EXPORT")
	if path == "" {
		t.Skip("writes the 60,000-line export when ENTKIOSK_WRITE_EXPORT names a file")
	}
	if err := os.WriteFile(path, []byte(universityExport(60000)), 0o600); err != nil {
		t.Fatal(err)
	}
}
