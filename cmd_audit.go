package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/screens"
)

func cmdAudit(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", say("cli.audit.about"))
	f.storeOptions(false)
	var ident, since, events string
	var asJSON, verify bool
	var limit int
	f.str(&ident, "identifiant", "X", "", say("cli.audit.flag.identifiant"))
	f.str(&since, "since", "DATE", "", say("cli.audit.flag.since"))
	f.str(&events, "event", "E,E…", "", say("cli.audit.flag.event"))
	f.bool(&asJSON, "json", say("cli.audit.flag.json"))
	f.int(&limit, "limit", 1000, say("cli.audit.flag.limit"))
	f.bool(&verify, "verify", text.Plain(text.French, "cli.audit.verify.help"))
	f.langOption()
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	lang := f.lang()
	if verify {
		return verifyAudit(ctx, f, lang, stdout, stderr)
	}
	if limit < 1 {
		return usageError{text.Plain(lang, "cli.audit.limit.bad", limit)}
	}
	filter := data.AuditFilter{Identifiant: ident, Limit: limit}
	if events != "" {
		known := map[data.Event]bool{}
		var names []string
		for _, e := range data.AuditEvents {
			known[e] = true
			names = append(names, string(e))
		}
		for _, name := range strings.Split(events, ",") {
			e := data.Event(strings.ToUpper(strings.TrimSpace(name)))
			if !known[e] {
				return usageError{text.Plain(lang, "cli.audit.event.unknown", name, strings.Join(names, ", "))}
			}
			filter.Events = append(filter.Events, e)
		}
	}
	if since != "" {
		t, err := parseDay(name, "since", since, lang)
		if err != nil {
			return err
		}
		filter.Since = t
	}
	store, err := f.openToRead(stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	entries, err := store.AuditLog(ctx, filter)
	if err != nil {
		return fmt.Errorf(say("cli.audit.read"), store.Explain(err))
	}
	enc := json.NewEncoder(stdout)
	words := screens.NewAuditWords(store, lang) // the helpdesk console's words
	for _, e := range entries {
		if asJSON {
			// The detail's kind and arguments (old lines read by the store
			// as well), and its English sentence as before.
			var args any
			if e.Info.Kind != "" {
				args = e.Info.Args
			}
			if err := enc.Encode(map[string]any{"id": e.ID, "at": e.At.UTC().Format(time.RFC3339), "event": e.Event,
				"person_id": e.PersonID, "identifiant": e.Identifiant, "client": e.Client, "outcome": e.Outcome,
				"actor": e.Actor, "detail": e.Detail, "kind": e.Info.Kind, "args": args}); err != nil {
				return err
			}
			continue
		}
		// The event's code stays (it is what --event takes); the outcome,
		// the actor and the detail are said in words.
		fmt.Fprintf(stdout, "%s  %-20s %-40s %-24s %s", e.At.UTC().Format(time.RFC3339), e.Event,
			data.Clean(e.Identifiant), data.Clean(e.Client), words.Outcome(e))
		if e.Actor != "" {
			fmt.Fprintf(stdout, "  %s", words.By(e.Actor))
		}
		if d := words.Detail(e); d != "" {
			fmt.Fprintf(stdout, "  (%s)", d)
		}
		fmt.Fprintln(stdout)
	}
	switch {
	case len(entries) == 0 && !asJSON:
		fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.none"))
	case len(entries) == limit:
		fmt.Fprintln(stderr, limitNote(lang, limit))
	}
	return nil
}

// limitNote says that the audit printed only the newest limit events.
func limitNote(lang text.Lang, limit int) string {
	if limit == 1 {
		return text.Plain(lang, "cli.audit.limit.one")
	}
	return text.Plain(lang, "cli.audit.limit.other", limit)
}

// dayFormats are the dates the options take: jj/mm/aaaa and aaaa-mm-jj.
var dayFormats = []*regexp.Regexp{
	regexp.MustCompile(`^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$`),
	regexp.MustCompile(`^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$`),
}

// parseDay reads a date option (--since) as the start of that day in
// Paris. A date of the right shape that is not in the calendar (31/02,
// 12/13) is said as such: a usage error, exit status 2.
func parseDay(cmd, option, v string, lang text.Lang) (time.Time, error) {
	for _, re := range dayFormats {
		m := re.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil {
			continue
		}
		num := func(name string) int { n, _ := strconv.Atoi(m[re.SubexpIndex(name)]); return n }
		y, mo, d := num("y"), num("m"), num("d")
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, data.ParisLocation())
		if mo < 1 || mo > 12 || d < 1 || t.Day() != d {
			return time.Time{}, usageError{text.Plain(lang, "cli.date.none", cmd, option, strings.TrimSpace(v))}
		}
		return t, nil
	}
	return time.Time{}, usageError{text.Plain(lang, "cli.date.bad", cmd, option, v)}
}

// verifyAudit checks the audit log's hash chain (--verify): each break on
// stdout with the row's id and time, then exit status 1; an intact chain
// says how many entries and the head to record elsewhere, exit status 0.
func verifyAudit(ctx context.Context, f *flags, lang text.Lang, stdout, stderr io.Writer) error {
	store, err := f.openToRead(stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	chain, err := store.VerifyAuditChain(ctx)
	if err != nil {
		return fmt.Errorf(say("cli.audit.read"), store.Explain(err))
	}
	for _, b := range chain.Breaks {
		at := b.At
		if t, err := time.Parse(time.RFC3339Nano, b.At); err == nil {
			at = t.UTC().Format(time.RFC3339)
		}
		if b.Missing[0] != 0 && b.Missing[0] == b.Missing[1] { // one entry: not "id 20 to 20"
			fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.verify.missing.single", b.ID, data.Clean(at), b.Missing[0]))
		} else if b.Missing[0] != 0 {
			fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.verify.missing", b.ID, data.Clean(at), b.Missing[0], b.Missing[1]))
		} else {
			fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.verify.edited", b.ID, data.Clean(at)))
		}
	}
	if n := len(chain.Breaks); n > 0 {
		return errors.New(text.PlainN(lang, "cli.audit.verify.broken", n))
	}
	fmt.Fprintln(stdout, text.PlainN(lang, "cli.audit.verify.ok", chain.Entries))
	if chain.Unchained > 0 {
		fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.verify.unchained", chain.Unchained))
	}
	if chain.LastID > 0 {
		fmt.Fprintln(stdout, text.Plain(lang, "cli.audit.verify.head", chain.LastID, chain.Head))
	}
	return nil
}
