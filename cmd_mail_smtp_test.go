package main

import (
	"errors"
	"testing"

	"entkiosk/data"
	"entkiosk/data/text"
)

// Every mistake in --smtp or --from gets its French sentence, from the
// error's type, with the value at fault and never the password.
func TestSMTPConfigSentences(t *testing.T) {
	const from = "ENT <ne-pas-repondre@example.org>"
	seen := map[data.SMTPProblem]bool{}
	for _, tc := range []struct {
		url, from string
		problem   data.SMTPProblem
		want      string
	}{
		{"smtp://re lay:x", from, data.SMTPNotURL, "--smtp : ce n'est pas une URL (smtp://utilisateur:motdepasse@hôte:587 ou smtps://hôte:465 ; caractères spéciaux encodés en %XX)"},
		{"ftp://relay", from, data.SMTPScheme, `--smtp : schéma "ftp" : smtp:// ou smtps://`},
		{"smtp://", from, data.SMTPNoHost, "--smtp : aucun hôte (smtp://hôte:587)"},
		{"smtp://:hunter2@relay", from, data.SMTPPasswordNoUser, "--smtp : un mot de passe sans nom d'utilisateur"},
		{"smtp://u:hunter2@relay:99999", from, data.SMTPPort, `--smtp : port "99999" invalide`},
		{"smtp://relay/path", from, data.SMTPTrailing, "--smtp : rien ne peut suivre l'hôte et le port, sauf ?starttls="},
		{"smtp://relay?tls=1", from, data.SMTPUnknownOption, `--smtp : option "tls" inconnue (seulement starttls=opportunistic|required|off)`},
		{"smtps://relay?starttls=required", from, data.SMTPStartTLSImplicit, "--smtp : starttls= ne s'applique pas à smtps:// (TLS dès le début)"},
		{"smtp://relay?starttls=maybe", from, data.SMTPStartTLSValue, `--smtp : starttls="maybe" : opportunistic, required ou off`},
		{"smtp://relay", "personne", data.SMTPFromAddress, `--from "personne" : ce n'est pas une adresse (Nom <adresse@domaine>)`},
	} {
		_, err := data.ParseSMTP(tc.url, tc.from)
		var bad *data.SMTPConfigError
		if !errors.As(err, &bad) || bad.Problem != tc.problem {
			t.Errorf("%s %s: %v, want the problem %q", tc.url, tc.from, err, tc.problem)
			continue
		}
		seen[tc.problem] = true
		if got := smtpError(err); got != tc.want {
			t.Errorf("%s %s:\n got %q\nwant %q", tc.url, tc.from, got, tc.want)
		}
	}
	for _, p := range data.SMTPProblems {
		if !seen[p] {
			t.Errorf("no case gives %q", p)
		}
		if k := smtpSentences[p]; k == "" || !text.Has(text.French, k) || !text.Has(text.English, k) {
			t.Errorf("%q has no sentence (%q)", p, k)
		}
	}
	if len(smtpSentences) != len(data.SMTPProblems) {
		t.Errorf("%d sentences for %d problems", len(smtpSentences), len(data.SMTPProblems))
	}
	// An error of another type is said too, as the relay's address refused.
	if got := smtpError(errors.New("boom")); got != "--smtp : adresse du relais refusée (boom)" {
		t.Errorf("other error: %q", got)
	}
}
