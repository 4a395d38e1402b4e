package screens

import (
	"testing"

	"entkiosk/data"
	"entkiosk/data/text"
)

// The keys the screens build at run time from their own lists (data/text's
// tests check the keys written as literals, the prefixes, and the keys
// built from the store's lists).
func TestKeysBuiltFromTheScreensLists(t *testing.T) {
	var keys []string
	for _, topic := range helpTopics {
		keys = append(keys, "help."+topic, "help."+topic+".text")
	}
	for n, a := range nextActionKey {
		keys = append(keys, "helpdesk.action."+a)
		if n != data.NextCorrectRecovery { // the correction has its own page, no confirmation
			keys = append(keys, "helpdesk.confirm."+a)
		}
	}
	for _, ch := range troubleChecks {
		keys = append(keys, "recovery.check."+ch.key+".title", "recovery.check."+ch.key+".text")
		for _, a := range ch.actions {
			keys = append(keys, "recovery.action."+a)
		}
	}
	for _, k := range keys {
		for _, lang := range []Lang{French, English} {
			if !text.Has(lang, k) {
				t.Errorf("%s: no %q", lang, k)
			}
		}
	}
	if len(keys) < 20 {
		t.Fatalf("only %d keys", len(keys))
	}
}
