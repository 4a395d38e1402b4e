// Package fr is the French catalogue: one file per area of the interface,
// each a map of key to text; the other language's package has the same
// files and the same keys.
package fr

// Areas are the catalogue's maps by area (the file's name).
var Areas = map[string]map[string]string{
	"accessible":     accessible,
	"activation":     activation,
	"cli":            cli,
	"codeentry":      codeentry,
	"commands":       commands,
	"dashboard":      dashboard,
	"errors":         errors,
	"help":           help,
	"helpdesk":       helpdesk,
	"helpdesk_audit": helpdeskAudit,
	"helpdesk_card":  helpdeskCard,
	"helpdesk_walk":  helpdeskWalk,
	"home":           home,
	"keys":           keys,
	"lookup":         lookup,
	"mail":           mail,
	"mailbox":        mailbox,
	"password":       password,
	"recovery":       recovery,
	"shell":          shell,
	"ssh":            ssh,
	"web":            web,
}
