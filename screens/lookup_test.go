package screens

import (
	"fmt"
	"strings"
	"testing"

	"entkiosk/data"

	tea "github.com/charmbracelet/bubbletea"
)

// lookupPair types a student number and a birth date and submits.
func (f *screenFlow) lookupPair(number, birth string) {
	f.typeText(number)
	f.press("enter")
	f.typeText(birth)
	f.press("enter")
}

func TestLookupJeanLucShowsBothRegistrations(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.require("Consulter mon inscription (IA)", "Numéro étudiant", "Date de naissance", "[ Consulter ]")
	tm.requireGolden()
	tm.typeText("22107777")
	tm.press("enter")
	tm.typeText("16112003")
	var looking tea.Cmd
	tm.screen, looking = tm.screen.Update(tea.KeyMsg{Type: tea.KeyEnter})
	tm.typeText("99") // typed while the store works: dropped
	tm.settle(looking)
	tm.require("Jean-Luc D'Alembert", "22107777",
		"Identifiant : jean-luc.dalembert@etu.umontpellier.fr (compte à activer)",
		"Ressources accessibles jusqu'au 31/12/2027",
		"Inscriptions de l'année universitaire en cours (2)",
		"Master 1 Physique fondamentale", "SMPHY1", "DU Astronomie et astrophysique", "SDUAST",
		"Master Physique", "Faculté des Sciences", "Formation initiale", "Formation continue",
		"validée", "payé", "en attente", "22/11/2026", "2026/2027",
		"Nouvelle consultation", "Activer mon compte (1ère connexion)")
	tm.requireWidth(80)
	tm.requireGolden("result")

	// esc: one step back, the form as it was; a new lookup starts empty.
	tm.press("esc")
	tm.require("┃ 22107777", "┃ 16112003 ")
	tm.press("enter")
	tm.require("Jean-Luc D'Alembert")
	tm.press("enter") // Nouvelle consultation
	if strings.Contains(tm.text(), "22107777") {
		t.Fatalf("a new lookup shows the previous one:\n%s", tm.text())
	}
	// The account can be activated from here.
	tm.lookupPair("22107777", "16/11/2003")
	tm.press("tab", "enter")
	if nav, ok := tm.lastAsked().(NavigateMsg); !ok || nav.Page != PageActivation {
		t.Fatalf("1ère connexion asked %#v, not the activation:\n%s", tm.lastAsked(), tm.text())
	}
}

// A wrong pair says only that nothing matches, whichever half is wrong.
func TestLookupUnknownPair(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("22107777", "17112003")
	tm.require("✗ Aucune inscription ne correspond à ce numéro étudiant et à cette date de", "naissance.")
	tm.requireGolden()
	wrongDate := tm.text()

	tm2 := newFlow(t, PageLookup)
	tm2.lookupPair("29999999", "17112003")
	if tm2.text() != strings.Replace(wrongDate, "22107777", "29999999", 1) {
		t.Fatalf("an unknown number answers differently from a wrong date:\n%s\n%s", wrongDate, tm2.text())
	}
}

func TestLookupDateChecks(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("22107777", "1611203")
	tm.require("Date attendue au format jjmmaaaa, par exemple 14072004.")
	for range 7 {
		tm.press("backspace")
	}
	tm.typeText("31022004")
	tm.press("enter")
	tm.require("Le 31/02/2004 n'existe pas : vérifiez la date de naissance.")
	tm.requireGolden()

	// 29/02/2004 is a real date: it goes to the store (and does not match).
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("29022004")
	tm.press("enter")
	tm.require("Aucune inscription ne correspond")
	if strings.Contains(tm.text(), "n'existe pas") {
		t.Fatalf("29/02/2004 refused:\n%s", tm.text())
	}

	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("01012099")
	tm.press("enter")
	tm.require("Cette date de naissance n'est pas plausible")
}

func TestLookupSevenDigits(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("2210777", "16112003")
	tm.require("Le numéro étudiant compte exactement 8 chiffres (7 saisis).", "› Numéro étudiant")
	tm.press("backspace")
	tm.typeText("7a")
	tm.press("enter", "enter")
	tm.require("Le numéro étudiant ne contient que des chiffres")
}

