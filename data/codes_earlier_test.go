package data

import (
	"errors"
	"testing"
)

// A code from an earlier mail says it was replaced, is not counted as a
// wrong try, and the newest code still works.
func TestReplacedCodeSaysSo(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	oldCode, _ := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	s.cfg.Clock.(*ManualClock).Advance(ResendCooldown)
	second, err := s.ResendChallenge(ctx, first, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	newCode, _ := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	if oldCode == newCode {
		t.Skip("the two random codes are equal")
	}
	for i := 0; i < CodeMaxFailures+1; i++ {
		if _, err := s.VerifyCode(ctx, second, oldCode, testOrigin); !errors.Is(err, ErrCodeReplaced) {
			t.Fatalf("try %d with the replaced code: %v", i, err)
		}
	}
	if _, err := s.VerifyCode(ctx, second, newCode, testOrigin); err != nil {
		t.Fatalf("the newest code after the old one was typed: %v", err)
	}
}
