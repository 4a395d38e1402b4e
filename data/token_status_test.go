package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A link whose code is spent still names its account: an activation link
// of an account that is active now says so.
func TestLookupLinkAfterActivation(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s, camilleLine)
	_, token := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	l, err := s.LookupLink(ctx, token)
	if err != nil || l.Purpose != PurposeActivation || l.Active || l.Identifiant != "camille.martin@etu.umontpellier.fr" {
		t.Fatalf("before the activation: %+v, %v", l, err)
	}

	clock.Set(clockStart.Add(20 * time.Minute))
	ticket, err := s.OpenToken(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, ticket, ActivationChoice{CharterAccepted: true,
		Password: "Grue-Lanterne-Opale-73"}, testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenToken(ctx, token); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("the link after the activation: %v, want ErrCodeUsed", err)
	}
	l, err = s.LookupLink(ctx, token)
	if err != nil || l.Purpose != PurposeActivation || !l.Active {
		t.Fatalf("after the activation: %+v, %v", l, err)
	}

	// Still known once expired.
	clock.Set(clockStart.Add(48 * time.Hour))
	if l, err := s.LookupLink(ctx, token); err != nil || !l.Active {
		t.Fatalf("expired: %+v, %v", l, err)
	}
}

func TestLookupLinkUnknown(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	for _, token := range []string{strings.Repeat("a", 32), "camille", ""} {
		if _, err := s.LookupLink(ctx, token); !errors.Is(err, ErrBadToken) {
			t.Fatalf("%q: %v, want ErrBadToken", token, err)
		}
	}
}
