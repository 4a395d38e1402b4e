package data

// Temporary: the mail, alias, role and backup functions are being written
// (this file goes away with them).

import (
	"context"
	"errors"
	"io"

	"github.com/charmbracelet/log"
)

var errPending = errors.New("not written yet")

type SMTPConfig struct{ URL, From string }

type DeliveryReport struct{ Sent, Retry, Failed int }

func ParseSMTP(url, from string) (SMTPConfig, error) { return SMTPConfig{}, errPending }
func (s *Store) RunMailer(ctx context.Context, cfg SMTPConfig, l *log.Logger) error {
	return errPending
}
func (s *Store) DeliverDue(ctx context.Context, cfg SMTPConfig, l *log.Logger) (DeliveryReport, error) {
	return DeliveryReport{}, errPending
}
func (s *Store) WriteAliases(ctx context.Context, w io.Writer) (int, error)  { return 0, errPending }
func (s *Store) ExportAliases(ctx context.Context, path string) (int, error) { return 0, errPending }
func (s *Store) SetHelpdesk(ctx context.Context, ident string, on bool, o Origin) error {
	return errPending
}
func (s *Store) Backup(ctx context.Context, dest string) error { return errPending }
