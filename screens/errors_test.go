package screens

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/data/directory"
	"entkiosk/data/institution"
)

// One table says every error code: each code the store gives has its
// words in both languages, and an error without a code is the only kind
// said as "try again" (and logged).
func TestEveryErrorCodeHasWords(t *testing.T) {
	clock := data.NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation()))
	s, err := data.Open(filepath.Join(t.TempDir(), "errors.db"), data.Config{Clock: clock, Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	later := clock.Now().Add(10 * time.Minute)
	samples := map[data.Code][]error{
		data.CodeCredentials:          {data.ErrInvalidCredentials},
		data.CodeLoginClosed:          {data.ErrPasswordLoginClosed},
		data.CodeBusy:                 {fmt.Errorf("login: %w", data.ErrBusy)},
		data.CodeNoMatch:              {data.ErrNoMatch},
		data.CodeAlreadyActive:        {data.ErrAlreadyActive},
		data.CodeCodeWrong:            {&data.CodeWrongError{Remaining: 2}, &data.CodeWrongError{}},
		data.CodeCodeExpired:          {data.ErrCodeExpired},
		data.CodeCodeUsed:             {data.ErrCodeUsed},
		data.CodeCodeReplaced:         {data.ErrCodeReplaced},
		data.CodeCodeEarlier:          {&data.EarlierCodeError{Why: data.EarlierUsed, Ended: later}},
		data.CodeBadToken:             {data.ErrBadToken},
		data.CodeWrongPassword:        {data.ErrWrongPassword},
		data.CodeSamePassword:         {fmt.Errorf("%w: %w", data.ErrSamePassword, &data.PolicyError{})},
		data.CodeNotHelpdesk:          {data.ErrNotHelpdesk},
		data.CodeUnknownIdentifiant:   {data.ErrUnknownIdentifiant},
		data.CodeCharterNotAccepted:   {data.ErrCharterNotAccepted},
		data.CodeSameAddress:          {data.ErrSameAddress},
		data.CodeOwnAddress:           {data.ErrOwnAddress},
		data.CodeRecoveryUniversity:   {data.ErrRecoveryUniversity},
		data.CodeRedirectUniversity:   {data.ErrRedirectUniversity},
		data.CodeDirectoryUnavailable: {data.ErrDirectoryUnavailable},
		data.CodeNotInDirectory:       {data.ErrNotInDirectory},
		data.CodeDirectoryPolicy: {&data.DirectoryPolicyError{Reason: directory.PolicyTooShort, MinLength: 12},
			&data.DirectoryPolicyError{Reason: directory.PolicyInHistory}},
		data.CodeTooEarly:     {&data.TooEarlyError{AllowedFrom: later}},
		data.CodeRightsEnded:  {&data.RightsEndedError{End: clock.Now()}, &data.RightsEndedError{}},
		data.CodeRateLimit:    {&data.RateLimitError{What: "client", Until: later}, &data.RateLimitError{What: "lookup"}},
		data.CodePolicy:       {&data.PolicyError{}},
		data.CodeInvalidEmail: {&data.InvalidEmailError{Reason: "character", Char: '§'}, &data.InvalidEmailError{Reason: "no @"}},
	}
	for _, code := range data.Codes {
		if errorWords[code] == nil {
			t.Errorf("%s: no words", code)
		}
		if len(samples[code]) == 0 {
			t.Errorf("%s: no sample error in this test", code)
		}
	}
	if len(samples) != len(data.Codes) || len(errorWords) != len(data.Codes) {
		t.Errorf("%d codes, %d samples, %d entries in the table", len(data.Codes), len(samples), len(errorWords))
	}
	for code, errs := range samples {
		for _, err := range errs {
			if got := data.ErrorCode(err); got != code {
				t.Errorf("%v: code %s, want %s", err, got, code)
			}
			if Internal(err) {
				t.Errorf("%v: internal", err)
			}
			for _, lang := range []Lang{French, English} {
				c := &Common{Store: s, Lang: lang}
				words := c.ErrorText(err)
				if words == "" || words == c.T("error.internal") || strings.Contains(words, "⟦") ||
					strings.Contains(words, "%!") {
					t.Errorf("%s %s (%v): %q", lang, code, err, words)
				}
			}
		}
	}
	// No code: internal, in words and in the log alike.
	for _, err := range []error{errors.New("disk full"), fmt.Errorf("x: %w", sql.ErrNoRows), data.ErrCodeWrong} {
		c := &Common{Store: s, Lang: French}
		if !Internal(err) || c.ErrorText(err) != c.T("error.internal") || data.ErrorCode(err) != data.CodeInternal {
			t.Errorf("%v: internal %v, said %q", err, Internal(err), c.ErrorText(err))
		}
	}
	if Internal(nil) || (&Common{}).ErrorText(nil) != "" {
		t.Error("no error said as one")
	}
	// The console's own codes: said there in both languages, internal
	// (logged, "try again") on the other screens, as before.
	for code, err := range map[data.Code]error{data.CodeNotActive: data.ErrNotActive,
		data.CodeIdentityNotChecked: data.ErrIdentityNotChecked, data.CodeNotFound: fmt.Errorf("card: %w", data.ErrNotFound)} {
		if data.ErrorCode(err) != code || !isHelpdeskError(err) || !Internal(err) {
			t.Errorf("%s: code %s", code, data.ErrorCode(err))
		}
		for _, lang := range []Lang{French, English} {
			c := &Common{Store: s, Lang: lang}
			h := &Helpdesk{auditWords: auditWords{c}, c: c}
			if words := h.errorText(err); words == h.c.T("error.internal") || strings.Contains(words, "⟦") {
				t.Errorf("%s %s: %q", lang, code, words)
			}
		}
	}
	if len(helpdeskErrorWords) != len(data.HelpdeskCodes) {
		t.Errorf("%d console codes, %d with words", len(data.HelpdeskCodes), len(helpdeskErrorWords))
	}
	for _, code := range data.HelpdeskCodes {
		if helpdeskErrorWords[code] == "" {
			t.Errorf("%s: no words in the console", code)
		}
	}
}
