package accessible

import "entkiosk/screens"

// console is the helpdesk console in linear form (console.go).
func (s *session) console(screens.NavigateMsg) (screens.NavigateMsg, error) {
	return toDashboard, nil
}