// No registration this year: said, and the latest year shown.
func TestLookupLatestYear(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("21500042", "05051999")
	tm.require("Paul Bernard", "Aucune inscription pour l'année universitaire 2026/2027.",
		"Dernière année d'inscription : 2024/2025", "Master 2 Droit privé", "Faculté de Droit et de Science Politique",
		"Accès aux ressources terminé le 31/12/2025", "Identifiant : paul.bernard@etu.umontpellier.fr")
	if strings.Contains(tm.text(), "1ère connexion") {
		t.Fatal("an active account is offered activation")
	}
	tm.requireGolden()
}

// Too many wrong pairs for a number: the store's limit, said in words.
func TestLookupThrottled(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("22107777", "01012003")
	for i := 2; i <= 6; i++ {
		tm.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
		tm.typeText("0101200" + string(rune('0'+i)))
		tm.press("enter")
	}
	tm.require("Trop d'essais pour ce numéro étudiant. Réessayez le")
	// Even the right pair waits now.
	tm.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	tm.typeText("16112003")
	tm.press("enter")
	tm.require("Trop d'essais pour ce numéro étudiant.")
}

func TestLookupEnglish(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup, func(c *Common) { c.Lang = English })
	tm.lookupPair("22107777", "16112003")
	tm.require("Registrations of the current academic year (2)", "Validated on", "pending", "paid",
		"Resources accessible until 31/12/2027")
	tm.requireWidth(80)
}

// Many registrations in one year still fit 80 columns: two side by side,
// the others below, the whole result scrolling above its actions.
func TestLookupManyRegistrationsFit(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
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
	tm.lookupPair("23000005", "02022002")
	tm.require("Anne Le Guen", "Inscriptions de l'année universitaire en cours (5)",
		"Identifiant : anne.le-guen@etu.umontpellier.fr", "Étape numéro 1", "↓ suite (PgDn ou Espace)", "› Nouvelle consultation")
	tm.requireWidth(80)
	if strings.Contains(tm.text(), "Étape numéro 2") {
		t.Fatalf("more registrations side by side than fit:\n%s", tm.text())
	}
	tm.press("down")
	if strings.Contains(tm.text(), "Anne Le Guen") {
		t.Fatalf("↓ did not scroll the result:\n%s", tm.text())
	}
	tm.press("pgdown", "pgdown", "pgdown")
	tm.require("Étape numéro 4", "CODE4", "— fin —", "› Nouvelle consultation")
	tm.requireGolden("scrolled")
}

// Counts agree with their number: one registration, one digit typed.
func TestLookupCountsInWords(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("2", "14072004")
	tm.require("Le numéro étudiant compte exactement 8 chiffres (1 saisi).", "› Numéro étudiant")
	tm.press("backspace")
	tm.lookupPair("21901234", "")
	tm.require("Camille Martin", "Inscription de l'année universitaire en cours (1) :")
	tm.c.Lang = tm.c.Lang.Other() // F2, as the shell does it
	tm.require("Registration of the current academic year (1):")
}

// A refusal on the screen follows F2: it is kept as what to say, not as
// the words of the language it was first said in.
func TestLookupRefusalsFollowTheLanguage(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageLookup)
	tm.lookupPair("2210777", "31022004")
	tm.require("7 saisis", "Le 31/02/2004 n'existe pas")
	tm.c.Lang = tm.c.Lang.Other() // F2, as the shell does it
	tm.require("7 typed", "31/02/2004")
	if strings.Contains(tm.text(), "n'existe pas") {
		t.Fatalf("a refusal stayed in French after F2:\n%s", tm.text())
	}
	tm.c.Lang = tm.c.Lang.Other() // F2, as the shell does it
	tm.typeText("7")              // the focus is on the first field refused
	tm.press("tab")
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("29022004")
	tm.press("enter")
	tm.require("Aucune inscription ne correspond")
	tm.c.Lang = tm.c.Lang.Other() // F2, as the shell does it
	if strings.Contains(tm.text(), "Aucune inscription") {
		t.Fatalf("the store's refusal stayed in French after F2:\n%s", tm.text())
	}
}
