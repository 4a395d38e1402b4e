package tui

import (
	"fmt"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/screens"
)

func openLookup(tm *testModel) {
	tm.send(screens.NavigateMsg{Page: screens.PageLookup}) // what home's entry asks for
}

// lookupPair types a student number and a birth date and submits.
func (tm *testModel) lookupPair(number, birth string) {
	tm.typeText(number)
	tm.press("enter")
	tm.typeText(birth)
	tm.press("enter")
}

func TestLookupJeanLucShowsBothRegistrations(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.requireScreen("Consulter mon inscription (IA)", "Numéro étudiant", "Date de naissance", "[ Consulter ]")
	tm.requireGolden()
	tm.typeText("22107777")
	tm.press("enter")
	tm.typeText("16112003")
	_, looking := tm.Model.Update(keyMsg("enter"))
	tm.typeText("99") // typed while the store works: dropped
	tm.settle(looking)
	tm.requireScreen("Jean-Luc D'Alembert", "22107777",
		"Identifiant : jean-luc.dalembert@etu.umontpellier.fr (compte à activer)",
		"Ressources accessibles jusqu'au 31/12/2027",
		"Inscriptions de l'année universitaire en cours (2)",
		"Master 1 Physique fondamentale", "SMPHY1", "DU Astronomie et astrophysique", "SDUAST",
		"Master Physique", "Faculté des Sciences", "Formation initiale", "Formation continue",
		"validée", "payé", "en attente", "22/11/2026", "2026/2027",
		"Nouvelle consultation", "Activer mon compte (1ère connexion)")
	tm.requireWidth(80)
	tm.pagesGolden("result")

	// esc: one step back, the form as it was; a new lookup starts empty.
	tm.press("esc")
	tm.requireScreen("┃ 22107777", "┃ 16112003 ")
	tm.press("enter")
	tm.requireScreen("Jean-Luc D'Alembert")
	tm.press("enter") // Nouvelle consultation
	if strings.Contains(tm.screen(), "22107777") {
		t.Fatalf("a new lookup shows the previous one:\n%s", tm.screen())
	}
	// The account can be activated from here.
	tm.lookupPair("22107777", "16/11/2003")
	tm.press("tab", "enter")
	if _, still := tm.Screen().(*screens.Lookup); still {
		t.Fatalf("1ère connexion did not open:\n%s", tm.screen())
	}
}

// A wrong pair says only that nothing matches, whichever half is wrong.
func TestLookupUnknownPair(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("22107777", "17112003")
	tm.requireScreen("✗ Aucune inscription ne correspond à ce numéro étudiant et à cette date de", "naissance.")
	tm.requireGolden()
	wrongDate := tm.screen()

	tm2 := newTestModel(t)
	openLookup(tm2)
	tm2.lookupPair("29999999", "17112003")
	if tm2.screen() != strings.Replace(wrongDate, "22107777", "29999999", 1) {
		t.Fatalf("an unknown number answers differently from a wrong date:\n%s\n%s", wrongDate, tm2.screen())
	}
}

func TestLookupDateChecks(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("22107777", "1611203")
	tm.requireScreen("Date attendue au format jjmmaaaa, par exemple 14072004.")
	for range 7 {
		tm.press("backspace")
	}
	tm.typeText("31022004")
	tm.press("enter")
	tm.requireScreen("Le 31/02/2004 n'existe pas : vérifiez la date de naissance.")
	tm.requireGolden()

	// 29/02/2004 is a real date: it goes to the store (and does not match).
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("29022004")
	tm.press("enter")
	tm.requireScreen("Aucune inscription ne correspond")
	if strings.Contains(tm.screen(), "n'existe pas") {
		t.Fatalf("29/02/2004 refused:\n%s", tm.screen())
	}

	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("01012099")
	tm.press("enter")
	tm.requireScreen("Cette date de naissance n'est pas plausible")
}

func TestLookupSevenDigits(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("2210777", "16112003")
	tm.requireScreen("Le numéro étudiant compte exactement 8 chiffres (7 saisis).", "› Numéro étudiant")
	tm.press("backspace")
	tm.typeText("7a")
	tm.press("enter", "enter")
	tm.requireScreen("Le numéro étudiant ne contient que des chiffres")
}

