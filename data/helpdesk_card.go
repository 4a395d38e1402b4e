package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"sort"
	"time"
)

// PersonCard is what the helpdesk console shows of a person: who they are,
// their account, its locks, its codes and what happened to it. Addresses
// are masked; there is no password, code or token in it.
type PersonCard struct {
	Person         Person // PersonalEmail left empty: the agent sees masked addresses only
	Identifiant    string // empty: no account (no validated IA yet)
	LocalPart      string
	Status         string
	Helpdesk       bool
	ValidatedAt    time.Time // the IA validation that created the account
	ActivationFrom time.Time
	ActivatedAt    time.Time
	PasswordAt     time.Time
	LastLoginAt    time.Time
	Recovery       string // the mail de secours, masked
	Redirect       string // the redirection, masked; empty: none
	KeepCopy       bool
	Registrations  []Registration // every year, newest first
	CurrentYear    int
	RightsEnd      time.Time
	Now            time.Time // when the card was read: every state below is as of then
	LoginLock      LockState
	LookupLock     LockState       // students only
	Codes          []CodeInfo      // newest first
	Timeline       []TimelineEvent // newest first

	// RedirectToRecovery: the redirection goes to the mail de secours, so a
	// correction of the mail de secours takes it along (followRecovery).
	RedirectToRecovery bool

	// Directory: what the campus directory knows of the account; nil
	// without a directory (or without an account).
	Directory *DirectoryState

	// CodeMailFrom: when the next code mail of a purpose may go, where
	// the limits hold it back now (the cooldown after the last one, or so
	// many an hour: the rules the person's own requests meet, which the
	// helpdesk's meet too). Absent: at once.
	CodeMailFrom map[Purpose]time.Time
}

// LockState is a throttle lock as the helpdesk sees it.
type LockState struct {
	Until    time.Time // refused while Now is before it
	Disabled bool      // refused until the helpdesk unlocks
	Level    int       // locks so far (login) or failures in a row (lookup)
	Failures int       // failures the rule counts now (login: 15 min; lookup: 24 h)
}

// Locked says whether the lock refuses at now.
func (l LockState) Locked(now time.Time) bool { return l.Disabled || now.Before(l.Until) }

// CodeState is what became of a code.
type CodeState string

const (
	CodeLive       CodeState = "live"
	CodeUsed       CodeState = "used"
	CodeSuperseded CodeState = "superseded" // a newer one was sent
	CodeRevoked    CodeState = "revoked"    // too many wrong entries, or its address corrected
	CodeExpired    CodeState = "expired"
)

// CodeInfo is a code sent, without the code: to where (masked), when, what
// became of it, and its mail.
type CodeInfo struct {
	Purpose    Purpose
	Target     string // masked
	CreatedAt  time.Time
	ExpiresAt  time.Time
	Failures   int
	State      CodeState
	EndedAt    time.Time // used, revoked, superseded or expired at
	RevokedWhy string
	Mail       MailInfo
}

// mailCancelled is the status of a mail withdrawn before it left (its
// code replaced or no longer needed).
const mailCancelled = "cancelled"

// MailInfo is the delivery of one outbox mail.
type MailInfo struct {
	Exists    bool   // false: withdrawn, or written before the link was kept
	Status    string // pending, sending, sent, failed, cancelled
	NotBefore time.Time
	SentAt    time.Time
	Attempts  int
	LastError string // addresses in it masked
}

// TimelineEvent is one line of a person's history.
type TimelineEvent struct {
	At           time.Time
	What         string // an audit Event, or one of the Timeline* below
	Outcome      string
	Detail       string      // masked, no secret
	Info         AuditDetail // an audit line's detail, its kind and arguments
	Actor        string      // the helpdesk agent, for their actions
	Client       string
	Problem      bool          // a failure, a lock, a mail not delivered
	Code         *CodeInfo     // code events
	Registration *Registration // IA_VALIDATED
	// order places the events of one instant (see timelineOrder).
	order timelineOrder
}

// timelineOrder places the events of one instant (a transaction reads the
// clock once; a test's clock stands still): a code's creation under the
// audit lines written with it (the lookup or the agent's action that sent
// it), with the code it replaced just under it; its end (used, revoked
// after the fifth error, expired) above them (what they caused); the audit
// lines by the order written.
type timelineOrder struct {
	tier int   // 0 IA validated, 1 code created or replaced, 2 audit line, 3 code ended
	seq  int64 // within a tier: the audit id; for codes, newer codes higher
}

// newerFirst says whether a comes before b in the timeline: newer first,
// then, at the same instant, the order above.
func newerFirst(a, b TimelineEvent) bool {
	switch {
	case !a.At.Equal(b.At):
		return a.At.After(b.At)
	case a.order.tier != b.order.tier:
		return a.order.tier > b.order.tier
	}
	return a.order.seq > b.order.seq
}

