package data

import "time"

// HelpCase is one of the three cases of "Problème de connexion", as a
// student tells them to the helpdesk.
type HelpCase string

const (
	CaseNeverActivated HelpCase = "never_activated" // « je n'ai jamais activé mon compte »
	CaseForgotPassword HelpCase = "forgot_password" // « j'ai oublié mon mot de passe »
	CaseConnection     HelpCase = "connection"      // « je rencontre des problèmes de connexion »
)

// HelpCases in the order the console offers them.
var HelpCases = []HelpCase{CaseNeverActivated, CaseForgotPassword, CaseConnection}

// CheckStatus says how a walk-through step went.
type CheckStatus int

const (
	CheckOK      CheckStatus = iota
	CheckProblem             // this is (or may be) what goes wrong
	CheckInfo                // a fact for the agent to use
)

// Check is one step of a walk-through: what is checked (Step) and what the
// store says of this person (Fact, with the moment, count or value it
// refers to). Text is already masked and cleaned.
type Check struct {
	Step   string // ia, rights, status, window, recovery, code, mail, identifiant, login_lock, last_login, last_error, lookup_lock, password
	Fact   string
	Status CheckStatus
	At     time.Time
	Count  int
	Text   string
}

// NextAction is what the agent should do after the checks.
type NextAction string

const (
	NextResendActivation   NextAction = "resend_activation"
	NextSendReset          NextAction = "send_reset"
	NextUnlock             NextAction = "unlock"
	NextCorrectRecovery    NextAction = "correct_recovery"
	NextWait               NextAction = "wait"       // until Walkthrough.NextAt
	NextCheckMail          NextAction = "check_mail" // the code is out: inbox, spam, newest mail only
	NextScolarite          NextAction = "scolarite"  // no validated IA: the registration office
	NextRightsEnded        NextAction = "rights_ended"
	NextCaseNeverActivated NextAction = "case_never_activated"
	NextCaseForgot         NextAction = "case_forgot"
	NextCheckTyping        NextAction = "check_typing" // nothing recorded: identifiant typed, keyboard, caps lock
)

// Walkthrough is the checks of a case, in order, for one person, and the
// next action. It stops at the first check that decides the case.
type Walkthrough struct {
	Case   HelpCase
	Checks []Check
	Next   NextAction
	NextAt time.Time
}

type walk struct {
	c *PersonCard
	w Walkthrough
}

func (w *walk) add(step, fact string, st CheckStatus, at time.Time, n int, text string) {
	w.w.Checks = append(w.w.Checks, Check{Step: step, Fact: fact, Status: st, At: at, Count: n, Text: text})
}

func (w *walk) done(next NextAction, at time.Time) Walkthrough {
	w.w.Next, w.w.NextAt = next, at
	return w.w
}

// Walkthrough runs the checks of case k on the card.
func (c *PersonCard) Walkthrough(k HelpCase) Walkthrough {
	w := &walk{c: c, w: Walkthrough{Case: k}}
	if next, stop := w.registration(); stop {
		return w.done(next, time.Time{})
	}
	if k == CaseConnection {
		w.add("identifiant", "is", CheckInfo, time.Time{}, 0, Clean(c.Identifiant))
	}
	if !c.RightsActive() {
		w.add("rights", "ended", CheckProblem, c.RightsEnd, 0, "")
		return w.done(NextRightsEnded, time.Time{})
	}
	w.add("rights", "until", CheckOK, c.RightsEnd, 0, "")
	switch k {
	case CaseForgotPassword:
		return w.forgot()
	case CaseConnection:
		return w.connection()
	}
	return w.neverActivated()
}

// registration: is there an account, from which IA?
func (w *walk) registration() (NextAction, bool) {
	c := w.c
	if !c.HasAccount() {
		for _, r := range c.Current() {
			if r.Statut == "annulee" {
				w.add("ia", "cancelled", CheckProblem, r.ValidatedAt, 0, Clean(r.CodeEtape))
				return NextScolarite, true
			}
		}
		w.add("ia", "none", CheckProblem, time.Time{}, 0, "")
		return NextScolarite, true
	}
	if c.Person.Category == Staff {
		w.add("ia", "staff", CheckOK, c.ValidatedAt, 0, "")
		return "", false
	}
	for _, r := range c.Current() {
		if r.Valid() {
			w.add("ia", "valid", CheckOK, r.ValidatedAt, 0, Clean(r.AcademicYearLabel()+" "+r.CodeEtape))
			return "", false
		}
	}
	w.add("ia", "previous", CheckInfo, c.ValidatedAt, 0, "")
	return "", false
}

func (w *walk) neverActivated() Walkthrough {
	c := w.c
	if c.Status == StatusActive {
		w.add("status", "active", CheckInfo, c.ActivatedAt, 0, "")
		return w.done(NextCaseForgot, time.Time{})
	}
	w.add("status", "pending", CheckOK, time.Time{}, 0, "")
	if c.Now.Before(c.ActivationFrom) {
		w.add("window", "early", CheckProblem, c.ActivationFrom, 0, "")
		return w.done(NextWait, c.ActivationFrom)
	}
	w.add("window", "open", CheckOK, c.ActivationFrom, 0, "")
	w.add("recovery", "address", CheckInfo, time.Time{}, 0, c.Recovery)
	return w.code(PurposeActivation, NextResendActivation)
}

