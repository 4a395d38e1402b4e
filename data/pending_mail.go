package data

// Temporary: SMTP delivery and the alias export are being written (this
// file goes away with them).

import (
	"context"
	"errors"
	"io"

	"github.com/charmbracelet/log"
)

var errMailPending = errors.New("not written yet")

type SMTPConfig struct{ URL, From string }

type DeliveryReport struct{ Sent, Retry, Failed int }

func ParseSMTP(url, from string) (SMTPConfig, error) { return SMTPConfig{}, errMailPending }
func (s *Store) RunMailer(ctx context.Context, cfg SMTPConfig, l *log.Logger) error {
	return errMailPending
}
func (s *Store) DeliverDue(ctx context.Context, cfg SMTPConfig, l *log.Logger) (DeliveryReport, error) {
	return DeliveryReport{}, errMailPending
}
func (s *Store) WriteAliases(ctx context.Context, w io.Writer) (int, error) { return 0, errMailPending }
func (s *Store) ExportAliases(ctx context.Context, path string) (int, error) {
	return 0, errMailPending
}