// Timeline events that do not come from the audit log.
const (
	TimelineIAValidated  = "IA_VALIDATED"
	TimelineCodeCreated  = "CODE_CREATED" // with where its mail is (Code.Mail)
	TimelineCodeUsed     = "CODE_USED"
	TimelineCodeReplaced = "CODE_REPLACED" // a newer code of the same purpose was created
	TimelineCodeRevoked  = "CODE_REVOKED"
	TimelineCodeExpired  = "CODE_EXPIRED"
)

// timelineAuditLimit bounds the audit lines a card reads (a script can
// write thousands of failures).
const timelineAuditLimit = 300

// HasAccount: an account exists (an IA was validated).
func (c *PersonCard) HasAccount() bool { return c.Identifiant != "" }

// RightsActive: access still open now.
func (c *PersonCard) RightsActive() bool { return RightsActive(c.RightsEnd, c.Now) }

// Current is the registrations of the current academic year.
func (c *PersonCard) Current() []Registration { return registrationsIn(c.Registrations, c.CurrentYear) }

// registrationsIn keeps the registrations of one academic year.
func registrationsIn(regs []Registration, year int) []Registration {
	var out []Registration
	for _, r := range regs {
		if r.Annee == year {
			out = append(out, r)
		}
	}
	return out
}

// LatestCode is the newest code of the purposes, nil if none was sent.
func (c *PersonCard) LatestCode(ps ...Purpose) *CodeInfo {
	for i := range c.Codes {
		if slices.Contains(ps, c.Codes[i].Purpose) {
			return &c.Codes[i]
		}
	}
	return nil
}

// CanResendActivation, CanSendReset, CanUnlock, CanCorrectRecovery say
// which actions apply to this card (the store checks them again).
func (c *PersonCard) CanResendActivation() bool {
	return c.HasAccount() && c.Status == StatusPending && c.RightsActive() && !c.Now.Before(c.ActivationFrom)
}
func (c *PersonCard) CanSendReset() bool {
	return c.HasAccount() && c.Status == StatusActive && c.RightsActive()
}
func (c *PersonCard) CanUnlock() bool {
	return c.HasAccount() && (c.LoginLock.Locked(c.Now) || c.LoginLock.Failures > 0 ||
		c.LookupLock.Locked(c.Now) || c.LookupLock.Level > 0)
}
func (c *PersonCard) CanCorrectRecovery() bool { return c.HasAccount() && c.RightsActive() }

// HelpdeskCard reads a person's card for an agent, and writes in the audit
// log that the agent saw it (HELPDESK_VIEW, outcome "viewed"): the card
// shows personal data. The card read again right after (see viewAudited)
// adds no line. A refused read is audited as a refused HELPDESK_ACTION.
func (s *Store) HelpdeskCard(ctx context.Context, agent *Account, personID int64, o Origin) (*PersonCard, error) {
	a, err := s.agentRow(ctx, s.db, agent)
	if err != nil {
		if errors.Is(err, ErrNotHelpdesk) {
			s.auditRefusal(ctx, agent, personID, HelpdeskTryView, err, o)
		}
		return nil, err
	}
	c, err := s.readCard(ctx, personID)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if seen, err := s.viewAudited(ctx, tx, a.Identifiant, personID); err != nil || seen {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventHelpdeskView, PersonID: personID, Identifiant: c.Identifiant,
			Client: o.Client, Outcome: "viewed", Actor: a.Identifiant})
	})
	if err != nil {
		return nil, err // not shown unless audited
	}
	return c, nil
}

// viewAgain is how long a card read again adds no view line.
const viewAgain = time.Minute

