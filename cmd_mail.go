package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"entkiosk/data"
)

// smtpFrench says each of data.ParseSMTP's refusals in French; %s is the
// value at fault, quoted (never the password: ParseSMTP never gives it).
var smtpFrench = map[data.SMTPProblem]string{
	data.SMTPNotURL:           "ce n'est pas une URL (smtp://utilisateur:motdepasse@hôte:587 ou smtps://hôte:465 ; caractères spéciaux encodés en %XX)",
	data.SMTPScheme:           "schéma %s : smtp:// ou smtps://",
	data.SMTPNoHost:           "aucun hôte (smtp://hôte:587)",
	data.SMTPPasswordNoUser:   "un mot de passe sans nom d'utilisateur",
	data.SMTPPort:             "port %s invalide",
	data.SMTPTrailing:         "rien ne peut suivre l'hôte et le port, sauf ?starttls=",
	data.SMTPUnknownOption:    "option %s inconnue (seulement starttls=opportunistic|required|off)",
	data.SMTPStartTLSImplicit: "starttls= ne s'applique pas à smtps:// (TLS dès le début)",
	data.SMTPStartTLSValue:    "starttls=%s : opportunistic, required ou off",
	data.SMTPFromAddress:      "%s : ce n'est pas une adresse (Nom <adresse@domaine>)",
}

// smtpError says a refusal of the relay's configuration in French, from
// its type: the option, then what is wrong with it.
func smtpError(err error) string {
	var bad *data.SMTPConfigError
	if !errors.As(err, &bad) {
		return "--smtp : adresse du relais refusée (" + err.Error() + ")"
	}
	sentence, ok := smtpFrench[bad.Problem]
	if !ok {
		return bad.Field + " : " + err.Error()
	}
	if strings.Contains(sentence, "%s") {
		sentence = fmt.Sprintf(sentence, strconv.Quote(bad.Value))
	}
	if bad.Problem == data.SMTPFromAddress { // « --from "x" : ce n'est pas… »
		return bad.Field + " " + sentence
	}
	return bad.Field + " : " + sentence
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
		count(report.Sent, "envoyé", "envoyés"), report.Retry, report.Failed)
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