func (w *walk) forgot() Walkthrough {
	c := w.c
	if c.Status != StatusActive {
		w.add("status", "pending", CheckProblem, time.Time{}, 0, "")
		return w.done(NextCaseNeverActivated, time.Time{})
	}
	w.add("status", "active", CheckOK, c.ActivatedAt, 0, "")
	// A lock does not stop a reset, and a completed reset lifts it.
	w.loginLock(CheckInfo)
	w.add("recovery", "address", CheckInfo, time.Time{}, 0, c.Recovery)
	return w.code(PurposeReset, NextSendReset)
}

func (w *walk) connection() Walkthrough {
	c := w.c
	if c.Status != StatusActive {
		w.add("status", "pending", CheckProblem, time.Time{}, 0, "")
		return w.done(NextCaseNeverActivated, time.Time{})
	}
	w.add("status", "active", CheckOK, c.ActivatedAt, 0, "")
	locked := w.loginLock(CheckProblem)
	if c.LastLoginAt.IsZero() {
		w.add("last_login", "never", CheckInfo, time.Time{}, 0, "")
	} else {
		w.add("last_login", "at", CheckOK, c.LastLoginAt, 0, "")
	}
	lastError := c.lastLoginError()
	if lastError == nil {
		w.add("last_error", "none", CheckOK, time.Time{}, 0, "")
	} else {
		w.add("last_error", "at", CheckInfo, lastError.At, 0, Clean(lastError.Outcome))
	}
	if c.Person.StudentNumber != "" {
		switch l := c.LookupLock; {
		case l.Disabled:
			w.add("lookup_lock", "disabled", CheckProblem, time.Time{}, l.Level, "")
			locked = true
		case l.Locked(c.Now):
			w.add("lookup_lock", "locked", CheckProblem, l.Until, l.Failures, "")
			locked = true
		default:
			w.add("lookup_lock", "free", CheckOK, time.Time{}, l.Failures, "")
		}
	}
	w.add("password", "changed", CheckInfo, c.PasswordAt, 0, "")
	switch {
	case locked:
		return w.done(NextUnlock, time.Time{})
	case lastError != nil && lastError.At.After(c.LastLoginAt):
		return w.done(NextSendReset, time.Time{})
	}
	return w.done(NextCheckTyping, time.Time{})
}

// loginLock adds the login lock step; a lock is st (a problem, or a fact).
func (w *walk) loginLock(st CheckStatus) bool {
	l := w.c.LoginLock
	switch {
	case l.Disabled:
		w.add("login_lock", "disabled", st, time.Time{}, l.Level, "")
	case l.Locked(w.c.Now):
		w.add("login_lock", "locked", st, l.Until, l.Level, "")
	case l.Failures > 0:
		w.add("login_lock", "failures", CheckInfo, time.Time{}, l.Failures, "")
		return false
	default:
		w.add("login_lock", "free", CheckOK, time.Time{}, 0, "")
		return false
	}
	return true
}

// code adds the steps of the newest code of a purpose and its mail, and
// decides: a live code on its way means "look for the mail"; anything
// else means "send a new one" (resend).
func (w *walk) code(p Purpose, resend NextAction) Walkthrough {
	ci := w.c.LatestCode(p)
	if ci == nil {
		w.add("code", "none", CheckProblem, time.Time{}, 0, "")
		return w.done(resend, time.Time{})
	}
	switch ci.State {
	case CodeLive:
		w.add("code", "live", CheckOK, ci.ExpiresAt, ci.Failures, ci.Target)
	case CodeRevoked:
		fact := "revoked"
		if ci.RevokedWhy == "failures" {
			fact = "revoked_failures"
		}
		w.add("code", fact, CheckProblem, ci.EndedAt, ci.Failures, ci.Target)
		return w.done(resend, time.Time{})
	default: // expired, used, superseded
		w.add("code", string(ci.State), CheckProblem, ci.EndedAt, ci.Failures, ci.Target)
		return w.done(resend, time.Time{})
	}
	m := ci.Mail
	switch {
	case !m.Exists:
		w.add("mail", "unknown", CheckInfo, ci.CreatedAt, 0, "")
	case m.Status == "sent":
		w.add("mail", "sent", CheckOK, m.SentAt, 0, ci.Target)
	case m.Status == "failed":
		w.add("mail", "failed", CheckProblem, m.NotBefore, m.Attempts, m.LastError)
		return w.done(NextCorrectRecovery, time.Time{})
	case w.c.Now.Before(m.NotBefore):
		w.add("mail", "due", CheckInfo, m.NotBefore, 0, ci.Target)
		return w.done(NextWait, m.NotBefore)
	default:
		w.add("mail", "queued", CheckInfo, m.NotBefore, m.Attempts, m.LastError)
	}
	return w.done(NextCheckMail, time.Time{})
}

// lastLoginError is the newest failed login in the timeline, if any.
func (c *PersonCard) lastLoginError() *TimelineEvent {
	for i := range c.Timeline {
		if c.Timeline[i].What == string(EventLoginError) {
			return &c.Timeline[i]
		}
	}
	return nil
}
