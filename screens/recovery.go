package screens

// Placeholder until the screen is written.
func NewRecovery(c *Common, nav NavigateMsg) Screen { return &wip{c, "recovery"} }
