package data

import (
	"strconv"
	"strings"
	"time"
)

// legacyDetail reads the detail sentence of a line written before
// migration 0013 (the shapes each event wrote, see AuditDetail.Text) into
// its kind and arguments. A sentence of no known shape gives the zero
// detail: it is shown as written. Only old lines come here; new lines
// carry their kind and arguments.
func legacyDetail(event Event, d string, loc *time.Location) AuditDetail {
	if d == "" {
		return AuditDetail{}
	}
	switch event {
	case EventSendCode:
		if nc, ok := legacyNoCode(d, loc); ok {
			return nc
		}
		if rest, ok := strings.CutPrefix(d, "new registration "); ok { // import
			reg, mail, _ := strings.Cut(rest, ", ")
			if m, ok := legacyImportMail(mail, loc); ok {
				return NewRegistrationDetail(reg, m)
			}
		}
		if p, to, ok := strings.Cut(d, " to "); ok && isPurpose(p) {
			return CodeSentDetail(Purpose(p), to)
		}
		if isPurpose(d) {
			return PurposeDetail(Purpose(d))
		}
	case EventCodeError:
		if p, ratio, ok := strings.Cut(d, ", "); ok && isPurpose(p) {
			n, of, _ := strings.Cut(ratio, "/")
			if n, err := strconv.Atoi(n); err == nil {
				if of, err := strconv.Atoi(of); err == nil {
					return CodeErrorsDetail(Purpose(p), n, of)
				}
			}
		}
		if isPurpose(d) {
			return PurposeDetail(Purpose(d))
		}
	case EventAcceptCharter:
		return CharterDetail(d)
	case EventActivate:
		if d == "no redirection" {
			return ActivationDetail("")
		}
		if to, ok := strings.CutPrefix(d, "redirection to "); ok {
			return ActivationDetail(to)
		}
	case EventUpdateRedirection:
		if d == "removed" {
			return RedirectionRemovedDetail()
		}
		if to, ok := strings.CutPrefix(d, "to "); ok {
			to, kept := strings.CutSuffix(to, ", copy kept")
			return RedirectionDetail(to, kept)
		}
	case EventUpdateRecoveryMail:
		if from, to, ok := strings.Cut(d, " → "); ok {
			return RecoveryChangeDetail(from, to)
		}
	case EventHelpdeskAction:
		return legacyHelpdesk(d)
	case EventUnlock:
		if login, lookup, ok := legacyLifted(d); ok {
			return UnlockedDetail(login, lookup)
		}
		switch d {
		case "login lock lifted by a new password":
			return LoginLockLiftedDetail()
		case "password login reopened by a new password":
			return LoginReopenedDetail()
		}
	case EventRoleChange:
		return RoleDetail(d)
	case EventAccountCreated:
		if rest, ok := strings.CutPrefix(d, "IA validated "); ok {
			at, mail, _ := strings.Cut(rest, ", ")
			t, err := time.ParseInLocation(localMinute, at, loc)
			if m, ok := legacyImportMail(mail, loc); ok && err == nil {
				return AccountCreatedDetail(t, m)
			}
		}
	case EventIALookup, EventIALookupError:
		if n, ok := strings.CutPrefix(d, "number "); ok {
			return NumberDetail(n)
		}
	case EventLock:
		return legacyLock(d)
	}
	return AuditDetail{}
}

func isPurpose(p string) bool {
	switch Purpose(p) {
	case PurposeActivation, PurposeReset, PurposeRecoveryMail, PurposeRedirection:
		return true
	}
	return false
}

// legacyNoCode: "reset, no code: rights ended 2025-12-31", "activation, no
// code: account active, notice to ma•••••t@gmail.com".
func legacyNoCode(d string, loc *time.Location) (AuditDetail, bool) {
	p, rest, ok := strings.Cut(d, ", no code: ")
	if !ok || !isPurpose(p) {
		return AuditDetail{}, false
	}
	why, notice, _ := strings.Cut(rest, ", notice to ")
	var end time.Time
	if day, ok := strings.CutPrefix(why, "rights ended "); ok {
		var err error
		if end, err = time.ParseInLocation(time.DateOnly, day, loc); err != nil {
			return AuditDetail{}, false
		}
	} else if why != "account active" {
		return AuditDetail{}, false
	}
	return NoCodeDetail(Purpose(p), end, notice), true
}

