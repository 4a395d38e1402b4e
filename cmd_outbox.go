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
	data.MailPending: "en attente", data.MailSending: "en cours d'envoi", data.MailSent: "envoyé", data.MailFailed: "en échec",
	data.MailCancelled: "annulé",
}

// cancelWhy says in French why a mail was cancelled.
var cancelWhy = map[string]string{data.CancelUsed: "code déjà utilisé", data.CancelSuperseded: "code remplacé par un plus récent",
	data.CancelFailures: "code annulé après 5 erreurs", data.CancelCorrected: "le mail de secours a changé"}

func cmdOutbox(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", "affiche les mails de la boîte d'envoi, les plus récents d'abord")
	f.storeOptions(false)
	var to, status string
	f.str(&to, "to", "ADRESSE", "", "seulement les mails à cette adresse")
	f.str(&status, "status", "ÉTAT", "", "seulement les mails dans cet état : pending (en attente), "+
		"sending (en cours d'envoi), sent (envoyé), failed (en échec) ou cancelled (annulé : son code ne sert plus)")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	switch status {
	case "", data.MailPending, data.MailSending, data.MailSent, data.MailFailed, data.MailCancelled:
	default:
		return usageError{fmt.Sprintf("outbox : --status %q : pending, sending, sent, failed ou cancelled", status)}
	}
	store, err := f.openToRead(stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	mails, err := store.Outbox(ctx, data.OutboxFilter{To: to, Status: status})
	if err != nil {
		return fmt.Errorf("outbox : lecture de la base : %w", store.Explain(err))
	}
	loc := store.Config().Location
	attempts := func(n int) string { return text.PlainN(text.French, "cli.count.try", n) }
	for i, m := range mails {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "À : %s\nObjet : %s\nDate : %s\nÉtat : %s", data.Clean(m.To), m.Subject,
			data.FromMinute(m.NotBefore).In(loc).Format("02/01/2006 15:04"), mailStatus[m.Status])
		switch {
		case m.Status == data.MailSent:
			fmt.Fprintf(stdout, " le %s (%s)", m.SentAt.In(loc).Format("02/01/2006 à 15:04:05"), attempts(m.Attempts))
		case m.Status == data.MailPending && m.Attempts > 0:
			fmt.Fprintf(stdout, " (%s, prochaine le %s)", attempts(m.Attempts), data.FromMinute(m.NextTryAt).In(loc).Format("02/01/2006 à 15:04"))
		case m.Status == data.MailFailed:
			fmt.Fprintf(stdout, " (%s)", attempts(m.Attempts))
		case m.Status == data.MailCancelled:
			fmt.Fprintf(stdout, " le %s, jamais envoyé (%s)", m.CancelledAt.In(loc).Format("02/01/2006 à 15:04:05"),
				cmp.Or(cancelWhy[m.CancelWhy], m.CancelWhy))
		}
		fmt.Fprintln(stdout)
		if m.LastError != "" && m.Status != data.MailSent {
			fmt.Fprintf(stdout, "Erreur : %s\n", data.Clean(m.LastError))
		}
		fmt.Fprintf(stdout, "\n%s", m.Body)
		fmt.Fprintln(stdout, strings.Repeat("─", 72))
	}
	if len(mails) == 0 {
		fmt.Fprintln(stdout, "(aucun mail)")
	}
	return nil
}
