package data

import (
	"errors"
	"testing"
	"time"
)

// A resend refused because a code mail just went is the cooldown, said as
// such in the error and the audit log; the hourly limit keeps its own name.
func TestHelpdeskResendCooldownNamed(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.person(t, "camille.martin")
	try := func() (*RateLimitError, string) {
		t.Helper()
		_, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o)
		var limit *RateLimitError
		if !errors.As(err, &limit) {
			t.Fatalf("not a limit: %v", err)
		}
		return limit, f.lastAudit(t, EventHelpdeskAction).Outcome
	}
	send := func() *CodeSent {
		t.Helper()
		sent, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o)
		if err != nil {
			t.Fatal(err)
		}
		return sent
	}
	// The import's mail, then a resend a cooldown later: another one at once
	// waits for the cooldown.
	f.clock.Advance(ResendCooldown)
	sent := send()
	f.clock.Advance(10 * time.Second)
	if limit, outcome := try(); !limit.Cooldown || !limit.Until.Equal(sent.ResendAt) || outcome != "refused: resend cooldown" {
		t.Fatalf("cooldown: %+v (sent: next at %v), audit %q", limit, sent.ResendAt, outcome)
	}
	// A third mail in the hour: the next waits for the hourly limit.
	f.clock.Advance(ResendCooldown)
	sent = send()
	f.clock.Advance(ResendCooldown)
	if limit, outcome := try(); limit.Cooldown || !limit.Until.Equal(sent.ResendAt) || outcome != "refused: mail limit" {
		t.Fatalf("the hourly limit: %+v (sent: next at %v), audit %q", limit, sent.ResendAt, outcome)
	}
}
