package screens

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/directory"
)

// The directory's refusals are said in the person's language, never as an
// LDAP error, and a policy refusal keeps the password fields (it reads as
// a PolicyError).
func TestDirectoryRefusalsInThePersonsWords(t *testing.T) {
	t.Parallel()
	c := testCommon()
	cases := []struct {
		err    error
		fr, en string
	}{
		{fmt.Errorf("%w: directory set password: unreachable", data.ErrDirectoryUnavailable),
			"L'annuaire de l'université ne répond pas : rien n'a été changé, réessayez dans quelques minutes.",
			"The university directory is not answering: nothing was changed. Please try again in a few minutes."},
		{data.ErrNotInDirectory,
			"Votre compte n'est pas encore dans l'annuaire : réessayez demain ou contactez l'assistance.",
			"Your account is not in the university directory yet: try again tomorrow or contact the helpdesk."},
		{&data.DirectoryPolicyError{Reason: directory.PolicyTooShort}, "trop court", "too short"},
		{&data.DirectoryPolicyError{Reason: directory.PolicyTooShort, MinLength: 12},
			"L'annuaire de l'université refuse ce mot de passe : il est trop court (12 caractères au moins). Choisissez-en un plus long.",
			"The university directory refuses this password: it is too short (at least 12 characters). Choose a longer one."},
		{&data.DirectoryPolicyError{Reason: directory.PolicyInHistory}, "déjà utilisé", "already used"},
		{&data.DirectoryPolicyError{Reason: directory.PolicyUnknown}, "refuse ce mot de passe", "refuses this password"},
	}
	for _, tc := range cases {
		c.Lang = French
		if got := asRead(c.ErrorText(tc.err)); !strings.Contains(got, tc.fr) {
			t.Errorf("%v in French: %q", tc.err, got)
		}
		c.Lang = English
		if got := asRead(c.ErrorText(tc.err)); !strings.Contains(got, tc.en) {
			t.Errorf("%v in English: %q", tc.err, got)
		}
		if Internal(tc.err) {
			t.Errorf("%v is said to people, not logged as internal", tc.err)
		}
	}
	var policy *data.PolicyError
	if !asPolicy(&data.DirectoryPolicyError{Reason: directory.PolicyTooShort}, &policy) {
		t.Fatal("a directory policy refusal must keep the password fields (errors.As PolicyError)")
	}
}

func asPolicy(err error, target **data.PolicyError) bool { return errors.As(err, target) }
