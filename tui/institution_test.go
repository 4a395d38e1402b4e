package tui

import (
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/screens"
)

// The institution's file decides the words that name it: the banner, the
// charter, Aide's contact. Three institutions: the demo's, another
// university's (the file `entkiosk institution init` writes), and none.

// withInstitution is a test model whose store has the demo people and inst.
func withInstitution(t *testing.T, inst *institution.Institution) *testModel {
	t.Helper()
	return newTestModel(t, func(o *Options) {
		s, err := data.Open(o.Store.Path(), data.Config{Clock: data.NewManualClock(testNow), Hasher: testHasher,
			Institution: inst, StudentDomain: "etu.umontpellier.fr"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		o.Store = s
	})
}

func TestInstitutionScreens(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name      string
		inst      func(*testing.T) *institution.Institution
		banner    string
		contact   string
		charter   string
		forbidden []string
	}{
		{"demo", func(*testing.T) *institution.Institution { return institution.Demo() }, "UNIVERSITÉ DE MONTPELLIER",
			"assistance-ent@example.org, 04 00 00 00 00", "DE L'UNIVERSITÉ DE MONTPELLIER", nil},
		{"exemple", func(*testing.T) *institution.Institution { return institution.Example() }, "UNIVERSITÉ D'EXEMPLE", "assistance@exemple.fr, 01 23 45 67 89",
			"CHARTE D'USAGE DES RESSOURCES NUMÉRIQUES", []string{"MONTPELLIER", "Montpellier"}},
		{"none", func(*testing.T) *institution.Institution { return nil }, "Environnement Numérique de Travail",
			"Assistance ENT : coordonnées, non communiquées", "CHARTE D'USAGE DES RESSOURCES NUMÉRIQUES",
			[]string{"MONTPELLIER", "Montpellier", "04 67", "assistance-ent"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tm := withInstitution(t, c.inst(t))
			forbid := func() {
				t.Helper()
				for _, f := range c.forbidden {
					if strings.Contains(tm.screen(), f) {
						t.Fatalf("%q shows:\n%s", f, tm.screen())
					}
				}
			}
			tm.requireScreen(c.banner)
			forbid()
			tm.pagesGolden("home")

			tm.send(screens.NavigateMsg{Page: screens.PageHelp, Topic: "contact"})
			mail, phone, _ := strings.Cut(c.contact, ", ")
			tm.requireTextNB(mail, phone) // the phone number on one line
			forbid()
			tm.pagesGolden("help-contact")

			tm.send(screens.NavigateMsg{Page: screens.PageHome})
			tm.camilleAtCharter()
			tm.requireScreen(c.charter)
			forbid()
			tm.pagesGolden("charter")
		})
	}
}

// A new version of the charter is accepted at the next login, once, before
// the dashboard; the audit log names the version accepted.
func TestNewCharterAcceptedOnceAtLogin(t *testing.T) {
	t.Parallel()
	next := institution.Demo()
	next.Charter.Version = "2027-01"
	next.Charter.Text.FR = "CHARTE 2027\n\nArticle unique. Les règles ont changé."
	tm := withInstitution(t, next)

	tm.pagesLogin("hugo.lefevre", "Kiosque-Demo-2026")
	tm.requireScreen("Nouvelle charte d'usage", "CHARTE 2027")
	tm.requireTextNB("(version 2027-01)", "Échap vous", "(lu à 100 %)")
	tm.press("tab", "enter") // « Continuer » without the box ticked
	tm.requireTextNB("Cochez la case pour accepter la charte")
	tm.pagesGolden("charter-step")
	tm.press("space", "enter") // the focus is on the box; ticked, Enter goes on
	tm.requireScreen("Hugo")
	if strings.Contains(tm.screen(), "Nouvelle charte") {
		t.Fatalf("still on the charter:\n%s", tm.screen())
	}
	entries, err := tm.Model.c.Store.AuditLog(t.Context(), data.AuditFilter{Events: []data.Event{data.EventAcceptCharter}})
	if err != nil || len(entries) != 1 || entries[0].Detail != "2027-01" || entries[0].Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("ACCEPT_CHARTER entries: %+v, %v", entries, err)
	}

	// Logged out and in again: straight to the dashboard.
	tm.send(screens.NavigateMsg{Page: screens.PageHome})
	tm.pagesLogin("hugo.lefevre", "Kiosque-Demo-2026")
	if strings.Contains(tm.screen(), "Nouvelle charte") {
		t.Fatalf("asked twice:\n%s", tm.screen())
	}
	tm.requireScreen("Hugo")
}

// Esc on the new charter logs out: nothing of the account without it.
func TestNewCharterRefusedLogsOut(t *testing.T) {
	t.Parallel()
	next := institution.Demo()
	next.Charter.Version = "2027-01"
	tm := withInstitution(t, next)
	tm.pagesLogin("hugo.lefevre", "Kiosque-Demo-2026")
	tm.requireScreen("Nouvelle charte d'usage")
	tm.press("esc")
	if tm.Model.c.Account != nil {
		t.Fatal("still logged in after Esc on the charter")
	}
	tm.requireScreen("Se connecter")
}

// An activation records the version of the charter accepted.
func TestActivationRecordsTheCharterVersion(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter") // no redirection
	tm.choosePassword("Tortue-Velo-Nuage-43")
	entries, err := tm.store.AuditLog(t.Context(), data.AuditFilter{Events: []data.Event{data.EventAcceptCharter}})
	if err != nil || len(entries) != 1 || entries[0].Detail != "2026-demo" {
		t.Fatalf("ACCEPT_CHARTER entries: %+v, %v", entries, err)
	}
	a, err := tm.store.Account(t.Context(), entries[0].PersonID)
	if err != nil || a.CharterVersion != "2026-demo" || a.Status != data.StatusActive {
		t.Fatalf("Camille's charter version: %+v, %v", a, err)
	}
}
