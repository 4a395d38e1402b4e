package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// A resend says from when the next one is possible, and the refusal of a
// resend right after names the same minute; the history calls that refusal
// the wait between two codes, not the mail limit (hourly), in both
// languages.
func TestHelpdeskResendTimesAgree(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.clock.Advance(data.ResendCooldown + 30*time.Second) // 10:01:30: the next one at 10:02:30
	tm.hdOpen("camille")
	tm.press("enter", "enter") // Renvoyer le code d'activation, Confirmer
	tm.requireScreen("✓ Code d'activation créé", "envoi possible à 10:03.")
	tm.clock.Advance(5 * time.Second)
	tm.press("enter", "enter") // again, at once
	tm.requireScreen("Un code vient d'être envoyé. Nouvel envoi possible à 10:03.")
	e := hdAudit(t, tm.store, data.EventHelpdeskAction)
	if e.Outcome != "refused: resend cooldown" {
		t.Fatalf("audit outcome %q", e.Outcome)
	}
	tm.press("esc", "4") // the card's journal: the refusal is the newest line, chosen
	tm.requireScreen("refusé (délai entre deux codes)")
	if strings.Contains(tm.screen(), "limite d'envoi") {
		t.Fatalf("the cooldown called the mail limit:\n%s", tm.screen())
	}
	tm.press("f2")
	tm.requireScreen("refused (wait between two codes)")
}

// The whole audit log filtered on someone who has no line says why: an
// identifiant or number that names nobody (and what to type), or a person
// without events of the type chosen. A student number finds the person.
func TestHelpdeskAuditFilterSaysWhyEmpty(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.press("tab", "enter")
	tm.requireScreen("Journal d'audit", "page 1")
	tm.typeText("xyz")
	tm.press("enter")
	tm.requireScreen("Aucun événement pour « xyz » : ce n'est ni un identifiant ni un numéro",
		"Saisissez un identifiant complet (prenom.nom) ou un numéro", "d'étudiant (8 chiffres).")
	tm.requireGolden()
	tm.press("f2")
	tm.requireScreen("No event for \"xyz\": it is neither a known identifiant nor a known student", "number.")
	tm.press("f2")

	// A student number: that person's lines.
	for range len("xyz") {
		tm.press("backspace")
	}
	tm.typeText("21805555")
	tm.press("enter")
	tm.requireScreen("Compte activé", "hugo.lefevre")
	if strings.Contains(tm.screen(), "camille") || strings.Contains(tm.screen(), "Aucun événement") {
		t.Fatalf("filter by student number:\n%s", tm.screen())
	}

	// A person, an event type they have no line of.
	for range len("21805555") {
		tm.press("backspace")
	}
	tm.typeText("hugo.lefevre")
	tm.press("enter", "tab")
	for tm.screen() != "" && !strings.Contains(tm.screen(), "‹ Verrouillage ›") {
		tm.press("right")
	}
	tm.requireScreen("Aucun événement « Verrouillage » pour « hugo.lefevre » : choisissez « tous »")
	if strings.Contains(tm.screen(), "ni un identifiant") {
		t.Fatalf("a known person said unknown:\n%s", tm.screen())
	}
}
