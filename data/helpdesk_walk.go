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
// refers to). Text and Target are already masked and cleaned.
type Check struct {
	Step    string // ia, rights, status, window, recovery, code, mail, identifiant, login_lock, last_login, last_error, lookup_lock, password
	Fact    string
	Status  CheckStatus
	At      time.Time
	Count   int
	Text    string
	Purpose Purpose // code and mail steps: the code's purpose (empty: none of the case's purposes)
	Target  string  // mail step: where the mail goes (masked)
}

// NextAction is what the agent should do after the checks.
type NextAction string

const (
	NextResendActivation   NextAction = "resend_activation"
	NextSendReset          NextAction = "send_reset"
	NextUnlock             NextAction = "unlock"
	NextCorrectRecovery    NextAction = "correct_recovery"
	NextWait               NextAction = "wait"        // until Walkthrough.NextAt
	NextCheckMail          NextAction = "check_mail"  // the mail left at NextAt: inbox, spam, newest mail only
	NextMailQueued         NextAction = "mail_queued" // the mail waits in the outbox since NextAt: it has not left
	NextScolarite          NextAction = "scolarite"   // no validated IA: the registration office
	NextRightsEnded        NextAction = "rights_ended"
	NextCaseNeverActivated NextAction = "case_never_activated"
	NextCaseForgot         NextAction = "case_forgot"
	NextCheckTyping        NextAction = "check_typing" // nothing recorded: identifiant typed, keyboard, caps lock
)

// Walkthrough is the checks of a case, in order, for one person, and the
// next action. It stops at the first check that decides the case.
type Walkthrough struct {
	Case     HelpCase
	Checks   []Check
	Next     NextAction
	NextAt   time.Time
	NextText string // NextCorrectRecovery: why the mail was not delivered (masked)
	// NextFrom: the next action sends a code, and the limits on code mails
	// (the person's, which the helpdesk keeps) allow it only from then.
	// Zero: at once.
	NextFrom time.Time
}

type walk struct {
	c *PersonCard
	w Walkthrough
}

func (w *walk) add(step, fact string, st CheckStatus, at time.Time, n int, text string) {
	w.w.Checks = append(w.w.Checks, Check{Step: step, Fact: fact, Status: st, At: at, Count: n, Text: text})
}

// last is the check added last.
func (w *walk) last() *Check { return &w.w.Checks[len(w.w.Checks)-1] }

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
	w.add("status", "pending", CheckProblem, time.Time{}, 0, "") // the case: what the person cannot get past
	if c.Now.Before(c.ActivationFrom) {
		w.add("window", "early", CheckProblem, c.ActivationFrom, 0, "")
		return w.done(NextWait, c.ActivationFrom)
	}
	w.add("window", "open", CheckOK, c.ActivationFrom, 0, "")
	w.add("recovery", "address", CheckInfo, time.Time{}, 0, c.Recovery)
	return w.decide(w.code(CheckProblem, PurposeActivation), NextResendActivation)
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
	return w.decide(w.code(CheckInfo, PurposeReset), NextSendReset)
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
	// The codes are facts here: an activation code used long ago, a reset
	// code asked for. A reset on its way is followed like its mail.
	next := w.code(CheckInfo, PurposeActivation, PurposeReset)
	ci := c.LatestCode(PurposeActivation, PurposeReset)
	switch {
	case locked:
		return w.done(NextUnlock, time.Time{})
	case ci != nil && ci.State == CodeLive && ci.Purpose == PurposeReset:
		return w.decide(next, NextSendReset)
	case lastError != nil && lastError.At.After(c.LastLoginAt):
		return w.send(NextSendReset)
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

// send is a next action that sends a code (a new activation code, a reset
// code), from when the limits on code mails let it go.
func (w *walk) send(action NextAction) Walkthrough {
	purpose := PurposeActivation
	if action == NextSendReset {
		purpose = PurposeReset
	}
	w.w.NextFrom = w.c.CodeMailFrom[purpose]
	return w.done(action, time.Time{})
}

// mailNext is what a code's mail calls for: an action (empty: a new code
// is needed), with its moment or its reason.
type mailNext struct {
	action NextAction
	at     time.Time
	text   string
}

// decide ends the walk with the next action the code calls for, or with
// sending a new one.
func (w *walk) decide(n mailNext, send NextAction) Walkthrough {
	if n.action == "" {
		return w.send(send)
	}
	w.w.NextText = n.text
	return w.done(n.action, n.at)
}

// code adds the step of the newest code of the purposes (a live one is
// shown with its mail) and says what it calls for. A code that no longer
// works, or none, is a problem (or a fact: ended) for the case; a live
// code is followed like its mail: queued, it has not left; failed, the
// address is wrong; sent, the person looks for it.
func (w *walk) code(ended CheckStatus, ps ...Purpose) mailNext {
	ci := w.c.LatestCode(ps...)
	if ci == nil {
		w.add("code", "none", ended, time.Time{}, 0, "")
		if len(ps) == 1 {
			w.last().Purpose = ps[0]
		}
		return mailNext{}
	}
	fact, st, at := string(ci.State), ended, ci.EndedAt
	switch ci.State {
	case CodeLive:
		fact, st, at = "live", CheckOK, ci.ExpiresAt
	case CodeUsed:
		st = CheckInfo // it did its work
	case CodeRevoked:
		switch ci.RevokedWhy {
		case "failures":
			fact = "revoked_failures"
		case "recovery mail corrected":
			fact = "revoked_recovery"
		}
	}
	w.add("code", fact, st, at, ci.Failures, "")
	w.last().Purpose = ci.Purpose
	if ci.State != CodeLive {
		return mailNext{}
	}
	return w.mail(ci)
}

// mail adds the step of a live code's mail and says what it calls for.
func (w *walk) mail(ci *CodeInfo) mailNext {
	m := ci.Mail
	var n mailNext
	switch {
	case !m.Exists: // withdrawn: nothing will arrive
		w.add("mail", "unknown", CheckProblem, ci.CreatedAt, 0, "")
	case m.Status == MailSent:
		w.add("mail", "sent", CheckOK, m.SentAt, 0, "")
		n = mailNext{action: NextCheckMail, at: m.SentAt}
	case m.Status == MailFailed:
		w.add("mail", "failed", CheckProblem, time.Time{}, m.Attempts, m.LastError)
		n = mailNext{action: NextCorrectRecovery, text: m.LastError}
	case m.Status == mailCancelled:
		w.add("mail", "cancelled", CheckProblem, time.Time{}, 0, "")
	case w.c.Now.Before(m.NotBefore):
		w.add("mail", "due", CheckInfo, m.NotBefore, 0, "")
		n = mailNext{action: NextWait, at: m.NotBefore}
	case m.Attempts > 0: // pending or sending, after a temporary failure
		w.add("mail", "retrying", CheckProblem, m.NotBefore, m.Attempts, m.LastError)
		n = mailNext{action: NextMailQueued, at: m.NotBefore}
	default: // pending or sending: still in the outbox
		w.add("mail", "queued", CheckInfo, m.NotBefore, 0, "")
		n = mailNext{action: NextMailQueued, at: m.NotBefore}
	}
	w.last().Purpose, w.last().Target = ci.Purpose, ci.Target
	return n
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
