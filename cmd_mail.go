package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"

	"entkiosk/data"
	"entkiosk/data/text"
)

// smtpFrench says data.ParseSMTP's refusals in French (they never repeat
// the password; neither does this).
var smtpFrench = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^--smtp: not a URL`), "--smtp : ce n'est pas une URL (smtp://utilisateur:motdepasse@hôte:587 ou smtps://hôte:465 ; caractères spéciaux encodés en %XX)"},
	{regexp.MustCompile(`^--smtp: scheme (".*"): `), "--smtp : schéma $1 : smtp:// ou smtps://"},
	{regexp.MustCompile(`^--smtp: no host`), "--smtp : aucun hôte (smtp://hôte:587)"},
	{regexp.MustCompile(`^--smtp: a password without a user name`), "--smtp : un mot de passe sans nom d'utilisateur"},
	{regexp.MustCompile(`^--smtp: port (".*")`), "--smtp : port $1 invalide"},
	{regexp.MustCompile(`^--smtp: nothing may follow`), "--smtp : rien ne peut suivre l'hôte et le port, sauf ?starttls="},
	{regexp.MustCompile(`^--smtp: unknown option (".*") `), "--smtp : option $1 inconnue (seulement starttls=opportunistic|required|off)"},
	{regexp.MustCompile(`^--smtp: starttls= does not apply`), "--smtp : starttls= ne s'applique pas à smtps:// (TLS dès le début)"},
	{regexp.MustCompile(`^--smtp: starttls=(".*"): `), "--smtp : starttls=$1 : opportunistic, required ou off"},
	{regexp.MustCompile(`^--from (".*"): not an address`), "--from $1 : ce n'est pas une adresse (Nom <adresse@domaine>)"},
}

func smtpError(err error) string {
	msg := err.Error()
	for _, t := range smtpFrench {
		if loc := t.re.FindStringSubmatchIndex(msg); loc != nil {
			return string(t.re.ExpandString(nil, t.fr, msg, loc))
		}
	}
	return "--smtp : adresse du relais refusée (" + msg + ")"
}

func cmdMail(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "--smtp URL [options]", say("cli.mail.about"))
	f.storeOptions(false)
	var smtpURL, from string
	var watch bool
	f.str(&smtpURL, "smtp", "URL", "", say("cli.mail.flag.smtp"))
	f.str(&from, "from", "ADRESSE", "", say("cli.mail.flag.from"))
	f.institutionOption()
	f.bool(&watch, "watch", say("cli.mail.flag.watch"))
	f.logOption(say("cli.mail.log"))
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if smtpURL == "" {
		return usageError{say("cli.mail.nosmtp")}
	}
	from, err := f.mailFrom(from)
	if err != nil {
		return err
	}
	cfg, err := data.ParseSMTP(smtpURL, from)
	if err != nil {
		return usageError{name + " : " + smtpError(err)}
	}
	logger, store, stop, err := f.start(ctx, stderr, "")
	if err != nil {
		return err
	}
	defer stop()
	if watch {
		return mailError(store.RunMailer(ctx, cfg, slog.New(logger.WithPrefix("mail"))))
	}
	report, err := store.DeliverDue(ctx, cfg, slog.New(logger.WithPrefix("mail")))
	fmt.Fprintf(stdout, say("cli.mail.summary"),
		text.PlainN(text.French, "cli.count.sent", report.Sent), report.Retry, report.Failed)
	return mailError(err)
}

func mailError(err error) error {
	var re *data.RelayError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &re):
		return fmt.Errorf(say("cli.mail.relay.unusable"), re.Relay, re.Err)
	}
	return fmt.Errorf(say("cli.mail.interrupted"), err)
}