// viewAudited says whether the log already says that agent saw the person
// now: the newest line about the person is the agent's own (their view of
// the card, or an action of theirs, after which the console reads the card
// again), less than viewAgain ago. Anything else in between, or later, and
// the view is written again.
func (s *Store) viewAudited(ctx context.Context, tx *sql.Tx, agent string, personID int64) (bool, error) {
	var event, actor, at string
	err := tx.QueryRowContext(ctx, `SELECT event, actor, at FROM audit WHERE person_id = ? ORDER BY id DESC LIMIT 1`,
		personID).Scan(&event, &actor, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	own := actor == agent && (Event(event) == EventHelpdeskView || Event(event) == EventHelpdeskAction ||
		Event(event) == EventUnlock)
	return own && s.cfg.Clock.Now().Sub(parseTime(at)) < viewAgain, nil
}

// readCard reads a person's card (the role checked by the caller).
func (s *Store) readCard(ctx context.Context, personID int64) (*PersonCard, error) {
	now := s.cfg.Clock.Now()
	p, err := s.person(ctx, s.db, personID)
	if err != nil {
		return nil, err
	}
	p.PersonalEmail = ""
	c := &PersonCard{Person: p, Now: now, CurrentYear: s.AcademicYear(now)}
	if c.Registrations, err = s.registrations(ctx, s.db, personID); err != nil {
		return nil, err
	}
	c.RightsEnd = RightsEnd(p, c.Registrations, s.cfg.Location)
	a, err := s.account(ctx, s.db, `a.person_id = ?`, personID)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return nil, err
	default:
		c.Identifiant, c.LocalPart, c.Status, c.Helpdesk = a.Identifiant, a.LocalPart, a.Status, a.Helpdesk
		c.ValidatedAt, c.ActivationFrom = a.ValidatedAt, a.ActivationAllowedFrom()
		c.ActivatedAt, c.PasswordAt, c.LastLoginAt = a.ActivatedAt, a.PasswordAt, a.LastLoginAt
		c.Recovery, c.KeepCopy = MaskEmail(a.RecoveryEmail), a.KeepCopy
		if a.RedirectEmail != "" {
			c.Redirect = MaskEmail(a.RedirectEmail)
		}
		c.RedirectToRecovery = a.RedirectsToRecovery()
		if c.LoginLock, err = s.lockState(ctx, scopeLogin, a.LocalPart, LoginFailureWindow); err != nil {
			return nil, err
		}
		if closed, err := s.loginClosed(ctx, s.db, a.LocalPart); err != nil {
			return nil, err
		} else if closed {
			c.LoginLock.Disabled = true // password login closed: only a reset or Déverrouiller reopen it
		}
		if c.Codes, err = s.codeInfos(ctx, personID, now); err != nil {
			return nil, err
		}
		for _, purpose := range []Purpose{PurposeActivation, PurposeReset} {
			at, err := s.mailAllowance(ctx, s.db, personID, purpose)
			if err != nil {
				return nil, err
			}
			if at.After(now) {
				if c.CodeMailFrom == nil {
					c.CodeMailFrom = map[Purpose]time.Time{}
				}
				c.CodeMailFrom[purpose] = at
			}
		}
		if c.Directory, err = s.directoryState(ctx, a); err != nil {
			return nil, err
		}
	}
	if p.StudentNumber != "" {
		if c.LookupLock, err = s.lockState(ctx, scopeLookup, p.StudentNumber, 24*time.Hour); err != nil {
			return nil, err
		}
		if !c.LookupLock.Disabled && !c.LookupLock.Until.After(now) {
			// Not refused everywhere: refused to some terminal? (12.10)
			var until sql.NullString
			if err := s.db.QueryRowContext(ctx, `SELECT MAX(locked_until) FROM throttle_locks WHERE scope = ?
				AND key LIKE ? AND locked_until > ?`, scopeLookupPair, p.StudentNumber+"|%", fmtTime(now)).Scan(&until); err != nil {
				return nil, err
			}
			if until.Valid {
				c.LookupLock.Until = parseTime(until.String)
			}
		}
	}
	if err := s.fillTimeline(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *Store) lockState(ctx context.Context, scope, key string, window time.Duration) (LockState, error) {
	l, err := s.lock(ctx, s.db, scope, key)
	if err != nil {
		return LockState{}, err
	}
	st := LockState{Until: l.until, Disabled: l.disabled, Level: l.level}
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle_failures WHERE scope = ? AND key = ? AND at > ?`,
		scope, key, fmtTime(s.cfg.Clock.Now().Add(-window))).Scan(&st.Failures)
	return st, err
}

// codeInfoLimit: the codes a card lists (at most 3 code mails an hour).
const codeInfoLimit = 60

func (s *Store) codeInfos(ctx context.Context, personID int64, now time.Time) ([]CodeInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.purpose, c.target, c.created_at, c.expires_at, c.failures,
		c.used_at, c.revoked_at, COALESCE(c.revoked_why, ''), o.id IS NOT NULL, COALESCE(o.status, ''),
		o.not_before, o.sent_at, COALESCE(o.attempts, 0), COALESCE(o.last_error, '')
		FROM codes c LEFT JOIN outbox o ON o.id = c.mail_id
		WHERE c.person_id = ? ORDER BY c.id DESC LIMIT ?`, personID, codeInfoLimit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CodeInfo
	for rows.Next() {
		var ci CodeInfo
		var target, created, expires string
		var used, revoked, notBefore, sent sql.NullString
		if err := rows.Scan(&ci.Purpose, &target, &created, &expires, &ci.Failures, &used, &revoked, &ci.RevokedWhy,
			&ci.Mail.Exists, &ci.Mail.Status, &notBefore, &sent, &ci.Mail.Attempts, &ci.Mail.LastError); err != nil {
			return nil, err
		}
		ci.Target, ci.CreatedAt, ci.ExpiresAt = MaskEmail(target), parseTime(created), parseTime(expires)
		ci.Mail.NotBefore, ci.Mail.SentAt = nullTime(notBefore), nullTime(sent)
		ci.Mail.LastError = maskAddresses(Clean(ci.Mail.LastError)) // stored masked; rows may predate that
		switch {
		case used.Valid:
			ci.State, ci.EndedAt = CodeUsed, nullTime(used)
		case revoked.Valid && ci.RevokedWhy == "superseded":
			ci.State, ci.EndedAt = CodeSuperseded, nullTime(revoked)
		case revoked.Valid:
			ci.State, ci.EndedAt = CodeRevoked, nullTime(revoked)
		case !now.Before(ci.ExpiresAt):
			ci.State, ci.EndedAt = CodeExpired, ci.ExpiresAt
		default:
			ci.State = CodeLive
		}
		out = append(out, ci)
	}
	return out, rows.Err()
}

// timelineSkip: audit lines the card does not repeat (a sent code is shown
// from the codes with its mail; a logout says nothing of a problem; the
// agents' views are in the person's audit log, not in their history).
var timelineSkip = map[Event]bool{EventSendCode: true, EventLogout: true, EventHelpdeskView: true}

// problemEvents are trouble whatever their outcome.
var problemEvents = map[Event]bool{EventLoginError: true, EventLock: true, EventCodeError: true,
	EventIALookupError: true}

func (s *Store) fillTimeline(ctx context.Context, c *PersonCard) error {
	var tl []TimelineEvent
	for i := range c.Registrations {
		r := &c.Registrations[i]
		if !r.ValidatedAt.IsZero() {
			tl = append(tl, TimelineEvent{At: r.ValidatedAt, What: TimelineIAValidated, Outcome: r.Statut, Registration: r,
				Detail: r.AcademicYearLabel() + " " + r.CodeEtape, order: timelineOrder{0, int64(-i)}})
		}
	}
	for i := range c.Codes {
		// The code is one thing (created, then used, replaced, revoked or
		// expired), its mail another (queued, sent, failed, cancelled): the
		// creation line says where the mail is now.
		ci := &c.Codes[i]
		newer := int64(-2 * i) // c.Codes is newest first
		tl = append(tl, TimelineEvent{At: ci.CreatedAt, What: TimelineCodeCreated, Code: ci,
			Problem: ci.Mail.Status == MailFailed, order: timelineOrder{1, newer}})
		ended := timelineOrder{3, newer}
		switch ci.State {
		case CodeUsed:
			tl = append(tl, TimelineEvent{At: ci.EndedAt, What: TimelineCodeUsed, Code: ci, order: ended})
		case CodeSuperseded:
			// replaced by the creation of the next one: just under it
			tl = append(tl, TimelineEvent{At: ci.EndedAt, What: TimelineCodeReplaced, Code: ci,
				order: timelineOrder{1, newer + 1}})
		case CodeRevoked:
			tl = append(tl, TimelineEvent{At: ci.EndedAt, What: TimelineCodeRevoked, Code: ci, Outcome: ci.RevokedWhy,
				Problem: ci.RevokedWhy == "failures", order: ended})
		case CodeExpired:
			tl = append(tl, TimelineEvent{At: ci.EndedAt, What: TimelineCodeExpired, Code: ci, Problem: true, order: ended})
		}
	}
	filter := AuditFilter{PersonID: c.Person.ID, Limit: timelineAuditLimit}
	if c.HasAccount() {
		filter = AuditFilter{Identifiant: c.Identifiant, Limit: timelineAuditLimit}
	}
	entries, err := s.AuditLog(ctx, filter)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if timelineSkip[e.Event] && !(e.Event == EventSendCode && e.Info.Kind == DetailNoCode &&
			(e.Info.Args.Purpose == PurposeReset || e.Info.Args.Purpose == PurposeActivation)) {
			// A code asked for and not sent (rights ended, account
			// active) has no code to show it: its audit line does.
			continue
		}
		tl = append(tl, TimelineEvent{At: e.At, What: string(e.Event), Outcome: e.Outcome, Detail: e.Detail,
			Info: e.Info, Actor: e.Actor, Client: e.Client,
			Problem: e.Failed(), order: timelineOrder{2, e.ID}})
	}
	sort.SliceStable(tl, func(i, j int) bool { return newerFirst(tl[i], tl[j]) })
	c.Timeline = tl
	return nil
}