// No registration this year: said, and the latest year shown.
func TestLookupLatestYear(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("21500042", "05051999")
	tm.requireScreen("Paul Bernard", "Aucune inscription pour l'année universitaire 2026/2027.",
		"Dernière année d'inscription : 2024/2025", "Master 2 Droit privé", "Faculté de Droit et de Science Politique",
		"Accès aux ressources terminé le 31/12/2025", "Identifiant : paul.bernard@etu.umontpellier.fr")
	if strings.Contains(tm.screen(), "1ère connexion") {
		t.Fatal("an active account is offered activation")
	}
	tm.requireGolden()
}

// Too many wrong pairs for a number: the store's limit, said in words.
func TestLookupThrottled(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("22107777", "01012003")
	for i := 2; i <= 6; i++ {
		tm.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
		tm.typeText("0101200" + string(rune('0'+i)))
		tm.press("enter")
	}
	tm.requireScreen("Trop d'essais pour ce numéro étudiant. Réessayez le")
	// Even the right pair waits now.
	tm.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	tm.typeText("16112003")
	tm.press("enter")
	tm.requireScreen("Trop d'essais pour ce numéro étudiant.")
}

func TestLookupEnglish(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t, func(o *Options) { o.Lang = screens.English })
	openLookup(tm)
	tm.lookupPair("22107777", "16112003")
	tm.requireScreen("Registrations of the current academic year (2)", "Validated on", "pending", "paid",
		"Resources accessible until 31/12/2027")
	tm.requireWidth(80)
}

// Many registrations in one year still fit 80 columns: two side by side,
// the others below, the whole result scrolling above its actions.
func TestLookupManyRegistrationsFit(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	var csv strings.Builder
	csv.WriteString("numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;libelle_etape;" +
		"diplome;composante;regime;statut_inscription;statut_paiement;date_validation\n")
	for i := range 5 {
		fmt.Fprintf(&csv, "23000005;Le Guen;Anne;02/02/2002;anne@example.org;etudiant;2026;CODE%d;Étape numéro %d au libellé "+
			"vraiment très long pour un tableau;Diplôme %d;Faculté de Droit et de Science Politique;Formation initiale;"+
			"valide;paye;2026-09-02T10:15:00+02:00\n", i, i, i)
	}
	if _, err := tm.store.Import(t.Context(), strings.NewReader(csv.String()), data.Origin{Client: "test"}); err != nil {
		t.Fatal(err)
	}
	openLookup(tm)
	tm.lookupPair("23000005", "02022002")
	tm.requireTextNB("Anne Le Guen", "Inscriptions de l'année universitaire en cours (5)",
		"Identifiant : anne.le-guen@etu.umontpellier.fr", "Étape numéro 1", "↓ suite (PgDn ou Espace)", "› Nouvelle consultation")
	tm.requireWidth(80)
	if strings.Contains(tm.screen(), "Étape numéro 2") {
		t.Fatalf("more registrations side by side than fit:\n%s", tm.screen())
	}
	tm.press("down")
	if strings.Contains(tm.screen(), "Anne Le Guen") {
		t.Fatalf("↓ did not scroll the result:\n%s", tm.screen())
	}
	tm.press("pgdown", "pgdown", "pgdown")
	tm.requireTextNB("Étape numéro 4", "CODE4", "— fin —", "› Nouvelle consultation")
	tm.pagesGolden("scrolled")
}

// Counts agree with their number: one registration, one digit typed.
func TestLookupCountsInWords(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("2", "14072004")
	tm.requireScreen("Le numéro étudiant compte exactement 8 chiffres (1 saisi).", "› Numéro étudiant")
	tm.press("backspace")
	tm.lookupPair("21901234", "")
	tm.requireTextNB("Camille Martin", "Inscription de l'année universitaire en cours (1) :")
	tm.press("f2")
	tm.requireScreen("Registration of the current academic year (1):")
}

// A refusal on the screen follows F2: it is kept as what to say, not as
// the words of the language it was first said in.
func TestLookupRefusalsFollowTheLanguage(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	openLookup(tm)
	tm.lookupPair("2210777", "31022004")
	tm.requireScreen("7 saisis", "Le 31/02/2004 n'existe pas")
	tm.press("f2")
	tm.requireScreen("7 typed", "31/02/2004")
	if strings.Contains(tm.screen(), "n'existe pas") {
		t.Fatalf("a refusal stayed in French after F2:\n%s", tm.screen())
	}
	tm.press("f2")
	tm.typeText("7") // the focus is on the first field refused
	tm.press("tab")
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("29022004")
	tm.press("enter")
	tm.requireScreen("Aucune inscription ne correspond")
	tm.press("f2")
	if strings.Contains(tm.screen(), "Aucune inscription") {
		t.Fatalf("the store's refusal stayed in French after F2:\n%s", tm.screen())
	}
}
