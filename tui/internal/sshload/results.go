package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// unit says how a figure is written and whether more is better.
type unit struct {
	format       func(v float64) string
	higherBetter bool
}

var (
	msUnit    = unit{format: func(v float64) string { return fmt.Sprintf("%.1f ms", v) }}
	secUnit   = unit{format: func(v float64) string { return fmt.Sprintf("%.2f s", v) }}
	mibUnit   = unit{format: func(v float64) string { return fmt.Sprintf("%.0f MiB", v) }}
	kibUnit   = unit{format: func(v float64) string { return fmt.Sprintf("%.1f KiB", v) }}
	pctUnit   = unit{format: func(v float64) string { return fmt.Sprintf("%.1f %%", v) }}
	rateUnit  = unit{format: func(v float64) string { return fmt.Sprintf("%.1f/s", v) }, higherBetter: true}
	countUnit = unit{format: func(v float64) string { return fmt.Sprintf("%.0f", v) }}
	wonUnit   = unit{format: func(v float64) string { return fmt.Sprintf("%.0f", v) }, higherBetter: true}
)

// row is one figure of one run, with its same-run reference when there is one.
type row struct {
	scenario, measure string
	u                 unit
	value             float64
	ref               float64
	refName           string // "" when the figure has no reference
}

type results struct {
	scenario string
	rows     []row
	notes    []string // said under the table: what the figures rest on
}

// note records a line printed under the table (how a run really went).
func (r *results) note(s string) { r.notes = append(r.notes, s) }

// add records a figure without a reference.
func (r *results) add(measure string, u unit, v float64) {
	r.rows = append(r.rows, row{scenario: r.scenario, measure: measure, u: u, value: v})
	fmt.Printf("   %-52s %s\n", measure, u.format(v))
}

// addRef records a figure beside its same-run reference.
func (r *results) addRef(measure string, u unit, v float64, refName string, ref float64) {
	r.rows = append(r.rows, row{scenario: r.scenario, measure: measure, u: u, value: v, ref: ref, refName: refName})
	fmt.Printf("   %-52s %s   (%s: %s, ratio %s)\n", measure, u.format(v), refName, u.format(ref), ratio(v, ref))
}

func ratio(v, ref float64) string {
	if ref == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", v/ref)
}

// span writes the range of values ("a–b", or one value).
func span(vs []float64, f func(float64) string) string {
	lo, hi := slices.Min(vs), slices.Max(vs)
	if f(lo) == f(hi) {
		return f(lo)
	}
	return f(lo) + " – " + f(hi)
}

// print writes one line per measure: the range over the runs of the figure,
// of its reference and of their ratio (each ratio from one run).
func (r *results) print(w io.Writer) {
	if len(r.rows) == 0 {
		return
	}
	type key struct{ scenario, measure string }
	var order []key
	by := map[key][]row{}
	for _, x := range r.rows {
		k := key{x.scenario, x.measure}
		if _, ok := by[k]; !ok {
			order = append(order, k)
		}
		by[k] = append(by[k], x)
	}
	fmt.Fprintln(w, "\n== results (range over runs; ratio = entkiosk / reference, each from one run)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "scenario\tmeasure\tentkiosk\treference\tratio\truns")
	for _, k := range order {
		rows := by[k]
		var vs, refs, ratios []float64
		for _, x := range rows {
			vs = append(vs, x.value)
			if x.refName != "" {
				refs = append(refs, x.ref)
				if x.ref != 0 {
					ratios = append(ratios, x.value/x.ref)
				}
			}
		}
		u := rows[0].u
		ref, rat := "", ""
		if len(refs) > 0 {
			ref = rows[0].refName + " " + span(refs, u.format)
		}
		if len(ratios) > 0 {
			rat = span(ratios, func(v float64) string { return fmt.Sprintf("%.2f×", v) })
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", k.scenario, k.measure, span(vs, u.format), ref, rat, len(rows))
	}
	tw.Flush()
	for _, n := range r.notes {
		fmt.Fprintln(w, "- "+n)
	}
	if strings.TrimSpace(*serverFlags) != "" {
		fmt.Fprintln(w, "entkiosk serve ran with:", *serverFlags)
	}
}
