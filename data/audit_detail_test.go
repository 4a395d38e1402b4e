package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"testing"
	"time"
)

// detailSamples: one detail of every kind, with the event that writes it.
func detailSamples() []struct {
	event  Event
	detail AuditDetail
} {
	paris := ParisLocation()
	until := time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC)
	return []struct {
		event  Event
		detail AuditDetail
	}{
		{EventCodeError, PurposeDetail(PurposeReset)},
		{EventSendCode, CodeSentDetail(PurposeActivation, "hu•••••e@ex•••••e.org")},
		{EventCodeError, CodeErrorsDetail(PurposeReset, 3, CodeMaxFailures)},
		{EventSendCode, NoCodeDetail(PurposeReset, time.Date(2025, 12, 31, 0, 0, 0, 0, paris), "")},
		{EventSendCode, NoCodeDetail(PurposeActivation, time.Time{}, "hu•••••e@ex•••••e.org")},
		{EventSendCode, NewRegistrationDetail("2026-2027 DMDPR2", ImportMail{To: "hu•••••e@ex•••••e.org",
			Due: time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC)})},
		{EventAccountCreated, AccountCreatedDetail(time.Date(2025, 9, 1, 10, 0, 0, 0, paris),
			ImportMail{RightsEnd: time.Date(2025, 12, 31, 0, 0, 0, 0, paris)})},
		{EventAcceptCharter, CharterDetail("2027-01")},
		{EventActivate, ActivationDetail("")},
		{EventActivate, ActivationDetail("hu•••••e@ex•••••e.org")},
		{EventUpdateRedirection, RedirectionDetail("hu•••••e@ex•••••e.org", true)},
		{EventUpdateRedirection, RedirectionDetail("hu•••••e@ex•••••e.org", false)},
		{EventUpdateRedirection, RedirectionRemovedDetail()},
		{EventUpdateRecoveryMail, RecoveryChangeDetail("hu•••••e@ex•••••e.org", "h•••o@ex•••••e.net")},
		{EventHelpdeskAction, HelpdeskTryDetail(HelpdeskTryReset)},
		{EventHelpdeskAction, HelpdeskUnlockDetail(true, true)},
		{EventHelpdeskAction, NothingLockedDetail()},
		{EventHelpdeskAction, HelpdeskCodeSentDetail(PurposeActivation, "hu•••••e@ex•••••e.org")},
		{EventHelpdeskAction, RecoveryCorrectedDetail(true, "hu•••••e@ex•••••e.org", "h•••o@ex•••••e.net")},
		{EventHelpdeskAction, RecoveryCorrectedDetail(false, "hu•••••e@ex•••••e.org", "h•••o@ex•••••e.net")},
		{EventUnlock, UnlockedDetail(false, true)},
		{EventUnlock, LoginLockLiftedDetail()},
		{EventUnlock, LoginReopenedDetail()},
		{EventRoleChange, RoleDetail("helpdesk")},
		{EventIALookupError, NumberDetail("21901234")},
		{EventLock, LoginLockDetail(90*time.Second, LockWhyAutomation)},
		{EventLock, LoginClosedDetail(LoginFailuresBeforeClose)},
		{EventLock, ClientBlockedDetail(ClientBlock)},
		{EventLock, LookupClientBlockedDetail(LookupClientFailureWindow)},
		{EventLock, LookupOffDetail("21901234")},
		{EventLock, LookupLockedDetail("21901234", until)},
		{EventLock, LookupPairLockedDetail("21901234", until)},
	}
}

func argsOf(t *testing.T, d AuditDetail) string {
	t.Helper()
	s, err := d.argsJSON()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every kind's sentence is the one the store wrote before 0013, and read
// back as an old line it gives the same kind and arguments: an old line
// and a new one of the same fact are said alike.
func TestAuditDetailOldSentencesReadBack(t *testing.T) {
	paris := ParisLocation()
	seen := map[DetailKind]bool{}
	for _, tc := range detailSamples() {
		seen[tc.detail.Kind] = true
		sentence := tc.detail.Text(paris)
		old := legacyDetail(tc.event, sentence, paris)
		if old.Kind != tc.detail.Kind || argsOf(t, old) != argsOf(t, tc.detail) {
			t.Errorf("%s %q read back as %s %s, want %s %s", tc.event, sentence, old.Kind, argsOf(t, old),
				tc.detail.Kind, argsOf(t, tc.detail))
		}
	}
	for _, k := range DetailKinds {
		if !seen[k] {
			t.Errorf("no sample of %s", k)
		}
	}
	// The exact sentences of before, for a few (the rest follow from the
	// read-back above and the console's tests of old sentences).
	for d, want := range map[*AuditDetail]string{
		ptr(CodeErrorsDetail(PurposeReset, 3, 5)):                                                                                "reset, 3/5",
		ptr(LoginLockDetail(300*time.Second, LockWhyFailures)):                                                                   "login 300s, failures",
		ptr(NoCodeDetail(PurposeActivation, time.Time{}, "x@y.fr")):                                                              "activation, no code: account active, notice to x@y.fr",
		ptr(HelpdeskUnlockDetail(true, false)):                                                                                   "unlock login",
		ptr(LookupLockedDetail("21901234", time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC))):                                      "lookup 21901234 until 2026-11-25T23:00:00.000000000Z",
		ptr(NewRegistrationDetail("2026-2027 X", ImportMail{To: "a@b.fr", Due: time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC)})): "new registration 2026-2027 X, activation mail to a@b.fr due 23/11/2026 10:15",
	} {
		if got := d.Text(paris); got != want {
			t.Errorf("%s: %q, want %q", d.Kind, got, want)
		}
	}
	// A sentence of no known shape is no kind: shown as written.
	if d := legacyDetail(EventLock, "something new", paris); d.Kind != "" {
		t.Errorf("unknown sentence read as %+v", d)
	}
}