// legacyImportMail reads what an import said of the activation mail.
func legacyImportMail(m string, loc *time.Location) (ImportMail, bool) {
	if rest, ok := strings.CutPrefix(m, "activation mail to "); ok {
		if to, at, ok := strings.Cut(rest, " due "); ok {
			if t, err := time.ParseInLocation(localMinute, at, loc); err == nil {
				return ImportMail{To: to, Due: t}, true
			}
		}
	}
	if end, ok := strings.CutPrefix(m, "no activation mail: rights ended "); ok {
		if t, err := time.ParseInLocation("02/01/2006", end, loc); err == nil {
			return ImportMail{RightsEnd: t}, true
		}
	}
	return ImportMail{}, false
}

// legacyLifted reads what an unlock lifted: "login", "IA lookup", both.
func legacyLifted(d string) (login, lookup, ok bool) {
	switch d {
	case "login":
		return true, false, true
	case "IA lookup":
		return false, true, true
	case "login and IA lookup":
		return true, true, true
	}
	return false, false, false
}

// legacyHelpdesk reads an agent's action: what was done, or (refused) what
// was tried.
func legacyHelpdesk(d string) AuditDetail {
	switch d {
	case HelpdeskTryConsole, HelpdeskTryView, HelpdeskTryActivation, HelpdeskTryReset, HelpdeskTryUnlock,
		HelpdeskTryRecovery:
		return HelpdeskTryDetail(d)
	case "unlock: nothing was locked":
		return NothingLockedDetail()
	}
	if what, ok := strings.CutPrefix(d, "unlock "); ok {
		if login, lookup, ok := legacyLifted(what); ok {
			return HelpdeskUnlockDetail(login, lookup)
		}
	}
	for _, p := range []Purpose{PurposeActivation, PurposeReset} {
		if to, ok := strings.CutPrefix(d, string(p)+" code sent to "); ok {
			return HelpdeskCodeSentDetail(p, to)
		}
	}
	for checked, number := range map[string]bool{"student number and birth date": true, "birth date": false} {
		if change, ok := strings.CutPrefix(d, "recovery mail corrected ("+checked+" checked): "); ok {
			if from, to, ok := strings.Cut(change, " → "); ok {
				return RecoveryCorrectedDetail(number, from, to)
			}
		}
	}
	return AuditDetail{}
}

// legacyLock reads a lock: of an identifiant's login, of a client, of a
// student number's IA lookup.
func legacyLock(d string) AuditDetail {
	seconds := func(s string) (time.Duration, bool) {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "s"))
		return time.Duration(n) * time.Second, err == nil && strings.HasSuffix(s, "s") && n >= 0
	}
	if rest, ok := strings.CutPrefix(d, "login "); ok {
		dur, why, _ := strings.Cut(rest, ", ")
		if s, ok := seconds(dur); ok && why != "" {
			return LoginLockDetail(s, why)
		}
	}
	if rest, ok := strings.CutPrefix(d, "password login closed after "); ok {
		n, tail, _ := strings.Cut(rest, " ")
		if n, err := strconv.Atoi(n); err == nil && tail == "failures in a row, until a reset by code or the helpdesk" {
			return LoginClosedDetail(n)
		}
	}
	if dur, ok := strings.CutPrefix(d, "lookup client "); ok {
		if s, ok := seconds(dur); ok {
			return LookupClientBlockedDetail(s)
		}
	}
	if dur, ok := strings.CutPrefix(d, "client "); ok {
		if s, ok := seconds(dur); ok {
			return ClientBlockedDetail(s)
		}
	}
	if rest, ok := strings.CutPrefix(d, "lookup "); ok {
		number, until, _ := strings.Cut(rest, " ")
		if until == "disabled until the helpdesk unlocks it" {
			return LookupOffDetail(number)
		}
		pair := false
		if u, ok := strings.CutPrefix(until, "from this client "); ok {
			until, pair = u, true
		}
		if at, ok := strings.CutPrefix(until, "until "); ok {
			if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
				if pair {
					return LookupPairLockedDetail(number, t)
				}
				return LookupLockedDetail(number, t)
			}
		}
	}
	return AuditDetail{}
}

// OldAuditDetail is how the store reads the detail sentence of a line
// written before migration 0013 (AuditLog does it for every such line):
// for the console's tests, which say old lines from hand-written sentences.
func OldAuditDetail(event Event, sentence string, loc *time.Location) AuditDetail {
	return legacyDetail(event, sentence, loc)
}
