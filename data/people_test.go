package data

import (
	"errors"
	"testing"
	"time"
)

func TestRightsEnd(t *testing.T) {
	t.Parallel()
	reg := func(annee int, statut string) Registration { return Registration{Annee: annee, Statut: statut} }
	paris := ParisLocation()
	for _, c := range []struct {
		name string
		p    Person
		regs []Registration
		want time.Time
	}{
		{"2025/2026", Person{Category: Student}, []Registration{reg(2025, "valide")}, date(2026, 12, 31)},
		{"2026/2027", Person{Category: Student}, []Registration{reg(2026, "valide")}, date(2027, 12, 31)},
		{"the last valid year counts", Person{Category: Student},
			[]Registration{reg(2023, "valide"), reg(2025, "valide"), reg(2024, "valide")}, date(2026, 12, 31)},
		{"a cancelled registration does not", Person{Category: Student},
			[]Registration{reg(2025, "valide"), reg(2026, "annulee")}, date(2026, 12, 31)},
		{"nothing valid: no rights", Person{Category: Student}, []Registration{reg(2026, "annulee")}, time.Time{}},
		{"no registration: no rights", Person{Category: Student}, nil, time.Time{}},
		{"staff: date_fin", Person{Category: Staff, StaffEnd: date(2029, 8, 31)}, nil, date(2029, 8, 31)},
	} {
		if got := RightsEnd(c.p, c.regs, paris); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	end := date(2026, 12, 31)
	for at, want := range map[time.Time]bool{
		time.Date(2026, 12, 31, 23, 59, 59, 999_999_999, paris): true,
		time.Date(2027, 1, 1, 0, 0, 0, 0, paris):                false,
		time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC):         false, // 00:30 on 01/01 in Paris
		time.Date(2026, 12, 31, 22, 59, 59, 0, time.UTC):        true,
	} {
		if got := RightsActive(end, at); got != want {
			t.Errorf("RightsActive(31/12/2026, %v) = %v", at, got)
		}
	}
	if RightsActive(time.Time{}, time.Now()) {
		t.Error("no end date means no rights")
	}
}

func TestAcademicYear(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	for at, want := range map[time.Time]int{
		date(2026, 8, 31): 2025, date(2026, 9, 1): 2026, date(2026, 11, 25): 2026, date(2027, 1, 1): 2026,
		// 31/08 23:30 UTC is already 1 September in Montpellier
		time.Date(2026, 8, 31, 23, 30, 0, 0, time.UTC): 2026,
	} {
		if got := s.AcademicYear(at); got != want {
			t.Errorf("AcademicYear(%v) = %d, want %d", at, got, want)
		}
	}
}

// Login works through 31/12 and is refused from 01/01 00:00 local time;
// the refusal says so only to someone who gave the right password.
func TestLoginRefusedWhenRightsEnd(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s,
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2025;SLINF2;L2 Informatique;Licence Informatique;Faculté des Sciences;Formation initiale;valide;paye;2025-09-02T10:15:00+02:00;",
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;L3 Informatique;Licence Informatique;Faculté des Sciences;Formation initiale;annulee;paye;2026-09-02T10:15:00+02:00;",
		staff("Moreau", "Inès", "09/09/1985", "ines.moreau@example.org", "31/08/2027"))
	clock.Set(clockStart) // 25/11/2026
	activate(t, s, "camille.martin", "camille.martin@example.org", "Grue-Lanterne-Opale-73")
	activate(t, s, "ines.moreau", "ines.moreau@example.org", "Phare-Ardoise-Cigale-58")
	for _, c := range []struct {
		ident, pw string
		lastDay   time.Time
	}{
		{"camille.martin", "Grue-Lanterne-Opale-73", date(2026, 12, 31)}, // 2025/2026 valid, 2026/2027 cancelled
		{"ines.moreau@umontpellier.fr", "Phare-Ardoise-Cigale-58", date(2027, 8, 31)},
	} {
		clock.Set(c.lastDay.Add(24*time.Hour - time.Second)) // 23:59:59 on the last day
		a, err := s.Login(ctx, c.ident, c.pw, Origin{Client: "rights-" + c.ident})
		if err != nil {
			t.Fatalf("%s on the last day: %v", c.ident, err)
		}
		if !a.RightsEnd.Equal(c.lastDay) {
			t.Fatalf("%s: rights end %v, want %v", c.ident, a.RightsEnd, c.lastDay)
		}
		clock.Set(c.lastDay.AddDate(0, 0, 1)) // 00:00 the next day
		_, err = s.Login(ctx, c.ident, c.pw, Origin{Client: "rights-" + c.ident})
		var ended *RightsEndedError
		if !errors.As(err, &ended) || !ended.End.Equal(c.lastDay) {
			t.Fatalf("%s the next day: %v, want RightsEndedError(%v)", c.ident, err, c.lastDay)
		}
		if ended.Error() != "rights ended on "+c.lastDay.Format("02/01/2006") {
			t.Fatalf("message %q", ended.Error())
		}
		_, err = s.Login(ctx, c.ident, c.pw+"x", Origin{Client: "rights-wrong-" + c.ident})
		if !errors.Is(err, ErrInvalidCredentials) {
			t.Fatalf("%s, wrong password after the end: %v, want ErrInvalidCredentials", c.ident, err)
		}
	}
	// A new valid registration opens the rights again.
	clock.Set(date(2027, 1, 2))
	importLines(t, s, "21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;L3 Informatique;Licence Informatique;Faculté des Sciences;Formation initiale;valide;paye;2026-09-02T10:15:00+02:00;")
	if _, err := s.Login(ctx, "camille.martin", "Grue-Lanterne-Opale-73", Origin{Client: "rights-again"}); err != nil {
		t.Fatalf("after the registration became valid: %v", err)
	}
}
