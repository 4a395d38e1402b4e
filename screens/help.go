package screens

// Placeholder until the screen is written.
func NewHelp(c *Common, nav NavigateMsg) Screen { return &wip{c, "help"} }
