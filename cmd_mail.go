package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"entkiosk/data"
	"entkiosk/data/text"
)

// smtpSentences name the French sentence of each of data.ParseSMTP's
// refusals (data/text, cli.smtp.*); the value at fault, when the problem
// has one, is quoted in it (never the password: ParseSMTP never gives it).
var smtpSentences = map[data.SMTPProblem]string{
	data.SMTPNotURL:           "cli.smtp.noturl",
	data.SMTPScheme:           "cli.smtp.scheme",
	data.SMTPNoHost:           "cli.smtp.nohost",
	data.SMTPPasswordNoUser:   "cli.smtp.nouser",
	data.SMTPPort:             "cli.smtp.port",
	data.SMTPTrailing:         "cli.smtp.trailing",
	data.SMTPUnknownOption:    "cli.smtp.option",
	data.SMTPStartTLSImplicit: "cli.smtp.starttls.smtps",
	data.SMTPStartTLSValue:    "cli.smtp.starttls.value",
	data.SMTPFromAddress:      "cli.smtp.from",
}

// smtpError says a refusal of the relay's configuration in French, from
// its type: the option, then what is wrong with it.
func smtpError(err error) string {
	var bad *data.SMTPConfigError
	if !errors.As(err, &bad) {
		return fmt.Sprintf(say("cli.smtp.other"), err)
	}
	k, ok := smtpSentences[bad.Problem]
	if !ok {
		return bad.Field + " : " + err.Error()
	}
	if bad.Problem.HasValue() {
		return fmt.Sprintf(say(k), strconv.Quote(bad.Value))
	}
	return say(k)
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
	var connections int
	f.smtpConnections(&connections)
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
	cfg.Connections = connections
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