func ptr(d AuditDetail) *AuditDetail { return &d }

// oldAuditHash is the chain's hash as written before migration 0013,
// copied here so that a change of auditHash that would break old rows
// cannot pass.
func oldAuditHash(prev string, id int64, at string, event Event, person int64, fields ...string) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(prev)
	field(strconv.FormatInt(id, 10))
	field(at)
	field(string(event))
	p := ""
	if person != 0 {
		p = strconv.FormatInt(person, 10)
	}
	field(p)
	for _, s := range fields {
		field(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// A store holding lines written before 0013 (sentences, hashed the old
// way) and lines written since (kind and args): the old ones are read
// into kinds and said right, the new ones' arguments come back as
// written, and the chain holds across both; an edit of a new line's
// arguments breaks it.
func TestAuditOldAndNewLines(t *testing.T) {
	s, _ := openTest(t)
	raw := rawStore(t, s)
	olds := []struct {
		event    Event
		sentence string
	}{
		{EventLock, "login 60s, failures"},
		{EventSendCode, "reset, no code: rights ended 2025-12-31"},
		{EventHelpdeskAction, "recovery mail corrected (birth date checked): a•••b@c.fr → d•••e@f.fr"},
		{EventLock, "something no console knows"},
	}
	prev := ""
	for i, o := range olds {
		id, at := int64(i+1), "2026-11-24T10:00:0"+strconv.Itoa(i)+".000000000Z"
		h := oldAuditHash(prev, id, at, o.event, 0, "", "kiosk", "locked", "", o.sentence)
		mustExec(t, raw, `INSERT INTO audit(id, at, event, client, outcome, detail, hash) VALUES (?, ?, ?, 'kiosk', 'locked', ?, ?)`,
			id, at, string(o.event), o.sentence, h)
		prev = h
	}
	samples := detailSamples()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, d := range samples {
			if err := s.audit(ctx, tx, AuditEntry{Event: d.event, Client: "kiosk", Outcome: "ok", Info: d.detail}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := verifyChain(t, s)
	if len(c.Breaks) != 0 || c.Entries != len(olds)+len(samples) || c.Unchained != 0 {
		t.Fatalf("chain over old and new lines: %+v", c)
	}
	entries, err := s.AuditLog(ctx, AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]AuditEntry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	paris := ParisLocation()
	for i, o := range olds {
		e := byID[int64(i+1)]
		if e.Detail != o.sentence || argsOf(t, e.Info) != argsOf(t, legacyDetail(o.event, o.sentence, paris)) {
			t.Errorf("old line %d: %q %+v", i+1, e.Detail, e.Info)
		}
	}
	if e := byID[2]; e.Info.Kind != DetailNoCode || e.Info.Args.Purpose != PurposeReset ||
		e.Info.Args.RightsEnd.Format(time.DateOnly) != "2025-12-31" {
		t.Errorf("old no-code line: %+v", e.Info)
	}
	if e := byID[4]; e.Info.Kind != "" || e.Detail != "something no console knows" {
		t.Errorf("old line of no known shape: %+v %q", e.Info, e.Detail)
	}
	for i, d := range samples {
		id := int64(len(olds) + i + 1)
		e := byID[id]
		if e.Info.Kind != d.detail.Kind || argsOf(t, e.Info) != argsOf(t, d.detail) || e.Detail != d.detail.Text(paris) {
			t.Errorf("new line %d: %s %s %q, want %s %s", id, e.Info.Kind, argsOf(t, e.Info), e.Detail, d.detail.Kind,
				argsOf(t, d.detail))
		}
		// As stored: no sentence, the kind and its JSON arguments.
		var detail, kind, args string
		if err := raw.QueryRow(`SELECT detail, kind, args FROM audit WHERE id = ?`, id).Scan(&detail, &kind, &args); err != nil {
			t.Fatal(err)
		}
		var back DetailArgs
		if detail != "" || kind != string(d.detail.Kind) || json.Unmarshal([]byte(args), &back) != nil {
			t.Errorf("new line %d stored as %q %q %q", id, detail, kind, args)
		}
	}
	// The arguments are in the chain: changing them is an edit.
	edited := int64(len(olds) + 3)
	dropAuditTrigger(t, raw, "audit_no_update")
	mustExec(t, raw, `UPDATE audit SET args = replace(args, '3', '1') WHERE id = ?`, edited)
	if c := verifyChain(t, s); len(c.Breaks) != 1 || c.Breaks[0].ID != edited {
		t.Fatalf("after an edit of the args of %d: %+v", edited, c.Breaks)
	}
	// So is the kind, and args taken away.
	mustExec(t, raw, `UPDATE audit SET kind = 'purpose' WHERE id = ?`, edited+1)
	mustExec(t, raw, `UPDATE audit SET args = NULL WHERE id = ?`, edited+2)
	if c := verifyChain(t, s); len(c.Breaks) != 3 || c.Breaks[1].ID != edited+1 || c.Breaks[2].ID != edited+2 {
		t.Fatalf("after an edit of a kind and a removal of args: %+v", c.Breaks)
	}
}
