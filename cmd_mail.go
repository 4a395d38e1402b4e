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
	f := newFlags(name, "--smtp URL [options]", "envoie les mails en attente par un relais SMTP "+
		"(un passage ; code de sortie 1 si le relais est inutilisable)")
	f.storeOptions(false)
	var smtpURL, from string
	var watch bool
	f.str(&smtpURL, "smtp", "URL", "", "le relais SMTP (smtp://utilisateur:motdepasse@hôte:587, smtps://hôte:465, ?starttls=required|off) ; obligatoire")
	f.str(&from, "from", "ADRESSE", "", "expéditeur des mails (défaut : celui du fichier d'établissement)")
	f.institutionOption()
	f.bool(&watch, "watch", "continue d'envoyer les nouveaux mails, jusqu'à l'arrêt")
	f.logOption("la sortie d'erreur")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if smtpURL == "" {
		return usageError{"mail : --smtp URL est obligatoire (ou ENTKIOSK_SMTP)"}
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
	fmt.Fprintf(stdout, "mails : %s, %d à réessayer, %d en échec définitif\n",
		text.PlainN(text.French, "cli.count.sent", report.Sent), report.Retry, report.Failed)
	return mailError(err)
}

func mailError(err error) error {
	var re *data.RelayError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &re):
		return fmt.Errorf("mail : relais %s inutilisable, les mails restent en attente : %v", re.Relay, re.Err)
	}
	return fmt.Errorf("mail : envoi interrompu : %w", err)
}
