package screens

// Placeholder until the screen is written.
func NewDashboard(c *Common, nav NavigateMsg) Screen { return &wip{c, "dashboard"} }
