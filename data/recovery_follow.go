package data

import (
	"context"
	"database/sql"
	"strings"

	"entkiosk/data/directory"
)

// RedirectsToRecovery says whether the university mailbox is forwarded to
// the mail de secours: chosen as "my mail de secours" (at activation, or
// later), such a redirection follows the mail de secours when it changes.
func (a *Account) RedirectsToRecovery() bool {
	return a.RedirectEmail != "" && strings.EqualFold(a.RedirectEmail, a.RecoveryEmail)
}

// followRecovery, in the transaction that replaces the mail de secours of
// personID by newAddr and before it does, moves a redirection that went to
// the old mail de secours to newAddr, with the same keep-copy choice: left
// behind, the university mail would keep going, maybe without a copy, to
// an address just replaced because it was wrong or no longer the person's.
// A redirection to any other address is left alone. The move is a
// redirection change like any other: audited (actor: the agent, or empty
// for the person), and its notice goes to the new destination; the old
// address hears nothing more than the recovery-change notice it gets
// anyway (it may be someone else's). It says whether the redirection
// followed.
func (s *Store) followRecovery(ctx context.Context, tx *sql.Tx, personID int64, newAddr, actor string, o Origin) (bool, error) {
	a, err := s.account(ctx, tx, `a.person_id = ?`, personID)
	if err != nil {
		return false, err
	}
	if !a.RedirectsToRecovery() {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET redirect_email = ? WHERE person_id = ?`, newAddr, personID); err != nil {
		return false, err
	}
	if err := s.enqueueDirectory(ctx, tx, a, directory.Change{Kind: directory.ChangeRedirection, Address: newAddr,
		KeepCopy: a.KeepCopy}); err != nil {
		return false, err
	}
	if err := s.queueNotice(ctx, tx, a, MailRedirectionChanged, newAddr, MaskEmail(newAddr), o); err != nil {
		return false, err
	}
	return true, s.audit(ctx, tx, AuditEntry{Event: EventUpdateRedirection, PersonID: personID, Identifiant: a.Identifiant,
		Client: o.Client, Outcome: "ok", Actor: actor, Info: RedirectionDetail(MaskEmail(newAddr), a.KeepCopy)})
}
