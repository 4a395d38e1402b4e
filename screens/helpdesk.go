package screens

// Placeholder until the screen is written.
func NewHelpdesk(c *Common, nav NavigateMsg) Screen { return &wip{c, "helpdesk"} }
