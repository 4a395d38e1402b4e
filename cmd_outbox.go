package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"

	"entkiosk/data"
	"entkiosk/data/text"
)

// mailStatus names an outbox state in French.
var mailStatus = map[string]string{
	data.MailPending: say("cli.outbox.status.pending"), data.MailSending: say("cli.outbox.status.sending"), data.MailSent: say("cli.outbox.status.sent"), data.MailFailed: say("cli.outbox.status.failed"),
	data.MailCancelled: say("cli.outbox.status.cancelled"),
}

// cancelWhy says in French why a mail was cancelled.
var cancelWhy = map[string]string{data.CancelUsed: say("cli.outbox.cancel.used"), data.CancelSuperseded: say("cli.outbox.cancel.superseded"),
	data.CancelFailures: say("cli.outbox.cancel.failures"), data.CancelCorrected: say("cli.outbox.cancel.recovery")}

func cmdOutbox(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", say("cli.outbox.about"))
	f.storeOptions(false)
	var to, status string
	f.str(&to, "to", "ADRESSE", "", say("cli.outbox.flag.to"))
	f.str(&status, "status", "ÉTAT", "", say("cli.outbox.flag.status"))
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	switch status {
	case "", data.MailPending, data.MailSending, data.MailSent, data.MailFailed, data.MailCancelled:
	default:
		return usageError{fmt.Sprintf(say("cli.outbox.status.bad"), status)}
	}
	store, err := f.openToRead(stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	mails, err := store.Outbox(ctx, data.OutboxFilter{To: to, Status: status})
	if err != nil {
		return fmt.Errorf(say("cli.outbox.read"), store.Explain(err))
	}
	loc := store.Config().Location
	attempts := func(n int) string { return text.PlainN(text.French, "cli.count.try", n) }
	for i, m := range mails {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, say("cli.outbox.header"), data.Clean(m.To), m.Subject,
			data.FromMinute(m.NotBefore).In(loc).Format("02/01/2006 15:04"), mailStatus[m.Status])
		switch {
		case m.Status == data.MailSent:
			fmt.Fprintf(stdout, say("cli.outbox.done"), m.SentAt.In(loc).Format(say("cli.layout.datetime")), attempts(m.Attempts))
		case m.Status == data.MailPending && m.Attempts > 0:
			fmt.Fprintf(stdout, say("cli.outbox.retry"), attempts(m.Attempts), data.FromMinute(m.NextTryAt).In(loc).Format(say("cli.layout.datetime.minute")))
		case m.Status == data.MailFailed:
			fmt.Fprintf(stdout, " (%s)", attempts(m.Attempts))
		case m.Status == data.MailCancelled:
			fmt.Fprintf(stdout, say("cli.outbox.cancelled"), m.CancelledAt.In(loc).Format(say("cli.layout.datetime")),
				cmp.Or(cancelWhy[m.CancelWhy], m.CancelWhy))
		}
		fmt.Fprintln(stdout)
		if m.LastError != "" && m.Status != data.MailSent {
			fmt.Fprintf(stdout, say("cli.outbox.lasterror"), data.Clean(m.LastError))
		}
		fmt.Fprintf(stdout, "\n%s", m.Body)
		fmt.Fprintln(stdout, strings.Repeat("─", 72))
	}
	if len(mails) == 0 {
		fmt.Fprintln(stdout, say("cli.outbox.none"))
	}
	return nil
}
